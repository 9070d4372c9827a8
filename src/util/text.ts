/** Display-width-correct text helpers (CJK is two columns wide). Never use `.length` for layout. */
import { createRequire } from 'node:module';

type StringWidth = (s: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;
let realStringWidth: StringWidth | null = null;
/**
 * string-width, loaded the first time a string needs its grapheme rules: its module init (an RGI-emoji
 * regex and an Intl.Segmenter) costs ~35 ms at start-up, and Chinese and ASCII text never needs it.
 */
export function stringWidth(s: string, options?: Parameters<StringWidth>[1]): number {
  realStringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return realStringWidth(s, options);
}

// Fast paths (exactly what string-width returns for these characters: tests/tui/layout.test.ts): printable
// ASCII and the ranges below are 1 column, CJK ideographs, CJK symbols/punctuation and fullwidth forms are 2;
// anything else asks string-width
// once per character and is memoized. string-width itself costs microseconds per call, and the TUI
// measures every character it draws.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const widthMemo = new Map<string, number>();

function fastCharWidth(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return 1;
  // Latin-1 and Latin Extended (not the soft hyphen), general punctuation, super/subscripts and currency,
  // letterlike symbols and arrows to U+2319, box drawing, blocks and geometric shapes: one column each,
  // as string-width counts them (the TUI's · │ ─ … › ↑ draw without loading it)
  if ((cp >= 0xa0 && cp <= 0x2ff && cp !== 0xad) || (cp >= 0x2010 && cp <= 0x2029) || (cp >= 0x202f && cp <= 0x205f) || (cp >= 0x2070 && cp <= 0x20cf) || (cp >= 0x20f1 && cp <= 0x2319) || (cp >= 0x2500 && cp <= 0x25fc)) return 1;
  if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303e) || (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6)) return 2;
  return -1;
}

// Strings that need string-width's grapheme logic: escape sequences, combining marks, joiners,
// variation selectors, emoji, regional indicators. Everything else is the sum of its characters.
const NEEDS_SEGMENTER = /[\u001b\u009b\u200d\ufe0e\ufe0f\p{M}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (NEEDS_SEGMENTER.test(s)) return stringWidth(s);
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    // Only scripts where a character is its own grapheme: Latin, punctuation/symbols/box drawing, CJK, fullwidth.
    if (!(cp < 0x300 || (cp >= 0x2000 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef))) return stringWidth(s);
    w += charWidth(ch);
  }
  return w;
}

/**
 * Bidirectional controls (U+202A–202E embeddings/overrides, U+2066–2069 isolates, U+200E/200F/061C marks)
 * and zero-width characters (U+200B–200D, U+2060, U+FEFF): invisible, but a terminal reorders or joins the
 * text around them, so a box's right border moves. Removed from anything drawn.
 */
export const INVISIBLE_RE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Anything stripControl would remove or change (C0/C1 controls — ESC among them — and INVISIBLE_RE's). */
const NEEDS_STRIP = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Strip C0/C1 control characters, ANSI/VT escape sequences (corpus text must not drive the terminal) and bidi / zero-width characters. */
export function stripControl(s: string): string {
  // Nearly every string drawn is clean: one scan instead of five replacements.
  if (!NEEDS_STRIP.test(s)) return s;
  return s
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b[@-Z\\-_]?/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(INVISIBLE_RE, '');
}

function charWidth(ch: string): number {
  const f = fastCharWidth(ch.codePointAt(0) ?? 0);
  if (f >= 0) return f;
  let w = widthMemo.get(ch);
  if (w === undefined) {
    w = stringWidth(ch);
    if (widthMemo.size < 10000) widthMemo.set(ch, w);
  }
  return w;
}

/** Truncate to at most `width` columns, adding `ellipsis` when cut. The result never exceeds `width`. */
export function truncateWidth(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ew = displayWidth(ellipsis);
  const budget = Math.max(0, width - ew);
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > budget) break;
    out += ch;
    w += cw;
  }
  return ew <= width ? out + ellipsis : out;
}

/** Keep the end of `s` in at most `width` columns, with `ellipsis` at the start when cut (an input's text around a cursor at its end). */
export function truncateStartWidth(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(s) <= width) return s;
  const ew = displayWidth(ellipsis);
  const budget = Math.max(0, width - ew);
  const chars = [...s];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = charWidth(chars[i]);
    if (w + cw > budget) break;
    out = chars[i] + out;
    w += cw;
  }
  return ew <= width ? ellipsis + out : out;
}

/** Pad with spaces (after) to exactly `width` columns; truncates first if longer. */
export function padEndWidth(s: string, width: number): string {
  const t = displayWidth(s) > width ? truncateWidth(s, width) : s;
  return t + ' '.repeat(Math.max(0, width - displayWidth(t)));
}

export function padStartWidth(s: string, width: number): string {
  const t = displayWidth(s) > width ? truncateWidth(s, width) : s;
  return ' '.repeat(Math.max(0, width - displayWidth(t))) + t;
}

/** Hard-wrap by display width (CJK text has no spaces to break at). */
export function wrapWidth(s: string, width: number): string[] {
  if (width <= 0) return [];
  const lines: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const cw = charWidth(ch);
      if (w + cw > width && line) {
        lines.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += cw;
    }
    lines.push(line);
  }
  return lines;
}
