/** Typo tolerance beyond fuse.js: the densest window of the query's characters, and in-order proximity. */
import { mergeRanges } from './text.js';

/** Start (minus 2 for slack) of the `width`-long window of `text` holding the most characters (codes) of `qset`. */
export function densestWindow(text: string, qset: Set<number>, width: number): number {
  const pos: number[] = [];
  for (let i = 0; i < text.length; i++) if (qset.has(text.charCodeAt(i))) pos.push(i);
  let best = 0;
  let bestStart = 0;
  for (let a = 0, b = 0; b < pos.length; b++) {
    while (pos[b] - pos[a] >= width) a++;
    if (b - a + 1 > best) {
      best = b - a + 1;
      bestStart = pos[a];
    }
  }
  return Math.max(0, bestStart - 2);
}

/**
 * Best in-order match of the query's characters in `text` within a window of about twice the query
 * length, skipping at most one query character at a time. Returns a score in (0.4, 1) — worse than any
 * fuse.js hit at threshold 0.4 — when at least `need` characters match, else null.
 */
export function proximity(text: string, q: string, need: number): { score: number; ranges: Array<[number, number]> } | null {
  const m = q.length;
  const win = 2 * m + 2;
  let best: { matched: number; span: number; pos: number[] } | null = null;
  for (let i = 0; i < text.length; i++) {
    const j0 = q.indexOf(text[i]);
    if (j0 < 0 || j0 > 1) continue;
    const pos = [i];
    let last = j0;
    for (let p = i + 1; p < text.length && p < i + win && last < m - 1; p++) {
      const c = text[p];
      if (q[last + 1] === c) last += 1;
      else if (last + 2 < m && q[last + 2] === c) last += 2;
      else continue;
      pos.push(p);
    }
    const matched = pos.length;
    const span = pos[pos.length - 1] - i + 1;
    if (matched >= need && (!best || matched > best.matched || (matched === best.matched && span < best.span))) best = { matched, span, pos };
  }
  if (!best) return null;
  const missing = (m - best.matched) / m;
  const spread = Math.min(1, (best.span - best.matched) / m);
  const score = Math.min(0.99, 0.41 + 0.4 * missing + 0.18 * spread);
  const ranges: Array<[number, number]> = best.pos.map((p) => [p, p + 1]);
  return { score, ranges: mergeRanges(ranges, 3) };
}
