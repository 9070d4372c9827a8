/**
 * Width-exact line building for the TUI. Every row the app draws goes through these helpers so it is
 * exactly as wide as its box (Ink's own wrap="truncate" overflows by a column when a wide character
 * meets the ellipsis, so we never let Ink truncate).
 */
import { displayWidth, stripControl, truncateWidth } from '../util/text.js';

export interface SegStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
  underline?: boolean;
}

export interface Seg extends SegStyle {
  text: string;
}

/** One line of text for the screen: control sequences stripped, line breaks and tabs folded to spaces. */
export function clean(s: string): string {
  return stripControl(/[\r\n\t]/.test(s) ? s.replace(/[\r\n\t]+/g, ' ') : s);
}

export function segsWidth(segs: Seg[]): number {
  let w = 0;
  for (const s of segs) w += displayWidth(s.text);
  return w;
}

/**
 * Fit segments into exactly `width` columns: truncated with an ellipsis (which takes the style of the
 * segment it cuts) and padded with spaces. The result's display width is always exactly `width`.
 */
export function fitSegs(segs: Seg[], width: number, pad = true): Seg[] {
  if (width <= 0) return [];
  const total = segsWidth(segs);
  const out: Seg[] = [];
  if (total <= width) {
    for (const s of segs) if (s.text) out.push(s);
    if (pad && total < width) out.push({ text: ' '.repeat(width - total) });
    return out;
  }
  let used = 0;
  for (const s of segs) {
    const w = displayWidth(s.text);
    if (used + w <= width - 1) {
      if (s.text) out.push(s);
      used += w;
      continue;
    }
    // This segment crosses the edge: cut it so that it plus the ellipsis fits.
    const cut = truncateWidth(s.text, width - used);
    out.push({ ...s, text: cut });
    used += displayWidth(cut);
    break;
  }
  if (pad && used < width) out.push({ text: ' '.repeat(width - used) });
  return out;
}

/** Plain string fitted to exactly `width` columns. */
export function fit(s: string, width: number): string {
  return fitSegs([{ text: s }], width)
    .map((x) => x.text)
    .join('');
}

/** Split `text` into plain and highlighted segments by [start, end) ranges (UTF-16 offsets into `text`). */
export function highlightSegs(text: string, ranges: Array<[number, number]>, hl: SegStyle, base: SegStyle = {}): Seg[] {
  const rs = ranges
    .filter(([a, b]) => b > a)
    .map(([a, b]) => [Math.max(0, a), Math.min(text.length, b)] as [number, number])
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const r of rs) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Seg[] = [];
  let pos = 0;
  for (const [a, b] of merged) {
    if (a > pos) out.push({ ...base, text: clean(text.slice(pos, a)) });
    out.push({ ...base, ...hl, text: clean(text.slice(a, b)) });
    pos = b;
  }
  if (pos < text.length) out.push({ ...base, text: clean(text.slice(pos)) });
  return out.filter((s) => s.text);
}

/** Hard-wrap segments by display width into lines of segments (CJK text has no spaces to break at). */
/**
 * Appends `items` to `target` in place. Unlike `target.push(...items)` it does not pass every item as an
 * argument, which overflows the stack for a few hundred thousand (the wrapped lines of a huge paragraph).
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const x of items) target.push(x);
  return target;
}

export function wrapSegs(segs: Seg[], width: number): Seg[][] {
  if (width <= 0) return [];
  const lines: Seg[][] = [[]];
  let w = 0;
  for (const s of segs) {
    let cur = '';
    for (const ch of s.text) {
      const cw = displayWidth(ch);
      if (w + cw > width && w > 0) {
        if (cur) lines[lines.length - 1].push({ ...s, text: cur });
        lines.push([]);
        cur = '';
        w = 0;
      }
      cur += ch;
      w += cw;
    }
    if (cur) lines[lines.length - 1].push({ ...s, text: cur });
  }
  return lines;
}

// ---- ANSI-styled strings (marked-terminal output) ----

const ANSI_RE = /\u001b\[[0-9;]*m/y;

export function stripAnsi(s: string): string {
  return s.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Remove colour SGR codes (keep bold/italic/underline/inverse), for NO_COLOR. */
export function stripColorCodes(s: string): string {
  return s.replace(/\u001b\[([0-9;]*)m/g, (_m, params: string) => {
    const kept = params
      .split(';')
      .filter((p) => p !== '' && !/^(3[0-9]|4[0-9]|9[0-7]|10[0-7])$/.test(p));
    // 38;5;n / 38;2;r;g;b leave stray numbers: drop the whole code when it was an extended colour.
    if (/(^|;)(38|48);/.test(params)) return '';
    return kept.length ? `\u001b[${kept.join(';')}m` : '';
  });
}

/**
 * Hard-wrap an ANSI-styled line by display width. Styles open at a break are closed at the end of the
 * line and re-opened on the next, so every line stands alone.
 */
export function wrapAnsi(line: string, width: number): string[] {
  if (width <= 0) return [];
  const out: string[] = [];
  let active: string[] = [];
  let cur = '';
  let w = 0;
  let i = 0;
  const flush = () => {
    out.push(active.length ? cur + '\u001b[0m' : cur);
    cur = active.join('');
    w = 0;
  };
  while (i < line.length) {
    ANSI_RE.lastIndex = i;
    const m = ANSI_RE.exec(line);
    if (m) {
      const code = m[0];
      if (code === '\u001b[0m' || code === '\u001b[m') active = [];
      else active.push(code);
      cur += code;
      i += code.length;
      continue;
    }
    const cp = line.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    i += ch.length;
    const cw = displayWidth(ch);
    if (w + cw > width && w > 0) flush();
    cur += ch;
    w += cw;
  }
  out.push(active.length ? cur + '\u001b[0m' : cur);
  return out;
}

/** Pad an ANSI-styled line (already no wider than `width`) with spaces to exactly `width` columns. */
export function padAnsi(line: string, width: number): string {
  const w = displayWidth(line);
  return w >= width ? line : line + ' '.repeat(width - w);
}

/** Keep `index` visible in a window of `size` rows starting at `offset`. */
export function scrollTo(offset: number, index: number, size: number, total: number): number {
  if (size <= 0) return 0;
  let o = offset;
  if (index < o) o = index;
  if (index >= o + size) o = index - size + 1;
  return Math.max(0, Math.min(o, Math.max(0, total - size)));
}

export function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
