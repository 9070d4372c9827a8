/**
 * One corpus file → one plan and its tasks. Composes the stages:
 * decode → normalize → fold (the reading rules match on) → metadata → tables / headings → tokens →
 * segments → deadlines, units, themes → refiners (inherit units, de-duplicate) → ids and source spans →
 * annex rows and `restates`.
 * What the extractor reports (text, unit names, deadline raws) is cut from the normalized text through
 * the fold's map, so it reads as written in the file (traditional script stays traditional).
 */
import type { Deadline, Plan, Task, TaskUnit } from '../types.js';
import { GROUP_SEP, parseAnnex, type Annex } from './annex.js';
import { DEFAULT_CONFIG, themeRulesOf, unitTablesOf, type ExtractorConfig } from './config.js';
import { readDocument, type LineOrigin } from '../readers/index.js';
import { findDeadlines, ONGOING_RULES, type DeadlineContext } from './deadlines/index.js';
import { ACTION_VERB } from './deadlines/patterns.js';
import { fold, unfoldSpan, type Folded } from './fold.js';
import { findHeadings, type Heading } from './headings.js';
import { planIdOf, taskId, textKey } from './ids.js';
import { fieldRecords, TEXT_LABEL, type FieldRecordAt } from './fields.js';
import { extractMetadata } from './metadata.js';
import { normalize, rawEnd, rawStart, type Normalized } from './normalize.js';
import { linkRestates } from './refiners/restates.js';
import type { Candidate } from './refiners/types.js';
import { ITEM_MARKER, segmentTokens, tokenize } from './segment.js';
import { themesOf, type ThemeRule } from './tables/topics/e-government.js';
import { canonicalNameWith as canonicalName, REGION_COLLECTIVE, unitKindWith as unitKind, type UnitTables } from './tables/units.js';
import { parseRoleClauses, parseUnits, splitList, splitTopText, unitListPrefix, WORK_START, type FoundUnit } from './units/index.js';
import { splitTop } from './units/pieces.js';

export type PlanResult = { ok: true; plan: Plan; tasks: Task[] } | { ok: false; reason: string };

/** Line index for raw offsets → 1-based line numbers (binary search). */
function lineIndex(raw: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return (off) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

const MIN_ACTION = 6;
/** …and of one an attribution governs that names its work with an action verb (完成演练). */
const MIN_GOVERNED_ACTION = 4;
const HAS_ACTION = new RegExp(ACTION_VERB);
const STARTS_WITH_ACTION = new RegExp(`^(?:基本|全面|全部|率先)?${ACTION_VERB}`);

/** A field label opening an item (工作内容：…, 具体措施：…) is no part of its text. */

function cleanText(s: string): string {
  return s.replace(/\n/g, '').replace(/\t/g, ' ').replace(/^[，。；、：\s]+/, '').trim().replace(TEXT_LABEL, '').trim();
}

/** The document's working state: its readings and how to cut text as written. */
interface Doc {
  norm: Normalized;
  folded: Folded;
  ctx: DeadlineContext;
  config: ExtractorConfig;
  unitTables: UnitTables;
  /** The theme rules of the topics the plan is of. */
  themeRules: ThemeRule[];
  /** Text as written for a folded span. */
  written(fs: number, fe: number): string;
}

function toUnit(doc: Doc, u: FoundUnit): TaskUnit {
  const written = doc.folded.text.slice(u.start, u.end) === u.name ? doc.written(u.start, u.end) : u.name;
  const canonical = canonicalName(u.prefix + u.name + u.suffix, doc.unitTables);
  return { name: written, canonical, kind: unitKind(canonical, doc.unitTables), role: u.role, rule: u.rule };
}

function mergeUnits(into: TaskUnit[], from: TaskUnit[]): void {
  for (const u of from) if (!into.some((x) => x.canonical === u.canonical && x.role === u.role)) into.push(u);
}

/** Deadlines in the folded span [fs, fe), their raws as written. */
function deadlinesIn(doc: Doc, fs: number, fe: number): Deadline[] {
  return findDeadlines(doc.folded.text.slice(fs, fe), doc.ctx, doc.config.deadlines).map((d) => ({
    raw: doc.written(fs + d.start, fs + d.end).replace(/\s+/g, '') || d.raw,
    date: d.date,
    recurring: d.recurring,
    precision: d.precision,
    rule: d.rule,
  }));
}

/** The ongoing marks (长期坚持 as a clause) in the folded span [fs, fe), as deadlines without a date: each form once
 * (立行立改，长期坚持: at once, and for good). */
function ongoingIn(doc: Doc, fs: number, fe: number): Deadline[] {
  return findDeadlines(doc.folded.text.slice(fs, fe), doc.ctx, ONGOING_RULES)
    .filter((d, i, all) => all.findIndex((x) => x.raw === d.raw) === i)
    .slice(0, 2)
    .map((d) => ({ raw: doc.written(fs + d.start, fs + d.end) || d.raw, date: null, recurring: null, precision: d.precision, rule: d.rule }));
}

/** Adds to `into` the deadlines it does not hold yet (the same raw and date). */
function addDeadlines(into: Deadline[], ds: Deadline[]): void {
  for (const d of ds) if (!into.some((x) => x.raw === d.raw && x.date === d.date)) into.push(d);
}

/** Length of the action text without the deadlines found in it (linear: no string rebuilding). */
function actionLength(text: string, inText: Deadline[]): number {
  let n = textKey(text).length;
  for (const d of inText) n -= textKey(d.raw).length;
  return n;
}

/** Is the heading run-in (its body continues on the same line: 1.加快老旧小区改造。5月底前开工…)? */
function runIn(text: string, h: Heading, end: number): boolean {
  let i = h.titleEnd;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i < end && text[i] !== '\n';
}

function proseCandidates(doc: Doc, begin: number, end: number): Candidate[] {
  const text = doc.folded.text;
  const headings = findHeadings(text, begin, end);
  const out: Candidate[] = [];
  const path: Heading[] = [];
  const memo = new Map<string, FoundUnit[] | null>();
  const blocks: Array<{ from: number; to: number; heading: Heading | null; path: Heading[]; runInEnd: number | null }> = [];
  blocks.push({ from: begin, to: headings.length ? headings[0].start : end, heading: null, path: [], runInEnd: null });
  headings.forEach((h, i) => {
    while (path.length && path[path.length - 1].level >= h.level) path.pop();
    path.push(h);
    const to = i + 1 < headings.length ? headings[i + 1].start : end;
    // A run-in title (一、标题。正文 on one line) or one that carries its own deadline opens the item's text.
    const titled = findDeadlines(h.title, doc.ctx, doc.config.deadlines).length > 0;
    const inline = runIn(text, h, to);
    // A numbered item that is one sentence (三、…由市政府督查室负责督办。) has nothing but its "title".
    const alone = !text.slice(h.titleEnd, to).trim();
    blocks.push({ from: titled || inline || alone ? h.start + h.marker.length : h.titleEnd, to, heading: h, path: [...path], runInEnd: inline ? h.titleEnd : null });
  });
  for (const [bi, b] of blocks.entries()) {
    const section = b.path.map((h) => doc.written(h.start, h.start + h.marker.length + h.title.length));
    const deepest = b.path.filter((h) => h.level >= 2);
    const sectionTitles = (deepest.length ? deepest : b.path).map((h) => h.title);
    // 问题：… / 整改时限：… / 责任单位：… / 整改措施：…: one obligation per record of labelled fields; the prose
    // around the records as prose
    const records = b.runInEnd === null ? fieldRecords(text, b.from, b.to) : [];
    const ranges: Array<[number, number]> = [];
    let proseFrom = b.from;
    for (const r of records) {
      if (r.start > proseFrom) ranges.push([proseFrom, r.start]);
      proseFrom = r.end;
    }
    if (proseFrom < b.to || !records.length) ranges.push([proseFrom, b.to]);
    const blockCands: Candidate[] = [];
    for (const r of records) {
      const c = recordCandidate(doc, r, bi, section, sectionTitles);
      if (c) blockCands.push(c);
    }
    const afterHeading = ranges.length > 0 && ranges[0][0] === b.from;
    const segs = ranges.flatMap(([f, t]) => segmentTokens(text, tokenize(text, f, t, doc.config.units, memo), doc.ctx, { runInTitleEnd: b.runInEnd, deadlines: doc.config.deadlines }));
    for (const [si, s] of segs.entries()) {
      let start = s.start;
      let stop = s.end;
      let rule = s.units && s.units.length ? 'task/governed-text' : 'task/dated-text';
      if (stop <= start && si === 0 && afterHeading && b.heading && s.units) {
        // An attribution right after a heading governs the heading's own title.
        start = b.heading.start + b.heading.marker.length;
        stop = start + b.heading.title.length;
        rule = 'task/heading';
      }
      const body = cleanText(doc.written(start, stop));
      if (!body) continue;
      const deadlines = deadlinesIn(doc, start, stop);
      const own = deadlines.length;
      for (const [a, z] of s.extras) addDeadlines(deadlines, deadlinesIn(doc, a, z));
      const units: TaskUnit[] = [];
      mergeUnits(units, (s.units ?? []).map((u) => toUnit(doc, u)));
      // No attribution governs it: the units that open its sentences as subjects, if any do — taken when the
      // refiners leave it without units (an attribution later in its paragraph governs it first). Undated, it is an
      // obligation when a unit opens one of its sentences and is assigned the work (县体育局要…，长期坚持。 / 各乡镇要…。
      // 各村要…。). An attribution of supervisors or supporters only (…。县教育局负责督促落实。 / …。各区政府配合。) leaves
      // the doers to the subjects.
      const undated = !units.length && !deadlines.length;
      const noDoer = units.length > 0 && units.every((u) => u.role === 'supervise' || u.role === 'support');
      let ownItem = false;
      let subjectUnits = !units.length || noDoer ? sentenceSubjects(doc, start, stop, undated || noDoer, !!b.heading, !undated) : undefined;
      if (undated && !subjectUnits) continue;
      if (undated) {
        // assigned by its subject, which no attribution later in the paragraph replaces
        rule = 'task/assigned-text';
        mergeUnits(units, subjectUnits!);
      } else if (!units.length && subjectUnits && ITEM_OPENS.test(doc.folded.text.slice(start, stop))) {
        // 一是X每季度…；二是Y每月…: an enumerated item that names its own unit is that unit's, not the next attribution's
        mergeUnits(units, subjectUnits);
        subjectUnits = undefined;
        ownItem = true;
      } else if (noDoer && subjectUnits) {
        units.unshift(...subjectUnits.filter((u) => !units.some((x) => x.canonical === u.canonical)));
        subjectUnits = undefined;
      }
      if (CLOSING.test(body) || PURPOSE.test(body)) continue;
      // X会同Y开展…。（责任单位：X、Y）: the attribution lists both alike, the text names the host
      if (units.length > 1 && units.every((u) => u.role === 'responsible')) refineRoles(units, sentenceSubjects(doc, start, stop, false, !!b.heading, true));
      // …，长期坚持 / （…负责，持续推进）: the task's time requirement when it names no limit of its own.
      if (!deadlines.length) deadlines.push(...ongoingIn(doc, start, Math.max(s.spanEnd, stop)));
      // A terse item (年底前完成演练。（…负责）) is a task when an attribution governs it and it names the work.
      if (actionLength(body, deadlines.slice(0, own)) < (units.length && HAS_ACTION.test(body) ? MIN_GOVERNED_ACTION : MIN_ACTION)) continue;
      blockCands.push({ text: body, key: textKey(body), pos: start, start, end: stop, spanEnd: Math.max(s.spanEnd, stop), block: bi, section, sectionTitles, units, inherited: false, deadlines, rule, refinedBy: [], ...(subjectUnits ? { subjectUnits } : {}), ...(ownItem ? { ownItem } : {}) });
    }
    out.push(...blockCands.sort((x, y) => x.start - y.start));
  }
  return out;
}

/** The obligation of a record of labelled fields (fields.ts): the work's text (else the target's), the time fields'
 * deadlines and ongoing marks before the dates in the work's text, the unit fields' units; the record's title and
 * problem (问题一, 问题：…) and its target group it below its section, one level each (as a 整改清单 table's columns). */
function recordCandidate(doc: Doc, rec: FieldRecordAt, block: number, section: string[], sectionTitles: string[]): Candidate | null {
  const { fields } = rec;
  const work = fields.filter((f) => f.kind === 'work');
  const what = work.length ? work : fields.filter((f) => f.kind === 'goal');
  const start = what[0].valueStart;
  const stop = what[what.length - 1].end;
  const body = cleanText(doc.written(start, stop));
  if (!body) return null;
  const times = fields.filter((f) => f.kind === 'time');
  const deadlines: Deadline[] = [];
  const add = (ds: Deadline[]) => addDeadlines(deadlines, ds);
  // the time field's own (2022年3月底前…；…长期坚持: both), then the dates of the work's steps
  for (const f of times) {
    add(deadlinesIn(doc, f.valueStart, f.end));
    add(ongoingIn(doc, f.valueStart, f.end));
  }
  for (const f of what) add(deadlinesIn(doc, f.valueStart, f.end));
  if (!deadlines.length) for (const f of what) add(ongoingIn(doc, f.valueStart, f.end));
  const units: TaskUnit[] = [];
  for (const f of fields.filter((x) => x.kind === 'unit')) {
    const r = parseUnits(doc.config.units, 'line', doc.folded.text.slice(f.start, f.end));
    if (r) mergeUnits(units, r.units.map((u) => toUnit(doc, { ...u, start: u.start + f.start, end: u.end + f.start })));
  }
  const levels: string[] = [];
  if (rec.title) levels.push(cleanText(doc.written(rec.title.start, rec.title.end)).replace(/[：:、.．]$/, ''));
  for (const k of ['problem', ...(work.length ? ['goal'] : [])] as const) {
    const f = fields.find((x) => x.kind === k);
    const v = f && cleanText(doc.written(f.valueStart, f.end)).replace(/[。；]$/, '');
    if (v) levels.push(v);
  }
  const spanEnd = Math.max(...fields.map((f) => f.end));
  return { text: body, key: textKey(body), pos: start, start, end: stop, spanEnd, block, section: [...section, ...levels], sectionTitles: [...sectionTitles, ...levels], units, inherited: false, deadlines, rule: 'task/field-record', refinedBy: [] };
}

/** The host the text names among the units an attribution lists alike (X会同Y… with 责任单位：X、Y): X leads; its
 * partners stay answerable as the attribution has them. Only when the text's subjects are those units and no others. */
function refineRoles(units: TaskUnit[], subjects: TaskUnit[] | undefined): void {
  if (!subjects || !subjects.some((u) => u.role === 'lead')) return;
  const role = new Map(subjects.map((u) => [u.canonical, u.role]));
  if (!units.every((u) => role.has(u.canonical))) return;
  for (const u of units) if (role.get(u.canonical) === 'lead') u.role = 'lead';
}

/** The units that open the sentences of the folded span [start, stop) as their subjects (assigned the work, when
 * `assigned`: see assignedBy), each once; undefined when none does. */
function sentenceSubjects(doc: Doc, start: number, stop: number, assigned: boolean, inItem: boolean, dated: boolean): TaskUnit[] | undefined {
  const out: TaskUnit[] = [];
  const text = doc.folded.text.slice(start, stop);
  for (const m of text.matchAll(/[^。！？；]+[。！？；]?/g)) {
    // (an enumerated item, 二是X每月…, names its subject after its marker)
    const marker = ITEM_MARKER.exec(m[0])?.[0].length ?? 0;
    const sentence = m[0].slice(marker);
    const subj = parseUnits(doc.config.units, 'subject', sentence);
    if (!subj || (assigned && !assignedBy(sentence, subj.units, inItem, dated))) continue;
    const at = start + m.index! + marker;
    mergeUnits(out, subj.units.map((u) => toUnit(doc, { ...u, start: u.start + at, end: u.end + at })));
  }
  return out.length ? out : undefined;
}

/** Does an enumerated item (ITEM_MARKER) open one of the text's sentences? */
const ITEM_OPENS = { test: (text: string) => text.split(/[。；：]/).some((x) => ITEM_MARKER.test(x)) };

/** The closing formulas of a plan (附则): when it takes effect, until when, who interprets it — no work to do. */
const CLOSING_CLAUSE = /^(?:本(?:方案|办法|意见|通知|要点|计划|细则|清单))?(?:[^，。；]{0,12}自(?:印发|发布|公布)之日起(?:施行|执行|实施|生效)|由[^，。；]{2,30}负责解释|有效期[^，。；]{0,20}|[^，。；]{0,12}同时废止)$/;
const CLOSING = { test: (body: string) => body.split(/[，。；,;]/).filter((c) => c.trim()).every((c) => CLOSING_CLAUSE.test(c.trim())) };

/** The statement of a plan's purpose that closes its opening (为…，自2025年3月起在全县开展…行动，特制定本方案。 /
 * …，现提出如下意见): what the plan is, not a task in it. */
const PURPOSE = /(?:^|[，。；])(?:特|现|故|为此|据此)?[，,]?(?:结合[^，。；]{1,12}实际[，,]?)?(?:制定|制订|印发|提出|形成)(?:本|如下|以下)[^，。；]{0,10}?(?:方案|计划|要点|意见|办法|细则|清单|措施)[。；]?$/;

/** A unit named with its level or place: 县体育局, 青溪县住建局, 市委宣传部 — or a division of the issuing body (政策法规处,
 * 食品经营股) — not 审计机关, not 各单位. */
const SPECIFIC_UNIT = /^(?!各)(?:省|市|自治区|县|区|州|乡|镇|街道|[\u4e00-\u9fff]{2,6}?(?:省|市|县|区|州|盟|旗|乡|镇|街道))|^(?!各|有关|相关)[\u4e00-\u9fff]{2,12}(?:处|科|股)$/;
/** The governments of a named level, or the bodies of a named kind, as a plan's addressees: 各乡镇人民政府, 各区政府,
 * 各县（市、区）, 各村, 各学校 — assigned the work as much as one named unit (not 各地, 各部门, 各单位: every body);
 * so are the issuer's own divisions (各股室, 各处室). */
const LEVEL_COLLECTIVE = {
  test: (s: string) => (REGION_COLLECTIVE.test(s) && s !== '各地') || /^各[^，。；、]{0,8}(?:人民政府|政府|办事处|学校|幼儿园|医院|卫生院)$|^各(?:股室|科室|处室)$/.test(s),
};
/** The units of a role in the plan's tasks: 各牵头单位, 各责任部门. */
const ROLE_COLLECTIVE = /^各(?:牵头|责任|承办|牵头和责任|牵头责任)(?:单位|部门)$/;

/**
 * Is `seg` assigned to the subject found in it: named units (with their level: 县体育局, not a class such as
 * 审计机关 or a collective call such as 各单位; the governments of a level, 各乡镇人民政府, are named) that open it
 * (after a run-in title at most) and take the work by a modal of assignment (要, 负责, 牵头, 应当, 须) or a verb
 * of the work itself (组织开展…, 制定…; 将…纳入考核: a named unit's 将 commits it in a plan's items — in its opening paragraph it states the
 * issuer's intent), or take partners for it (X会同Y开展…, X配合Y做好…) — not an attitude (要高度重视)?
 */
function assignedBy(seg: string, subject: FoundUnit[], inItem: boolean, dated: boolean): boolean {
  const u = subject.reduce((a, b) => (b.start < a.start ? b : a));
  // (the units of a role — 各牵头单位 — only with a time: undated, it is the notice's exhortation, 各牵头单位要切实承担起…)
  if (subject.some((x) => !(SPECIFIC_UNIT.test(x.prefix + x.name) || LEVEL_COLLECTIVE.test(x.prefix + x.name) || (dated && ROLE_COLLECTIVE.test(x.prefix + x.name))) || /有关|相关/.test(x.name))) return false;
  // …after a run-in title, and after a time that opens the sentence (4月30日前，X牵头…) at most
  const before = seg.slice(0, u.start).replace(/(?:^|(?<=[。！？]))[^，。；！？]{1,16}?(?:前|底|内|期间|后|起)[，,]\s*$/, '');
  // (a unit opening a later clause takes it only by 负责 or 牵头: 将…纳入年度考核，政策法规处负责考核实施)
  const late = /[，,；;]/.test(before) || !!before.replace(/^[^。！？]*[。！？]/, '').trim();
  if (late && !/[，,]$/.test(before)) return false;
  let end = u.end;
  let partnered = false;
  for (;;) {
    const m = /^(?:、|和|及|会同|联合|配合|协助)/.exec(seg.slice(end));
    if (!m) break;
    const list = unitListPrefix(seg.slice(end + m[0].length));
    if (!list) break;
    end += m[0].length + list.text.length;
    partnered ||= m[0].length === 2;
  }
  // X要… / X负责… — or X会同Y开展… / X配合Y做好…: units named as partners in the work are assigned it.
  const rest = seg.slice(end);
  if (ATTITUDE.test(rest)) return false;
  if (late) return /^(?:负责|牵头)/.test(rest);
  const modal = /^(?:要|负责|牵头|应当|应|须|必须|按(?:照)?职责(?:分工)?|将(?!来|近|会))/.test(rest) && (inItem || !rest.startsWith('将'));
  return modal || DOER_VERB.test(rest) || (partnered && WORK_START.test(rest));
}

/** A verb that gives the subject the work itself (区住建局组织开展…, 县水利局制定…, 市政府督查室对…进行督查), not a time or
 * place. */
const DOER_VERB = /^(?:至少|分别|均|统一|定期|每[年季月周])?(?:组织|开展|建立|建设|制定|研究制定|编制|出台|完成|推进|推动|实施|落实|做好|抓好|统筹|对[^，。；]{2,40}?(?:进行|开展|实施))/;

/** A call for an attitude, not for work (各乡镇要高度重视…, 要充分认识…, 要增强责任意识). */
const ATTITUDE = /^(?:要|应当|应|须|必须)?(?:进一步|切实|充分|始终)?(?:高度重视|重视|充分认识|深刻认识|提高(?:思想)?认识|统一思想|增强[^，。；]{0,6}意识|树立[^，。；]{0,6}意识)/;

/** A table cell of units → units with the column's role ("省审计厅牵头，…配合" in a cell keeps its own roles). */
function cellUnits(doc: Doc, cellStart: number, cellText: string, role: TaskUnit['role']): TaskUnit[] {
  const own = parseRoleClauses({ text: cellText, start: cellStart }, { rule: 'unit/table-cell', strict: true });
  if (own) return own.map((u) => toUnit(doc, u));
  // A list as 公文 writes one (splitList): 合肥、芜湖、阜阳市人民政府 share the suffix, 省工商局、人社厅 the prefix,
  // 各市、县政府 is one collective, 市住建局（牵头） marks its own role; the column gives the rest their role.
  const out: TaskUnit[] = [];
  const body = cellText.replace(/[。．]$/, '');
  for (const piece of splitTop({ text: body, start: 0 }, '，,；;')) {
    for (const it of splitList(piece)) {
      const name = it.text.replace(/等$/, '').trim();
      if (!name) continue;
      const written = doc.written(cellStart + it.start, cellStart + it.start + name.length);
      const canonical = canonicalName(it.prefix + name + it.suffix, doc.unitTables);
      out.push({ name: written, canonical, kind: unitKind(canonical, doc.unitTables), role: it.role ?? role, rule: 'unit/table-column' });
    }
  }
  return out;
}

function annexTasks(doc: Doc, annex: Annex, planId: string, file: string, lineOf: (o: number) => number, raw: (fs: number, fe: number) => [number, number]): { tasks: Task[]; odd: number } {
  const tasks: Task[] = [];
  const themeRules = doc.themeRules;
  let odd = 0;
  for (const r of annex.rows) {
    if (!r.text) continue;
    const text = cleanText(doc.written(r.text.start, r.text.end));
    const key = textKey(text);
    // A task cell states work to do: a bare number, a unit list or a date is a broken row (scrape noise).
    const folded = r.text.text;
    // (a cell that opens with an action verb states work, whatever it ends with: 建成区级养老服务中心)
    const unitsOnly = !STARTS_WITH_ACTION.test(folded) && (parseRoleClauses({ text: `${folded}负责`, start: 0 }, { rule: '', strict: true })?.length ?? 0) === splitTopText(folded, '、，,').length;
    if (key.length < MIN_ACTION || /^\d+$/.test(key) || unitsOnly || findDeadlines(folded, doc.ctx, doc.config.deadlines).some((d) => d.raw === folded)) {
      odd++;
      continue;
    }
    const deadlines = r.deadline ? deadlinesIn(doc, r.deadline.start, r.deadline.end) : [];
    if (r.deadline && !deadlines.length) {
      // A 时限 cell is a limit by its column: a bare 二季度 / 6月 there reads as 二季度前 / 6月前.
      const cell = r.deadline.text.replace(/[。．\s]+$/, '');
      const d = findDeadlines(`${cell}前`, doc.ctx, doc.config.deadlines).find((x) => x.start === 0 && x.end >= cell.length);
      if (d) deadlines.push({ raw: doc.written(r.deadline.start, r.deadline.end), date: d.date, recurring: d.recurring, precision: d.precision, rule: `${d.rule}+column` });
    }
    if (r.deadline && !deadlines.length) {
      // A date cell of a spreadsheet (2018-06-30, 2018/6/30, 2018.6.30): the deadline of the row.
      const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:前)?$/.exec(r.deadline.text);
      if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= 31) {
        deadlines.push({ raw: doc.written(r.deadline.start, r.deadline.end), date: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`, recurring: null, precision: 'day', rule: 'deadline/table-date' });
      }
    }
    if (r.deadline && !deadlines.length) deadlines.push(...ongoingIn(doc, r.deadline.start, r.deadline.end));
    // 时限 每年1月底前 beside 截止日期 2018-01-31: the ledger's date is the first occurrence the plan alone
    // (without its issue date) cannot give.
    const iso = r.date && /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.date.text.trim());
    if (iso && deadlines[0] && !deadlines[0].date) deadlines[0] = { ...deadlines[0], date: iso[0], rule: `${deadlines[0].rule}+date-column` };
    const units: TaskUnit[] = [];
    for (const u of r.units) mergeUnits(units, cellUnits(doc, u.cell.start, u.cell.text, u.role));
    const [start, end] = raw(r.start, r.end);
    tasks.push({
      id: taskId(planId, `annex:${r.row}`, key),
      planId,
      kind: 'task',
      section: [annex.title, ...(r.group ? r.group.split(GROUP_SEP) : [])],
      text,
      deadlines,
      units,
      themes: themesOf(r.group ? r.group.split(GROUP_SEP) : [], text, themeRules),
      source: { file, start, end, line: lineOf(start), origin: 'annex', row: r.row },
      restates: null,
      rule: 'task/table-row',
    });
  }
  return { tasks, odd };
}

/** Where a line came from in a file of another format (page, paragraph, table row). */
function provenance(format: string, o: LineOrigin | undefined): Partial<Task['source']> {
  if (format === 'txt') return {};
  const p: Partial<Task['source']> = { format };
  if (o?.page) p.page = o.page;
  if (o?.paragraph) p.paragraph = o.paragraph;
  if (o?.table) p.table = o.table;
  if (o?.row) p.tableRow = o.row;
  if (o?.sheet) p.sheet = o.sheet;
  return p;
}

/** The plan's year for year-less dates: its title, else its document number, else its issue date. */
function planYear(title: string | null, docNumber: string | null, issuedOn: string | null): number | null {
  const t = title ? /((?:19|20)\d{2})年/.exec(title)?.[1] : undefined;
  if (t) return Number(t);
  const d = docNumber ? /〔((?:19|20)\d{2})〕/.exec(docNumber)?.[1] : undefined;
  if (d) return Number(d);
  return issuedOn ? Number(issuedOn.slice(0, 4)) : null;
}

export function extractPlan(file: string, bytes: Uint8Array, config: ExtractorConfig = DEFAULT_CONFIG): PlanResult {
  const read = readDocument(file, bytes);
  if (!read.ok) return { ok: false, reason: read.reason };
  const rawText = read.text;
  const norm = normalize(rawText);
  const folded = fold(norm.text);
  const meta = extractMetadata(folded.text);
  const ctx: DeadlineContext = { issuedOn: meta.issuedOn, year: planYear(meta.title, meta.docNumber, meta.issuedOn) };
  const written = (fs: number, fe: number) => {
    const [s, e] = unfoldSpan(folded, fs, fe);
    return norm.text.slice(s, e);
  };
  const doc: Doc = { norm, folded, ctx, config, unitTables: unitTablesOf(config), themeRules: themeRulesOf(config, meta.title ?? folded.text.slice(0, 2000)), written };
  const toRaw = (fs: number, fe: number): [number, number] => {
    const [s, e] = unfoldSpan(folded, fs, fe);
    return [rawStart(norm, s), rawEnd(norm, e)];
  };
  const planId = planIdOf(file);
  const warnings: string[] = [];
  warnings.push(...read.warnings);
  if (folded.changed) warnings.push('traditional script or pinyin glosses: matched on a simplified reading, reported as written');
  for (const k of ['place', 'title', 'docNumber', 'issuer', 'issuedOn'] as const) if (!meta[k]) warnings.push(`no ${k} found in the document header`);
  if (meta.place && !meta.province) warnings.push(`the province of ${meta.place} is not named in the text`);

  const annex = parseAnnex(folded.text, ctx);
  // The prose before a table, and after it (a notice's closing requirements follow its task table).
  let cands = proseCandidates(doc, 0, annex ? annex.start : folded.text.length);
  if (annex && annex.end < folded.text.length) cands.push(...proseCandidates(doc, annex.end, folded.text.length));
  for (const r of config.refiners) cands = r.refine(cands, { text: folded.text, warnings });
  for (const c of cands) if (!c.units.length && c.subjectUnits) c.units = c.subjectUnits;

  const lineOf = lineIndex(rawText);
  const where = (line: number) => provenance(read.format, read.lines?.[line - 1]);
  const themeRules = doc.themeRules;
  const tasks: Task[] = cands.map((c) => {
    const goal = c.section.some((s) => /目标/.test(s)) && !c.units.length;
    const [start, end] = toRaw(c.start, c.spanEnd);
    return {
      id: taskId(planId, 'prose', c.key),
      planId,
      kind: goal ? 'goal' : 'task',
      section: c.section,
      text: c.text,
      deadlines: c.deadlines,
      units: c.units,
      themes: themesOf(c.sectionTitles, c.text, themeRules),
      source: { file, ...where(lineOf(start)), start, end, line: lineOf(start), origin: 'prose', row: null },
      restates: null,
      rule: c.rule,
      ...(c.refinedBy.length ? { refinedBy: c.refinedBy } : {}),
    };
  });

  if (annex) {
    warnings.push(...annex.warnings);
    const { tasks: rows, odd } = annexTasks(doc, annex, planId, file, lineOf, toRaw);
    for (const r of rows) Object.assign(r.source, where(r.source.line));
    warnings.push(...linkRestates(tasks, rows));
    tasks.push(...rows);
    if (odd) warnings.push(`${odd} annex row(s) skipped: the task cell holds no task (a number, units or a date)`);
  }
  if (!tasks.length) warnings.push('no obligations found (no deadlines or responsible-unit notes recognised)');
  const plan: Plan = { id: planId, province: meta.province, place: meta.place, title: meta.title, docNumber: meta.docNumber, issuer: meta.issuer, issuedOn: meta.issuedOn, file, warnings };
  return { ok: true, plan, tasks };
}
