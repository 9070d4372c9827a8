/**
 * Stage 1: bytes → text. UTF-8 (with/without BOM), UTF-16 LE/BE (BOM, or BOM-less when the NUL
 * pattern is unmistakable), GB18030/GBK. Binary and empty files are rejected with a plain reason.
 *
 * Without a BOM the encoding is chosen by how well each candidate decodes, not by whether UTF-8 is
 * flawless: a web scrape in UTF-8 with a few stray bytes (a lone 0xA0, a cut multi-byte character)
 * stays UTF-8 with those bytes replaced by U+FFFD, and a warning names their lines. Each candidate
 * is scored by its share of invalid sequences and by how plausible its non-ASCII characters are as
 * Chinese text (common hanzi and CJK punctuation, as against rare characters that a wrong decoding
 * produces).
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding; warnings: string[] } | { ok: false; reason: string };

let commonHanzi: Set<number> | null = null;
/** The 3,755 most common hanzi (GB2312 level 1: lead bytes B0–D7, trail bytes A1–FE). */
function common(): Set<number> {
  if (commonHanzi) return commonHanzi;
  const bytes: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) bytes.push(lead, trail);
  const s = new TextDecoder('gb18030').decode(Uint8Array.from(bytes));
  commonHanzi = new Set<number>();
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0xfffd) commonHanzi.add(s.charCodeAt(i));
  return commonHanzi;
}

/** Punctuation and symbols a Chinese plan uses: general punctuation (“”…—), CJK symbols (、。《》), full-width forms. */
function plausibleSymbol(c: number): boolean {
  return (c >= 0x2010 && c <= 0x203a) || (c >= 0x3000 && c <= 0x301f) || (c >= 0xff01 && c <= 0xff5e) || c === 0xb7 || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2160 && c <= 0x217f);
}

export interface Quality {
  /** U+FFFD in the decoded text (invalid sequences replaced). */
  invalid: number;
  /** Characters outside ASCII. */
  nonAscii: number;
  /** Non-ASCII characters that are common hanzi or CJK punctuation. */
  plausible: number;
  /** plausible share − invalid share (each of the non-ASCII characters), in [-1, 1]. */
  score: number;
}

/** How well a decoding reads as Chinese text. */
export function quality(text: string): Quality {
  const set = common();
  let invalid = 0;
  let nonAscii = 0;
  let plausible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a pair, counted with the first
    nonAscii++;
    if (c === 0xfffd) invalid++;
    else if (set.has(c) || plausibleSymbol(c)) plausible++;
  }
  const score = nonAscii ? (plausible - invalid) / nonAscii : 0;
  return { invalid, nonAscii, plausible, score };
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  const d = decodeBytes(bytes);
  if (d.ok) notes.set(bytes, d.warnings);
  return d;
}

const notes = new WeakMap<Uint8Array, string[]>();
/**
 * The warnings of the last decode() of these very bytes (replaced invalid sequences and their lines),
 * so a caller further up (the knowledge-base builder) can report them without decoding twice.
 */
export function decodeWarnings(bytes: Uint8Array): string[] {
  return notes.get(bytes) ?? [];
}

/** Decodes strictly when it can; otherwise with invalid sequences replaced (lenient = true). */
function attempt(label: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030', bytes: Uint8Array): { text: string; lenient: boolean } {
  try {
    return { text: new TextDecoder(label, { fatal: true }).decode(bytes), lenient: false };
  } catch {
    return { text: new TextDecoder(label).decode(bytes), lenient: true };
  }
}

/** A decoding that reads as text: no invalid sequence, control characters (but tab and line breaks) under 1%, its non-ASCII mostly hanzi and CJK punctuation. */
function readsAsText(t: { text: string; lenient: boolean }): boolean {
  if (t.lenient || !t.text.trim()) return false;
  let control = 0;
  for (let i = 0; i < t.text.length; i++) {
    const c = t.text.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f) control++;
  }
  if (control > t.text.length * 0.01) return false;
  const q = quality(t.text);
  return q.nonAscii === 0 || q.score > 0.5;
}

function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(attempt('utf-8', bytes.subarray(3)), 'utf-8-bom');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(attempt('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(attempt('utf-16be', bytes.subarray(2)), 'utf-16be');
  if (bytes.includes(0)) {
    // UTF-16 without a BOM when one byte order reads as text (valid, few control characters, Chinese or
    // ASCII): the one that reads better
    let best: { t: { text: string; lenient: boolean }; g: 'utf-16le' | 'utf-16be'; score: number } | null = null;
    for (const g of ['utf-16le', 'utf-16be'] as const) {
      const t = attempt(g, bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes);
      if (!readsAsText(t)) continue;
      const score = quality(t.text).score;
      if (!best || score > best.score) best = { t, g, score };
    }
    if (best) return finish(best.t, best.g);
    return { ok: false, reason: 'it looks like a binary file (it contains NUL bytes), not a text plan' };
  }
  const utf8 = attempt('utf-8', bytes);
  if (!utf8.lenient) return finish(utf8, 'utf-8');
  const gb = attempt('gb18030', bytes);
  return quality(utf8.text).score >= quality(gb.text).score ? finish(utf8, 'utf-8') : finish(gb, 'gb18030');
}

/** "line 3", "lines 3, 17 and 40", "lines 3, 17, 40 … (12 lines)". */
function linesOf(text: string): { count: number; lines: number[] } {
  const lines: number[] = [];
  let count = 0;
  let line = 1;
  let last = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) {
    for (let j = text.indexOf('\n', last); j >= 0 && j < i; j = text.indexOf('\n', j + 1)) {
      line++;
      last = j + 1;
    }
    count++;
    if (lines[lines.length - 1] !== line) lines.push(line);
  }
  return { count, lines };
}

function lineList(lines: number[]): string {
  const shown = lines.slice(0, 5).join(', ');
  if (lines.length === 1) return `line ${shown}`;
  return lines.length <= 5 ? `lines ${shown}` : `lines ${shown} … (${lines.length} lines)`;
}

const NAMES: Record<Encoding, string> = { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030' };

function finish({ text, lenient }: { text: string; lenient: boolean }, encoding: Encoding): Decoded {
  if (text.includes('\u0000')) return { ok: false, reason: 'it looks like a binary file (it contains NUL characters), not a text plan' };
  if (!/[\u4e00-\u9fff]/.test(text)) {
    return text.trim() === '' ? { ok: false, reason: 'the file holds no text' } : { ok: false, reason: 'no Chinese text found: this does not look like a plan' };
  }
  const warnings: string[] = [];
  const bad = lenient ? linesOf(text) : { count: 0, lines: [] };
  if (bad.count) warnings.push(`${bad.count} invalid ${NAMES[encoding]} sequence(s) replaced with U+FFFD (${lineList(bad.lines)})`);
  return { ok: true, text, encoding, warnings };
}
