/**
 * A heading's block written as labelled fields, one per line, with the attribution before the work — the form of a
 * rectification plan (整改方案) and of many task breakdowns:
 *   （一）问题……
 *   整改目标：……
 *   整改时限：2025年6月底前
 *   责任单位：X（牵头），Y、Z
 *   整改措施：一是……；二是……
 * One obligation: the work is the measures (else the target), its time the time field's, its units the unit fields'.
 * (Fields after the work — 工作任务：… then 责任单位：… — are read by the sentence segmentation as any text and the
 * attribution that follows it.)
 */
import { PERSON_LABEL, TIME_LABEL, UNIT_LABEL } from './units/clauses.js';

/** The work: 整改措施：… 工作任务：… */
export const WORK_FIELD = /^[【\[［]?(?:整改措施|工作措施|具体措施|主要措施|推进措施|落实措施|工作内容|主要内容|具体内容|任务内容|工作任务|具体任务|主要任务|重点任务|工作要求)(?:[】\]］][：:]?|[：:])/;
/** The aim of the work: 整改目标：… */
export const GOAL_FIELD = /^[【\[［]?(?:整改目标|工作目标|目标任务|预期目标|目标要求)(?:[】\]］][：:]?|[：:])/;

export type FieldKind = 'work' | 'goal' | 'time' | 'unit' | 'person';

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
  ] as const) {
    const m = re.exec(line);
    if (m) return { kind, label: m[0].length };
  }
  return null;
}

/**
 * The fields of text[from, to) when every line of it is a field (a line that is none continues the field above)
 * and an attribution or a time comes before the work: null otherwise.
 */
export function fieldRecord(text: string, from: number, to: number): Field[] | null {
  const fields: Field[] = [];
  let at = from;
  while (at < to) {
    let eol = text.indexOf('\n', at);
    if (eol < 0 || eol > to) eol = to;
    const line = text.slice(at, eol);
    const lead = line.length - line.trimStart().length;
    if (line.trim()) {
      const k = kindOf(line.trimStart());
      if (k) fields.push({ kind: k.kind, start: at + lead, valueStart: at + lead + k.label, end: at + line.trimEnd().length });
      else if (fields.length) fields[fields.length - 1].end = at + line.trimEnd().length;
      else return null;
    }
    at = eol + 1;
  }
  const firstWork = fields.findIndex((f) => f.kind === 'work');
  const work = firstWork >= 0 ? firstWork : fields.findIndex((f) => f.kind === 'goal');
  if (work < 0) return null;
  return fields.slice(0, work).some((f) => f.kind === 'time' || f.kind === 'unit') ? fields : null;
}
