/**
 * One corpus file → one plan and its tasks. Composes the stages:
 * decode → normalize → metadata → annex / headings → tokens → segments → deadlines, units, themes
 * → de-duplication → ids and raw source spans.
 */
import type { Deadline, Plan, Task, TaskUnit } from '../types.js';
import { parseAnnex } from './annex.js';
import { decode } from './decode.js';
import { dedupe } from './dedupe.js';
import { findDeadlines, toDeadline, type DeadlineContext } from './deadlines.js';
import { findHeadings, type Heading } from './headings.js';
import { planIdOf, taskId, textKey } from './ids.js';
import { extractMetadata } from './metadata.js';
import { normalize, rawEnd, rawStart, type Normalized } from './normalize.js';
import { segmentTokens, tokenize } from './segment.js';
import { themesOf } from './themes.js';
import { canonicalName, unitKind } from './unit-table.js';
import { parseUnitParen, splitTop } from './units.js';

export type PlanResult = { ok: true; plan: Plan; tasks: Task[] } | { ok: false; reason: string };

interface Candidate {
  text: string;
  key: string;
  pos: number;
  start: number;
  spanEnd: number;
  section: string[];
  sectionTitles: string[];
  units: TaskUnit[];
  inherited: boolean;
  deadlines: Deadline[];
}

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

function actionLength(text: string, deadlines: Deadline[]): number {
  let t = text;
  for (const d of deadlines) t = t.replace(d.raw, '');
  return textKey(t).length;
}

function cleanText(s: string): string {
  return s.replace(/\n/g, '').replace(/\t/g, ' ').replace(/^[，。；、：\s]+/, '').trim();
}

function mergeUnits(into: TaskUnit[], from: TaskUnit[]): void {
  for (const u of from) if (!into.some((x) => x.canonical === u.canonical && x.role === u.role)) into.push(u);
}

function proseCandidates(norm: Normalized, end: number, ctx: DeadlineContext): Candidate[] {
  const text = norm.text;
  const headings = findHeadings(text, 0, end);
  const out: Candidate[] = [];
  const path: Heading[] = [];
  // Scraped pages repeat their parentheticals: parse each distinct one once.
  const parenMemo = new Map<string, TaskUnit[] | null>();
  const parseParen = (inner: string) => {
    if (!parenMemo.has(inner)) parenMemo.set(inner, parseUnitParen(inner));
    const r = parenMemo.get(inner)!;
    return r && r.map((u) => ({ ...u }));
  };
  const blocks: Array<{ from: number; to: number; heading: Heading | null; path: Heading[] }> = [];
  blocks.push({ from: 0, to: headings.length ? headings[0].start : end, heading: null, path: [] });
  headings.forEach((h, i) => {
    while (path.length && path[path.length - 1].level >= h.level) path.pop();
    path.push(h);
    // A title that carries its own deadline is an obligation in its own right: keep it in the body.
    const titled = findDeadlines(h.title, ctx).length > 0;
    blocks.push({ from: titled ? h.start + h.marker.length : h.titleEnd, to: i + 1 < headings.length ? headings[i + 1].start : end, heading: h, path: [...path] });
  });
  for (const b of blocks) {
    const section = b.path.map((h) => `${h.marker}${h.title}`);
    const deepest = b.path.filter((h) => h.level >= 2);
    const sectionTitles = (deepest.length ? deepest : b.path).map((h) => h.title);
    const segs = segmentTokens(text, tokenize(text, b.from, b.to, parseParen), ctx);
    const blockCands: Candidate[] = [];
    for (const [si, s] of segs.entries()) {
      let start = s.start;
      let body = cleanText(text.slice(s.start, s.end));
      if (!body && si === 0 && b.heading && s.units) {
        // A parenthetical right after a heading governs the heading's own title.
        body = b.heading.title;
        start = b.heading.start;
      }
      if (!body) continue;
      const deadlines = findDeadlines(body, ctx).map(toDeadline);
      for (const [a, z] of s.extras) for (const d of findDeadlines(text.slice(a, z), ctx)) if (!deadlines.some((x) => x.raw === d.raw)) deadlines.push(toDeadline(d));
      const units = s.units ?? [];
      if (!units.length && !deadlines.length) continue;
      if (actionLength(body, deadlines) < MIN_ACTION) continue;
      blockCands.push({ text: body, key: textKey(body), pos: start, start, spanEnd: s.spanEnd, section, sectionTitles, units: [...units], inherited: false, deadlines });
    }
    // A dated obligation without its own parenthetical takes the units of the next one in its section,
    // within its own paragraph (a paragraph break ends what a parenthetical governs). One backward pass.
    let heir: Candidate | null = null;
    for (let i = blockCands.length - 1; i >= 0; i--) {
      const c = blockCands[i];
      if (i + 1 < blockCands.length && text.slice(c.spanEnd, blockCands[i + 1].start).includes('\n')) heir = null;
      if (c.units.length) heir = c;
      else if (heir) {
        c.units = heir.units.map((u) => ({ ...u }));
        c.inherited = true;
      }
    }
    out.push(...blockCands);
  }
  return out;
}

function annexUnits(cellText: string, role: TaskUnit['role']): TaskUnit[] {
  return splitTop(cellText.replace(/[。．]$/, ''), '、，,；;')
    .map((n) => n.replace(/等$/, '').trim())
    .filter(Boolean)
    .map((name) => {
      const canonical = canonicalName(name);
      return { name, canonical, kind: unitKind(canonical), role };
    });
}

function bigrams(s: string): Set<string> {
  const g = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) g.add(s.slice(i, i + 2));
  return g;
}

/** Share of the smaller text's bigrams found in the other: containment of an annex row in a prose task. */
function similarity(ga: Set<string>, gb: Set<string>): number {
  if (!ga.size || !gb.size) return 0;
  const [small, big] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / small.size;
}

export function extractPlan(file: string, bytes: Uint8Array): PlanResult {
  const dec = decode(bytes);
  if (!dec.ok) return { ok: false, reason: dec.reason };
  const raw = dec.text;
  const norm = normalize(raw);
  const meta = extractMetadata(norm.text);
  const yearFromTitle = meta.title ? /(\d{4})年/.exec(meta.title)?.[1] : undefined;
  const ctx: DeadlineContext = { issuedOn: meta.issuedOn, year: yearFromTitle ? Number(yearFromTitle) : meta.issuedOn ? Number(meta.issuedOn.slice(0, 4)) : null };
  const planId = planIdOf(file);
  const warnings: string[] = [];
  if (dec.encoding === 'gb18030') warnings.push('decoded as GB18030 (the file is not UTF-8)');
  if (dec.encoding.startsWith('utf-16')) warnings.push(`decoded as ${dec.encoding.toUpperCase()}`);
  for (const k of ['province', 'title', 'docNumber', 'issuer', 'issuedOn'] as const) if (!meta[k]) warnings.push(`no ${k} found in the document header`);

  const annex = parseAnnex(norm.text, ctx);
  const proseEnd = annex ? annex.start : norm.text.length;
  const cands = proseCandidates(norm, proseEnd, ctx);
  const { kept, dropped } = dedupe(cands, (keep, drop) => {
    if (!keep.units.length || (keep.inherited && !drop.inherited && drop.units.length)) {
      keep.units = drop.units;
      keep.inherited = drop.inherited;
    }
    if (!keep.deadlines.length) keep.deadlines = drop.deadlines;
  });
  if (dropped) warnings.push(`${dropped} repeated or fragmentary passage(s) merged (scraped duplicates)`);

  const lineOf = lineIndex(raw);
  const tasks: Task[] = kept.map((c) => {
    const goal = c.section.some((s) => /目标/.test(s)) && !c.units.length;
    const start = rawStart(norm, c.start);
    return {
      id: taskId(planId, 'prose', c.key),
      planId,
      kind: goal ? 'goal' : 'task',
      section: c.section,
      text: c.text,
      deadlines: c.deadlines,
      units: c.units,
      themes: themesOf(c.sectionTitles, c.text),
      source: { file, start, end: rawEnd(norm, c.spanEnd), line: lineOf(start), origin: 'prose', row: null },
      restates: null,
    };
  });

  if (annex) {
    warnings.push(...annex.warnings);
    const proseGrams = tasks.map((t) => ({ t, g: bigrams(textKey(t.text)) }));
    let odd = 0;
    for (const r of annex.rows) {
      if (!r.text) continue;
      const text = r.text.text;
      const key = textKey(text);
      // A task cell states work to do: a bare number, a unit list or a date is a broken row (scrape noise).
      if (key.length < MIN_ACTION || /^\d+$/.test(key) || parseUnitParen(`${text}负责`)?.length === splitTop(text, '、，,').length || findDeadlines(text, ctx).some((d) => d.raw === text)) {
        odd++;
        continue;
      }
      const deadlines = r.deadline ? findDeadlines(r.deadline.text, ctx).map(toDeadline) : [];
      const units: TaskUnit[] = [];
      for (const u of r.units) mergeUnits(units, annexUnits(u.cell.text, u.role));
      let best: Task | null = null;
      let bestScore = 0.6;
      const rowGrams = bigrams(key);
      for (const { t, g } of proseGrams) {
        const s = similarity(rowGrams, g);
        if (s > bestScore) [best, bestScore] = [t, s];
      }
      const start = rawStart(norm, r.start);
      tasks.push({
        id: taskId(planId, `annex:${r.row}`, key),
        planId,
        kind: 'task',
        section: [annex.title],
        text,
        deadlines,
        units,
        themes: themesOf([], text).concat(best ? best.themes : []).filter((v, i, a) => a.indexOf(v) === i),
        source: { file, start, end: rawEnd(norm, r.end), line: lineOf(start), origin: 'annex', row: r.row },
        restates: best ? best.id : null,
      });
    }
    if (odd) warnings.push(`${odd} annex row(s) skipped: the task cell holds no task (a number, units or a date)`);
  }
  if (!tasks.length) warnings.push('no obligations found (no deadlines or responsible-unit notes recognised)');
  const plan: Plan = { id: planId, province: meta.province, title: meta.title, docNumber: meta.docNumber, issuer: meta.issuer, issuedOn: meta.issuedOn, file, warnings };
  return { ok: true, plan, tasks };
}
