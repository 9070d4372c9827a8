/**
 * Stage 2: raw text → normalized text with an offset map back into the raw text.
 *
 * - CRLF / CR → LF
 * - full-width ASCII letters/digits → half-width; half-width brackets/commas/colons/semicolons → full-width
 * - whitespace next to CJK text removed (leading indentation, "2017 年 7 月底前"); kept between ASCII words
 * - hard line breaks inside sentences (PDF copies) joined: when the file shows a fixed wrap width, a line of
 *   that width that does not end a sentence is joined with the next
 *
 * `map[i]` is the raw offset of normalized character i; `map[text.length]` is raw.length.
 */
import { mapOffset, OffsetMapBuilder, type OffsetMap } from './offset-map.js';
import { spaceTableGaps } from './tables/columns.js';

export interface Normalized {
  text: string;
  /** Normalized offset → raw offset (runs; see offset-map.ts). */
  map: OffsetMap;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '[': '［', ']': '］' };

function mapChar(ch: string, prev: string | undefined, next: string | undefined): string {
  const c = ch.charCodeAt(0);
  // Full-width ASCII variants (！ … ～) except the punctuation we keep full-width.
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0); // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0); // Ａ-Ｚ ａ-ｚ
  if (ch === '＋') return '+';
  const full = HALF_TO_FULL[ch];
  if (full) {
    // Keep "1,000" and "10:30" and "http://" as they are.
    if ((ch === ',' || ch === ':') && /\d/.test(prev ?? '') && /\d/.test(next ?? '')) return ch;
    if (ch === ':' && next === '/') return ch;
    return full;
  }
  return ch;
}

const SENTENCE_END = /[。；！？：）】］]$/;
const HEADING_START = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

/** Lines that end at the file's wrap width and mid-sentence are soft breaks (PDF copies). */
const OPENS = '（(〔［【[';
const CLOSES = '）)〕］】]';

/** Does the line end inside a bracket opened within its last 120 characters? */
function openBracketAtEnd(line: string): boolean {
  let depth = 0;
  for (let i = Math.max(0, line.length - 120); i < line.length; i++) {
    if (OPENS.includes(line[i])) depth++;
    else if (CLOSES.includes(line[i]) && depth > 0) depth--;
  }
  return depth > 0;
}

/** Does the line close a bracket within its first 80 characters, before opening one? */
function closesEarly(line: string): boolean {
  const t = line.trimStart();
  for (let i = 0; i < Math.min(t.length, 80); i++) {
    if (OPENS.includes(t[i])) return false;
    if (CLOSES.includes(t[i])) return i > 0;
  }
  return false;
}

function softBreaks(lines: string[], indented: boolean[] = []): Set<number> {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    const n = l.length;
    if (n >= 15) {
      long++;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  let width = 0;
  let best = 0;
  for (const [n, c] of counts) {
    // a wrap width shows as a cluster of equal-length lines
    const cluster = c + (counts.get(n - 1) ?? 0) + (counts.get(n + 1) ?? 0);
    if (cluster > best) [width, best] = [n, cluster];
  }
  const out = new Set<number>();
  // A bracket never spans paragraphs: a line that ends inside an open bracket closed early on the next line
  // was wrapped (a name cut in two: （责任单位：市政府办 / 公室）).
  for (let i = 0; i < lines.length - 1; i++) if (openBracketAtEnd(lines[i]) && closesEarly(lines[i + 1])) out.add(i);
  if (!width || best < 5 || best < long * 0.3) return out;
  const indentedDoc = indented.filter(Boolean).length >= Math.max(3, lines.filter((l) => l).length * 0.05);
  for (let i = 0; i < lines.length - 1; i++) {
    const n = lines[i].length;
    const next = lines[i + 1];
    // a table row (cells by tabs) is never a wrapped line, nor is the line before one
    if (n < width - 2 || !next.trim() || lines[i].includes('\t') || next.includes('\t')) continue;
    // Where paragraphs open indented (公文: two characters), a full line wraps even after a full stop,
    // unless the next line is indented or a heading.
    if (!SENTENCE_END.test(lines[i]) || (indentedDoc && !indented[i + 1] && !HEADING_START.test(next))) out.add(i);
  }
  return out;
}

export function normalize(raw: string): Normalized {
  // Pass 1: line boundaries (raw offsets) to find soft breaks.
  const lineStarts: number[] = [0];
  const lineEnds: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineEnds.push(i);
      if (c === 13 && raw.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  lineEnds.push(raw.length);
  const rawLines = lineStarts.map((s, i) => raw.slice(s, lineEnds[i]));
  const soft = softBreaks(rawLines.map((l) => l.trim()), rawLines.map((l) => /^(?:\u3000|\s{2,})\S/.test(l)));
  // Document viewers cut the text into numbered chunks (`2、`) in mid-sentence: a long line that stops
  // mid-sentence, then a line opening with a bare chunk number → one sentence, the number dropped.
  const chunkCut = new Map<number, number>();
  for (let i = 0; i + 1 < rawLines.length; i++) {
    const cur = rawLines[i].trim();
    if (cur.length < 30 || !/[，、\u4e00-\u9fff\w”"]$/.test(cur) || /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/.test(cur)) continue;
    const m = /^(\s*)(\d{1,3})、(?=[\u4e00-\u9fff])/.exec(rawLines[i + 1]);
    if (!m) continue;
    soft.add(i);
    chunkCut.set(i + 1, m[0].length);
  }
  // Space-separated task tables: the gaps between cells become tabs.
  const gaps = spaceTableGaps(rawLines);

  // Pass 2: copy runs of unchanged characters, rewrite the few that change, drop spaces next to CJK.
  const parts: string[] = [];
  const map = new OffsetMapBuilder();
  let n = 0;
  let rewritten = false; // a character emitted that differs from the raw one at its offset
  let last = ''; // last emitted character
  for (let li = 0; li < lineStarts.length; li++) {
    const from = lineStarts[li] + (chunkCut.get(li) ?? 0);
    const to = lineEnds[li];
    const cellGaps = gaps.get(li);
    let run = from; // start of the pending unchanged run
    const flush = (upto: number) => {
      if (upto > run) {
        parts.push(raw.slice(run, upto));
        map.push(run, upto - run);
        n += upto - run;
        last = raw[upto - 1];
      }
    };
    for (let j = from; j < to; j++) {
      const c = raw.charCodeAt(j);
      if (isSpaceCode(c)) {
        flush(j);
        let k = j;
        while (k < to && isSpaceCode(raw.charCodeAt(k))) k++;
        const prev = n && last !== '\n' ? last : undefined;
        const next = k < to ? raw[k] : undefined;
        if (prev !== undefined && next !== undefined && (raw.slice(j, k).includes('\t') || cellGaps?.some((g) => from + g >= j && from + g < k))) {
          // A tab separates table cells: keep one per tab (two tabs around an empty cell keep its column), or
          // one for a cell gap of spaces.
          let tabs = 0;
          for (let x = j; x < k; x++) {
            if (raw.charCodeAt(x) !== 9) continue;
            parts.push('\t');
            map.push(x);
            n++;
            tabs++;
          }
          if (!tabs) {
            parts.push('\t');
            map.push(j);
            n++;
            rewritten = true;
          }
          last = '\t';
        } else if (prev !== undefined && next !== undefined && !isCjk(prev) && !isCjk(next) && !/[（）［］，。；：]/.test(prev + next)) {
          parts.push(' ');
          map.push(j);
          n++;
          if (raw[j] !== ' ') rewritten = true;
          last = ' ';
        }
        j = k - 1;
        run = k;
        continue;
      }
      if ((c >= 0xff00 && c <= 0xffef) || (c < 0x80 && HALF_TO_FULL[raw[j]] !== undefined)) {
        const mapped = mapChar(raw[j], raw[j - 1], raw[j + 1]);
        if (mapped !== raw[j]) {
          flush(j);
          parts.push(mapped);
          map.push(j);
          n++;
          rewritten = true;
          last = mapped;
          run = j + 1;
        }
      }
    }
    flush(to);
    if (li < lineStarts.length - 1) {
      if (soft.has(li) && !gaps.has(li)) continue; // join with the next line (never inside a table)
      parts.push('\n');
      map.push(to);
      n++;
      if (raw[to] !== '\n') rewritten = true;
      last = '\n';
    }
  }
  // Nothing changed (one run from 0, as long as the raw text): the raw string itself, not a copy of it.
  const same = !rewritten && n === raw.length && map.done().runs <= 1;
  const text = same ? raw : parts.join('');
  parts.length = 0;
  map.push(raw.length); // the end: offset text.length maps to raw.length
  return { text, map: map.done() };
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || (c >= 0x2002 && c <= 0x200b) || c === 0xfeff;
}


/** Raw offset of the normalized offset `i` (end offsets map to just after the raw character). */
export function rawStart(n: Normalized, i: number): number {
  return mapOffset(n.map, Math.max(0, Math.min(i, n.text.length)));
}
export function rawEnd(n: Normalized, iEnd: number): number {
  if (iEnd <= 0) return mapOffset(n.map, 0);
  return mapOffset(n.map, Math.min(iEnd, n.text.length) - 1) + 1;
}
