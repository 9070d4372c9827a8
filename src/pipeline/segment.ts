/**
 * Body text → sentences and unit parentheticals → segments (candidate obligations).
 *
 * The governing rule: a unit parenthetical governs the action text before it, back to the previous
 * parenthetical, heading, or sentence that opens with its own deadline.
 */
import type { TaskUnit } from '../types.js';
import { opensWithDeadline, type DeadlineContext } from './deadlines.js';
import { parseUnitParen } from './units.js';

export interface Token {
  type: 'sentence' | 'units' | 'break';
  start: number;
  end: number;
  units?: TaskUnit[];
  /** Span whose deadlines also belong to the governed text (a parenthetical or labelled line). */
  extra?: [number, number];
}

export interface Segment {
  /** Action text span (normalized offsets). */
  start: number;
  end: number;
  /** Span including the governing parenthetical, if any. */
  spanEnd: number;
  units: TaskUnit[] | null;
  /** Parentheticals / labelled lines governing this text: their deadlines belong to it too. */
  extras: Array<[number, number]>;
}

/** A line that states units or a time limit for the text above it: 责任单位：… / 完成时限：… */
const LABEL_LINE = /^(?:牵头(?:责任)?(?:单位|部门)|责任(?:单位|部门)|主办单位|配合(?:单位|部门)|协办(?:单位|部门)|参与单位|督查单位|监督单位|完成时限|时限要求|完成时间|时间节点|时间要求|进度安排)[：:]/;
const TIME_LABEL = /^(?:完成时限|时限要求|完成时间|时间节点|时间要求|进度安排)[：:]/;

const isOpen = (c: number) => c === 0xff08 || c === 0xff3b || c === 40 || c === 0x3010;
const isClose = (c: number) => c === 0xff09 || c === 0xff3d || c === 41 || c === 0x3011;
const MAX_PAREN = 200;

/**
 * Tokenize text[from, to) into sentences (ending at 。；！？ or a line break, outside brackets) and unit
 * parentheticals. Linear: an unclosed bracket is given up after MAX_PAREN characters.
 */
export function tokenize(text: string, from: number, to: number, parse: (inner: string) => TaskUnit[] | null = parseUnitParen): Token[] {
  const tokens: Token[] = [];
  // Position of the next closing bracket or line break at or after each offset: an open bracket with
  // none within MAX_PAREN is skipped at once (keeps runs of unclosed brackets linear).
  const nextStop = new Int32Array(to - from + 1);
  nextStop[to - from] = to;
  for (let k = to - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    nextStop[k - from] = isClose(c) || c === 10 ? k : nextStop[k + 1 - from];
  }
  let sentStart = from;
  const flushSentence = (end: number) => {
    let s = sentStart;
    while (s < end && /[\s，。；、：]/.test(text[s])) s++;
    if (end > s) tokens.push({ type: 'sentence', start: s, end });
    sentStart = end;
  };
  let i = from;
  while (i < to) {
    const ch = text[i];
    if ((i === from || text[i - 1] === '\n') && LABEL_LINE.test(text.slice(i, i + 12))) {
      let e = text.indexOf('\n', i);
      if (e < 0 || e > to) e = to;
      const line = text.slice(i, e);
      const units = parse(line);
      if (units || TIME_LABEL.test(line)) {
        flushSentence(i);
        tokens.push({ type: 'units', start: i, end: e, units: units ?? [], extra: [i, e] });
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
        const c = text[j];
        if (c === '\n') break;
        if (isOpen(c.charCodeAt(0))) depth++;
        else if (isClose(c.charCodeAt(0))) {
          depth--;
          if (depth === 0) break;
        }
      }
      if (j < lim && depth === 0 && text[j] !== '\n') {
        const units = parse(text.slice(i + 1, j));
        if (units) {
          flushSentence(i);
          let end = j + 1;
          if (text[end] === '。' || text[end] === '；') end++;
          tokens.push({ type: 'units', start: i, end, units, extra: [i, j + 1] });
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

/** Group tokens into segments by the governing rule. */
export function segmentTokens(text: string, tokens: Token[], ctx: DeadlineContext): Segment[] {
  const out: Segment[] = [];
  let cur: { start: number; end: number } | null = null;
  let lastWasUnits = false; // the previous non-break token was a parenthetical / labelled line
  const close = (spanEnd: number, units: TaskUnit[] | null, extras: Array<[number, number]>) => {
    out.push({ start: cur!.start, end: cur!.end, spanEnd, units, extras });
    cur = null;
  };
  for (const [ti, t] of tokens.entries()) {
    if (t.type === 'break') {
      // A paragraph break ends the pending text, unless the next paragraph opens with the
      // parenthetical (or labelled line) that governs it: scraped pages break lines anywhere.
      let n = ti + 1;
      while (n < tokens.length && tokens[n].type === 'break') n++;
      if (cur && tokens[n]?.type !== 'units') close(cur.end, null, []);
      continue;
    }
    if (t.type === 'sentence') {
      if (cur && opensWithDeadline(text.slice(t.start, t.end), ctx)) close(cur.end, null, []);
      cur = cur ? { start: cur.start, end: t.end } : { start: t.start, end: t.end };
      lastWasUnits = false;
      continue;
    }
    const extras: Array<[number, number]> = t.extra ? [t.extra] : [];
    if (cur) close(t.end, t.units ?? [], extras);
    else if (lastWasUnits && out.length) {
      // Several parentheticals / labelled lines in a row govern the same text.
      const prev = out[out.length - 1];
      prev.units = [...(prev.units ?? []), ...(t.units ?? [])];
      prev.spanEnd = t.end;
      prev.extras.push(...extras);
    } else {
      // A parenthetical right after a heading: empty action text (the heading's title is governed).
      out.push({ start: t.start, end: t.start, spanEnd: t.end, units: t.units ?? [], extras });
    }
    lastWasUnits = true;
  }
  if (cur) close(cur.end, null, []);
  return out;
}
