/** Query and field folding, character classes, and match ranges. */

/** Max highlight ranges per hit. */
export const MAX_RANGES = 16;

/** Full-width ASCII → ASCII, ideographic space → space, A–Z → a–z. Keeps UTF-16 length (offsets stay valid). */
let segmenter: Intl.Segmenter | null = null;

/**
 * The words of a query written without spaces (年度报告 → 年度 报告), by Intl.Segmenter's Chinese word
 * segmentation (in Node's ICU); runs of single characters are kept together (牵头), a lone one joins the
 * word before it (审计厅). Fewer than two words → [] (the query is one word).
 */
export function conceptWords(q: string): string[] {
  if (q.length < 3) return [];
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const words: string[] = [];
  let single = '';
  for (const { segment, isWordLike } of segmenter.segment(q)) {
    if (!isWordLike) continue;
    if (segment.length === 1) {
      single += segment;
      continue;
    }
    if (single) {
      if (single.length === 1 && words.length) words[words.length - 1] += single;
      else words.push(single);
      single = '';
    }
    words.push(segment);
  }
  if (single) {
    if (single.length === 1 && words.length) words[words.length - 1] += single;
    else words.push(single);
  }
  return words.length >= 2 && words.every((w) => w.length >= 2) ? words : [];
}

/**
 * Whether s[start, end) is made of whole words of Intl.Segmenter's Chinese segmentation, at least one of them
 * of two characters or more (值班 in 落实值班制度 is; 指办 in 防指办, which ICU cuts into single characters, is
 * not): read in a window of a few characters around it, so the cost does not grow with the field.
 */
export function wholeWords(s: string, start: number, end: number): boolean {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const from = Math.max(0, start - 6);
  const to = Math.min(s.length, end + 6);
  let okStart = false;
  let okEnd = end === to;
  let long = false;
  for (const { index, segment } of segmenter.segment(s.slice(from, to))) {
    const at = from + index;
    if (at === start) okStart = true;
    if (at === end) okEnd = true;
    if (at >= start && at + segment.length <= end && segment.length >= 2) long = true;
    if (at >= end) break;
  }
  return okStart && okEnd && long;
}

export function fold(s: string): string {
  return s.replace(/[\uFF01-\uFF5EA-Z\u3000]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code >= 0xff01) return String.fromCharCode(code - 0xfee0).toLowerCase();
    return c.toLowerCase();
  });
}

/** Query normalisation: fold, collapse white space, trim. */
export function normalizeQuery(q: string): string {
  return fold(q).replace(/\s+/g, ' ').trim();
}

export const LATIN_QUERY = /^[a-z0-9' ]+$/;
export const HAS_LETTER = /[a-z]/;
export const HAS_CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const CJK_CHAR = /^[\u3400-\u9fff\uf900-\ufaff]$|^[\ud840-\ud87f][\udc00-\udfff]$/;
export const SYLLABLE = /^[a-z]+$/;
export const EMPTY = new Int32Array(0);

export function allOccurrences(hay: string, needle: string, out: Array<[number, number]>): void {
  if (!needle) return;
  let i = hay.indexOf(needle);
  while (i >= 0 && out.length < MAX_RANGES) {
    out.push([i, i + needle.length]);
    i = hay.indexOf(needle, i + needle.length);
  }
}

/** Sort and merge overlapping ranges (and ranges separated by at most `gap` characters). */
export function mergeRanges(r: Array<[number, number]>, gap = 0): Array<[number, number]> {
  if (r.length < 2) return r;
  r.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [[r[0][0], r[0][1]]];
  for (let i = 1; i < r.length; i++) {
    const last = out[out.length - 1];
    if (r[i][0] <= last[1] + gap) last[1] = Math.max(last[1], r[i][1]);
    else out.push([r[i][0], r[i][1]]);
  }
  return out;
}
