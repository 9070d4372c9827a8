/**
 * Body text → sentences and unit attributions → segments (candidate obligations).
 *
 * The governing rule: a unit attribution (a bracket, a labelled line, a role phrase closing a sentence)
 * governs the action text before it, back to the previous attribution, heading, paragraph, or sentence
 * that opens with its own deadline — or a later item of an enumeration that names its own unit (一是X…；二是Y…).
 */
import { TIME_LABEL, UNIT_LABEL } from './units/clauses.js';
import { isBareTime, opensWithDeadline, type DeadlineContext, type DeadlineRules } from './deadlines/index.js';
import type { FoundUnit, UnitParser } from './units/index.js';
import { parseUnits } from './units/index.js';

export interface Token {
  type: 'sentence' | 'units' | 'break';
  start: number;
  end: number;
  /** Units with offsets in the text. */
  units?: FoundUnit[];
  /** Span whose deadlines also belong to the governed text (a bracket or labelled line). */
  extra?: [number, number];
  /** A sentence that is a later item of an enumeration (二是…, 三是…): 'own' when a unit of its own opens it — its own
   * obligation, and so are the items after it; 'first': 一是 opened by a unit of its own. */
  item?: 'own' | 'later' | 'first';
}

export interface Segment {
  /** Action text span. */
  start: number;
  end: number;
  /** Span including the governing attribution, if any. */
  spanEnd: number;
  units: FoundUnit[] | null;
  /** Attributions governing this text: their deadlines belong to it too. */
  extras: Array<[number, number]>;
}

/** Words that lead into a list (…以下工作： / …做好三方面工作。): its first item goes with them. */
const LEAD_IN = /[：:]\s*$|以下|如下|[两二三四五六七八九十几多]个?(?:方面|项|件|类|点|是)/;
/** The marker of an item of an enumeration (一是…, 二是…) opening a sentence; its numeral is m[1]. */
export const ITEM_MARKER = /^\s*([一二三四五六七八九十])是(?=[^，。；]{2})/;

const isOpen = (c: number) => c === 0xff08 || c === 0xff3b || c === 40 || c === 0x3010 || c === 0x3014 || c === 91;
const isClose = (c: number) => c === 0xff09 || c === 0xff3d || c === 41 || c === 0x3011 || c === 0x3015 || c === 93;
const MAX_PAREN = 220;

function offset(units: FoundUnit[], by: number): FoundUnit[] {
  return units.map((u) => ({ ...u, start: u.start + by, end: u.end + by }));
}

/**
 * Tokenize text[from, to) into sentences (ending at 。；！？ or a line break, outside brackets) and unit
 * attributions. Linear: an unclosed bracket is given up after MAX_PAREN characters.
 */
export function tokenize(text: string, from: number, to: number, parsers: UnitParser[], memo = new Map<string, FoundUnit[] | null>()): Token[] {
  const tokens: Token[] = [];
  const bracket = (inner: string): FoundUnit[] | null => {
    if (!memo.has(inner)) memo.set(inner, parseUnits(parsers, 'bracket', inner)?.units ?? null);
    return memo.get(inner)!;
  };
  // Position of the next closing bracket or line break at or after each offset: an open bracket with
  // none within MAX_PAREN is skipped at once (keeps runs of unclosed brackets linear).
  const nextStop = new Int32Array(to - from + 1);
  nextStop[to - from] = to;
  for (let k = to - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    nextStop[k - from] = isClose(c) || c === 10 ? k : nextStop[k + 1 - from];
  }
  const sentenceParsers = parsers.filter((p) => p.scope === 'sentence');
  const subjectParsers = parsers.filter((p) => p.scope === 'subject');
  /** 二是市场管理处每月汇总…: a later enumerated item (一是 goes with the words that lead into it), 'own' when its subject opens it. */
  const itemOf = (sentence: string): { item?: 'own' | 'later' | 'first' } => {
    const m = ITEM_MARKER.exec(sentence);
    if (!m) return {};
    const r = parseUnits(subjectParsers, 'subject', sentence.slice(m[0].length));
    const own = !!r && r.units.some((u) => u.start === 0);
    if (m[1] === '一') return own ? { item: 'first' } : {};
    return { item: own ? 'own' : 'later' };
  };
  let sentStart = from;
  const flushSentence = (end: number) => {
    let s = sentStart;
    while (s < end && /[\s，。；、：]/.test(text[s])) s++;
    sentStart = end;
    if (end <= s) return;
    // Role phrases, 由X负责, a supervising subject: the sentence carries its own attribution.
    const sentence = text.slice(s, end);
    const found: FoundUnit[] = [];
    let cut = sentence.length;
    if (sentence.length <= 400) {
      for (const p of sentenceParsers) {
        const r = p.parse(sentence);
        if (!r) continue;
        for (const u of r.units) if (!found.some((f) => f.name === u.name && f.role === u.role)) found.push(u);
        if (r.cut !== undefined) cut = Math.min(cut, r.cut);
      }
    }
    if (!found.length) {
      tokens.push({ type: 'sentence', start: s, end, ...itemOf(sentence) });
      return;
    }
    // In the order the sentence names them (由X负责，Y配合: X first, whichever parser found it).
    found.sort((a, b) => a.start - b.start);
    if (cut > 0) tokens.push({ type: 'sentence', start: s, end: s + cut, ...itemOf(sentence) });
    tokens.push({ type: 'units', start: s + cut, end, units: offset(found, s), extra: [s, end] });
  };
  let i = from;
  while (i < to) {
    const ch = text[i];
    // (…长期坚持。责任单位：X，Y负责监管。 — a labelled attribution after a sentence on the same line — is read as a line too)
    const midLine = i > from && text[i - 1] === '。' && UNIT_LABEL.test(text.slice(i, i + 12));
    if (i === from || text[i - 1] === '\n' || midLine) {
      // The line, if short (a bounded scan: a single-line file must not be rescanned per block) — after a sentence,
      // to its own end.
      let e = i;
      const lim = Math.min(to, i + 400);
      while (e < lim && text.charCodeAt(e) !== 10 && !(midLine && text[e] === '。')) e++;
      if (midLine && text[e] === '。') e++;
      const r = e < lim || e === to ? parseUnits(parsers, 'line', text.slice(i, e)) : null;
      if (r) {
        flushSentence(i);
        tokens.push({ type: 'units', start: i, end: e, units: offset(r.units, i), extra: [i, e] });
        sentStart = e;
        i = e;
        continue;
      }
    }
    if (isOpen(text.charCodeAt(i)) && nextStop[i - from] - i < MAX_PAREN && text[nextStop[i - from]] !== '\n') {
      // find the matching close (nested allowed) within MAX_PAREN chars, same line
      let depth = 0;
      let j = i;
      const lim = Math.min(to, i + MAX_PAREN);
      for (; j < lim; j++) {
        const c = text.charCodeAt(j);
        if (c === 10) break;
        if (isOpen(c)) depth++;
        else if (isClose(c)) {
          depth--;
          if (depth === 0) break;
        }
      }
      if (j < lim && depth === 0 && text[j] !== '\n') {
        const units = bracket(text.slice(i + 1, j));
        if (units) {
          flushSentence(i);
          let end = j + 1;
          if (text[end] === '。' || text[end] === '；') end++;
          tokens.push({ type: 'units', start: i, end, units: offset(units, i + 1), extra: [i, j + 1] });
          sentStart = end;
          i = end;
          continue;
        }
        i = j + 1;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '。' || ch === '；' || ch === '！' || ch === '？') {
      flushSentence(i + 1);
    } else if (ch === '\n') {
      flushSentence(i);
      tokens.push({ type: 'break', start: i, end: i + 1 });
      sentStart = i + 1;
    }
    i++;
  }
  flushSentence(to);
  return tokens;
}

export interface SegmentOptions {
  /** End of a run-in heading title (一、标题。正文…): the title opens the first segment and does not stand alone. */
  runInTitleEnd?: number | null;
  deadlines?: DeadlineRules;
}

/** Group tokens into segments by the governing rule. */
export function segmentTokens(text: string, tokens: Token[], ctx: DeadlineContext, opts: SegmentOptions = {}): Segment[] {
  const out: Segment[] = [];
  let cur: { start: number; end: number } | null = null;
  let lastWasUnits = false; // the previous non-break token was an attribution
  const close = (spanEnd: number, units: FoundUnit[] | null, extras: Array<[number, number]>) => {
    out.push({ start: cur!.start, end: cur!.end, spanEnd, units, extras });
    cur = null;
  };
  const titleEnd = opts.runInTitleEnd ?? -1;
  // The attribution of an item's title alone (2.农村改厕。牵头单位：…；配合单位：…。全年完成…): it governs the text after
  // it in its paragraph that no attribution of its own governs — the title's own segment then goes.
  let titleGov: Segment | null = null;
  let ownItems = false;
  const closeUngoverned = (spanEnd: number) => {
    if (!titleGov) return close(spanEnd, null, []);
    close(spanEnd, titleGov.units ? [...titleGov.units] : null, [...titleGov.extras]);
    const at = out.indexOf(titleGov);
    if (at >= 0) out.splice(at, 1);
  };
  for (const [ti, t] of tokens.entries()) {
    if (t.type === 'break') {
      // A paragraph break ends the pending text, unless the next paragraph opens with the attribution
      // that governs it: scraped pages break lines anywhere.
      let n = ti + 1;
      while (n < tokens.length && tokens[n].type === 'break') n++;
      if (cur && tokens[n]?.type !== 'units') closeUngoverned(cur.end);
      // …within its paragraph
      if (tokens[n]?.type !== 'units') titleGov = null;
      ownItems = false;
      continue;
    }
    if (t.type === 'sentence') {
      // 完成时限：… right after an attribution (…。责任单位：X。完成时限：2024年10月底前。): its time is the governed text's
      // …（牵头单位：X）2024年6月底前完成。 / （责任单位：X）长期坚持。: a time alone after the attribution is its text's too
      const said = text.slice(t.start, t.end).trim();
      if (!cur && lastWasUnits && out.length && (TIME_LABEL.test(said) || isBareTime(said, ctx, opts.deadlines))) {
        const prev = out[out.length - 1];
        prev.extras.push([t.start, t.end]);
        prev.spanEnd = t.end;
        continue;
      }
      const onlyTitle = cur !== null && cur.end <= titleEnd;
      // (an enumeration whose items name their own units: each item apart, within the paragraph)
      if (t.item === 'own') ownItems = true;
      // 一是X… after a whole sentence of its own (…，2026年6月底前完成整改。一是X每季度…；二是Y…), not after the words that
      // lead into the list (…重点抓好以下工作：一是… / …做好三方面工作。一是…): the list starts apart from it
      if (t.item === 'first' && cur && !LEAD_IN.test(text.slice(cur.start, cur.end))) ownItems = true;
      if (t.item === 'first' && !ownItems) {
        cur = cur ? { start: cur.start, end: t.end } : { start: t.start, end: t.end };
        lastWasUnits = false;
        continue;
      }
      if (cur && !onlyTitle && ((t.item && ownItems) || opensWithDeadline(text.slice(t.start, t.end), ctx, opts.deadlines))) closeUngoverned(cur.end);
      cur = cur ? { start: cur.start, end: t.end } : { start: t.start, end: t.end };
      lastWasUnits = false;
      continue;
    }
    const extras: Array<[number, number]> = t.extra ? [t.extra] : [];
    if (cur) {
      const onlyTitle = cur.end <= titleEnd;
      close(t.end, t.units ?? [], extras);
      if (onlyTitle) titleGov = out[out.length - 1];
    } else if (lastWasUnits && out.length) {
      // Several attributions in a row govern the same text.
      const prev = out[out.length - 1];
      prev.units = [...(prev.units ?? []), ...(t.units ?? [])];
      prev.spanEnd = t.end;
      prev.extras.push(...extras);
    } else {
      // An attribution right after a heading: empty action text (the heading's title is governed).
      out.push({ start: t.start, end: t.start, spanEnd: t.end, units: t.units ?? [], extras });
      if (out.length === 1) titleGov = out[0];
    }
    lastWasUnits = true;
  }
  if (cur) closeUngoverned(cur.end);
  return out;
}
