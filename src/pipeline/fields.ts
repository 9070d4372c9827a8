/**
 * Records of labelled fields, one field a line, in any order — the form of a rectification plan (整改方案) and of many
 * task breakdowns:
 *   问题一                                  (a title line, a heading, or none)
 *   问题：……        整改目标：……
 *   整改时限：2025年6月底前
 *   责任单位：X（牵头），Y、Z                 责任领导：某某
 *   整改措施：1.……；2.……
 * One obligation each: the work is the measures (else the target), its time the time field's, its units the unit
 * fields'. A run of fields with the work first and nothing naming it (工作任务：… then 责任单位：…) is no record: the
 * sentence segmentation reads it as any text and the attribution after it.
 */
import { PERSON_LABEL, TIME_LABEL, UNIT_LABEL } from './units/clauses.js';

/** The work: 整改措施：… 工作任务：… */
export const WORK_FIELD = /^[【\[［]?(?:整改措施|工作措施|具体措施|主要措施|推进措施|落实措施|工作内容|主要内容|具体内容|任务内容|工作任务|具体任务|主要任务|重点任务|工作要求)(?:[】\]］][：:]?|[：:])/;
/** The aim of the work: 整改目标：… */
export const GOAL_FIELD = /^[【\[［]?(?:整改目标|工作目标|目标任务|预期目标|目标要求)(?:[】\]］][：:]?|[：:])/;
/** The label opening a text of work or aim, dropped from a task's text (工作任务：推进… → 推进…). */
export const TEXT_LABEL = new RegExp(`(?:${WORK_FIELD.source})|(?:${GOAL_FIELD.source})`);

/** The problem a rectification answers: 问题：… 存在问题：… */
export const PROBLEM_FIELD = /^[【\[［]?(?:问题|存在问题|反馈问题|问题描述|问题表现|具体问题|问题清单)(?:[】\]］][：:]?|[：:])/;

export type FieldKind = 'work' | 'goal' | 'time' | 'unit' | 'person' | 'problem';

export interface Field {
  kind: FieldKind;
  /** The line ([start, end) of the text given) and where its value starts (after the label). */
  start: number;
  valueStart: number;
  end: number;
}

function kindOf(line: string): { kind: FieldKind; label: number } | null {
  for (const [kind, re] of [
    ['work', WORK_FIELD],
    ['goal', GOAL_FIELD],
    ['time', TIME_LABEL],
    ['unit', UNIT_LABEL],
    ['person', PERSON_LABEL],
    ['problem', PROBLEM_FIELD],
  ] as const) {
    const m = re.exec(line);
    if (m) return { kind, label: m[0].length };
  }
  return null;
}

/** A record of fields in a longer text: its fields, its title line (问题一) if one heads it, and its span. */
export interface FieldRecordAt {
  fields: Field[];
  title: { start: number; end: number } | null;
  start: number;
  end: number;
}

/** A short line that names the record under it (问题一 / 问题2 / 第三项), not text of its own. */
const RECORD_TITLE = /^(?:问题|事项|任务|第)[一二三四五六七八九十\d]{1,3}(?:项|个|条)?[：:、.．]?$/;

/**
 * The records of labelled fields in text[from, to) — each opened by a title line (问题一), a problem field or a field
 * kind the record already has — when they are records: a problem field or a title line heads them, or an
 * attribution or a time comes before the work. The prose between them is left out (the caller reads it as prose).
 */
export function fieldRecords(text: string, from: number, to: number): FieldRecordAt[] {
  const out: FieldRecordAt[] = [];
  let cur: FieldRecordAt | null = null;
  let title: { start: number; end: number } | null = null;
  const close = () => {
    if (cur && isRecord(cur)) out.push(cur);
    cur = null;
  };
  let at = from;
  while (at < to) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    const line = text.slice(at, eol);
    const lead = line.length - line.trimStart().length;
    const trimmed = line.trim();
    if (trimmed) {
      const start = at + lead;
      const end = at + line.trimEnd().length;
      const k = kindOf(trimmed);
      if (k) {
        // (a problem opens the next record once this one has its problem or its work: 责任单位 and 责任领导 may come first)
        const has = (kinds: FieldKind[]) => !!cur && cur.fields.some((f) => kinds.includes(f.kind));
        const opens = !cur || (k.kind === 'problem' ? has(['problem', 'work', 'goal']) : k.kind !== 'unit' && k.kind !== 'person' && has([k.kind]));
        if (opens) {
          close();
          cur = { fields: [], title, start: title?.start ?? start, end };
          title = null;
        }
        cur!.fields.push({ kind: k.kind, start, valueStart: start + k.label, end });
        cur!.end = end;
      } else if (RECORD_TITLE.test(trimmed)) {
        close();
        title = { start, end };
      } else if (cur && continues(cur.fields[cur.fields.length - 1], text)) {
        // a line that continues the field above (a text field's value wrapped)
        cur.fields[cur.fields.length - 1].end = end;
        cur.end = end;
      } else {
        close();
        title = null;
      }
    }
    at = eol + 1;
  }
  close();
  return out;
}

/** Does the next line continue field f: a text field (problem, goal, work) whose value is not yet a finished sentence. */
function continues(f: Field, text: string): boolean {
  return (f.kind === 'work' || f.kind === 'goal' || f.kind === 'problem') && !/[。！？]$/.test(text.slice(f.start, f.end));
}

function isRecord(r: FieldRecordAt): boolean {
  const kinds = r.fields.map((f) => f.kind);
  const firstWork = kinds.indexOf('work');
  const work = firstWork >= 0 ? firstWork : kinds.indexOf('goal');
  if (work < 0 || !kinds.some((k) => k === 'time' || k === 'unit')) return false;
  return !!r.title || kinds.includes('problem') || kinds.slice(0, work).some((k) => k === 'time' || k === 'unit');
}
