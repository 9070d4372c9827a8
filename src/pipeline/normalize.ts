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
export interface Normalized {
  text: string;
  map: Int32Array;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7]/;

function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

const HALF_TO_FULL: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '[': '［', ']': '］' };
const SPACE = /[ \t\u00a0\u3000\u2002-\u200b\ufeff]/;

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

/** Lines that end at the file's wrap width and mid-sentence are soft breaks (PDF copies). */
function softBreaks(lines: string[]): Set<number> {
  const counts = new Map<number, number>();
  let long = 0;
  for (const l of lines) {
    const n = [...l].length;
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
  if (!width || best < 5 || best < long * 0.3) return out;
  for (let i = 0; i < lines.length - 1; i++) {
    const n = [...lines[i]].length;
    const next = lines[i + 1];
    if (n >= width - 2 && !SENTENCE_END.test(lines[i]) && next.trim()) out.add(i);
  }
  return out;
}

export function normalize(raw: string): Normalized {
  // Pass 1: split raw into lines (tracking raw offsets) to find soft breaks.
  const lineStarts: number[] = [0];
  const lines: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '\n' || ch === '\r') {
      lines.push(raw.slice(lineStarts[lineStarts.length - 1], i));
      if (ch === '\r' && raw[i + 1] === '\n') i++;
      lineStarts.push(i + 1);
    }
  }
  lines.push(raw.slice(lineStarts[lineStarts.length - 1]));
  const trimmed = lines.map((l) => l.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''));
  const soft = softBreaks(trimmed);

  const out: string[] = [];
  const map: number[] = [];
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li];
    const base = lineStarts[li];
    const chars = line; // BMP-safe indexing is fine: we copy code units one by one
    for (let j = 0; j < chars.length; j++) {
      const ch = chars[j];
      if (SPACE.test(ch) || ch === '\r') {
        // find neighbours beyond the whitespace run
        let k = j;
        while (k < chars.length && (SPACE.test(chars[k]) || chars[k] === '\r')) k++;
        const prev = out.length && out[out.length - 1] !== '\n' ? out[out.length - 1] : undefined;
        const next = k < chars.length ? chars[k] : undefined;
        const keep = prev !== undefined && next !== undefined && !isCjk(prev) && !isCjk(next) && !/[（）［］，。；：]/.test(prev + next);
        if (keep) {
          out.push(' ');
          map.push(base + j);
        }
        j = k - 1;
        continue;
      }
      out.push(mapChar(ch, chars[j - 1], chars[j + 1]));
      map.push(base + j);
    }
    if (li < lines.length - 1) {
      if (soft.has(li)) continue; // join with the next line
      out.push('\n');
      map.push(base + line.length);
    }
  }
  const text = out.join('');
  const m = new Int32Array(text.length + 1);
  for (let i = 0; i < map.length; i++) m[i] = map[i];
  m[text.length] = raw.length;
  return { text, map: m };
}

/** Raw offset of the normalized offset `i` (end offsets map to just after the raw character). */
export function rawStart(n: Normalized, i: number): number {
  return n.map[Math.max(0, Math.min(i, n.text.length))];
}
export function rawEnd(n: Normalized, iEnd: number): number {
  if (iEnd <= 0) return n.map[0];
  return n.map[Math.min(iEnd, n.text.length) - 1] + 1;
}

/** 1-based line number of a raw offset. */
export function lineOf(raw: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 13 && raw.charCodeAt(i + 1) !== 10) line++;
  }
  return line;
}
