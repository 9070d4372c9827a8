/**
 * Headings of Chinese official documents, found at a line start or glued mid-line after the end of a
 * sentence: 一、 (level 1), （一）/(一) (level 2), 1．/1. (level 3), （1） (level 4).
 */
export interface Heading {
  level: 1 | 2 | 3 | 4;
  /** Offsets in the normalized text: marker start, title end (exclusive). */
  start: number;
  titleEnd: number;
  marker: string;
  title: string;
}

const CN = '一二三四五六七八九十';
// Where a heading may start: line start, or after a sentence end (glued in scraped pages). A numbered item may
// open with a date (1.4月10日前，… / 2.2025年5月底前…: no decimal is followed by 年 or 月).
const HEAD_RE = new RegExp(
  `(?:(?:^|(?<=[。；！？）】］”」\\n]))([${CN}]{1,3})、|（([${CN}]{1,3})）(?=[\\u4e00-\\u9fff“"《])|(?:^|(?<=[。；！？）】］”」\\n]))(\\d{1,2})[．.、](?=[\\u4e00-\\u9fff“《]|[ \\u3000]?\\d{1,4}[年月](?!份))|（(\\d{1,2})）(?=[\\u4e00-\\u9fff“《]))`,
  'gm',
);

/** Sentence-openers of body text: a glued level-1 title stops before them (一、工作目标按照… → 工作目标). */
const BODY_START = /(?:按照|为了|为贯彻|为加快|根据|围绕|依托|结合|坚持|全面贯彻|深入贯彻|各级各部门|20\d\d年)/g;

/** An opening bracket whose content names units with a role (before its closing bracket). */
const UNIT_HINT = /^[（(［][^）)］。]{0,60}?(?:牵头|负责|配合|督查|责任单位|牵头单位|配合单位)[^）)］。]{0,30}[）)］]/;

function titleExtent(text: string, from: number, level: number, nextStart: number): number {
  const limit = Math.min(nextStart, text.length);
  const cap = level === 1 ? 40 : 60;
  let i = from;
  for (; i < limit && i - from < cap; i++) {
    const ch = text[i];
    if (ch === '\n') return i;
    // A unit parenthetical is never part of a title: （一）加快推进…（省发展改革委牵头）
    if ((ch === '（' || ch === '(' || ch === '［') && UNIT_HINT.test(text.slice(i, Math.min(limit, i + 80)))) return i;
    if (ch === '。' || (level !== 1 && ch === '；')) return i + 1;
    if (level === 1 && (ch === '，' || ch === '、' || ch === '：' || ch === '；')) break;
  }
  if (i >= limit && limit - from <= 30) return limit;
  if (level === 1) {
    // The title runs into body text: cut before the first body-sentence opener.
    BODY_START.lastIndex = from + 2;
    const m = BODY_START.exec(text);
    if (m && m.index < i) return m.index;
    return i;
  }
  // Level 2-4 titles without a full stop nearby end at the first comma.
  const comma = text.indexOf('，', from);
  return comma > from && comma < from + cap && comma < limit ? comma : Math.min(limit, from + 20);
}

export function findHeadings(text: string, from = 0, to = text.length): Heading[] {
  const hs: Array<{ level: 1 | 2 | 3 | 4; start: number; bodyFrom: number; marker: string; n: number }> = [];
  HEAD_RE.lastIndex = from;
  /** The number of the last heading of each level kept. */
  const lastN = [0, 0, 0, 0, 0];
  let m: RegExpExecArray | null;
  while ((m = HEAD_RE.exec(text)) && m.index < to) {
    if (m[0].length === 0) {
      HEAD_RE.lastIndex++;
      continue;
    }
    const level = m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : 4;
    // An item glued mid-line (…；2.制定…) is a heading only after its predecessor (1.) is one: in 整改措施：1.…；2.…；3.…
    // the numbers list the parts of one sentence.
    const n = level >= 3 ? Number(m[3] ?? m[4]) : 0;
    const midLine = m.index > 0 && text[m.index - 1] !== '\n';
    if (midLine && n > 1 && lastN[level] !== n - 1) continue;
    lastN[level] = n;
    hs.push({ level, start: m.index, bodyFrom: m.index + m[0].length, marker: m[0], n });
  }
  return hs.map((h, i) => {
    const next = i + 1 < hs.length ? hs[i + 1].start : to;
    const end = titleExtent(text, h.bodyFrom, h.level, next);
    const title = text.slice(h.bodyFrom, end).replace(/[。；，：\s]+$/, '');
    return { level: h.level, start: h.start, titleEnd: end, marker: h.marker, title };
  });
}
