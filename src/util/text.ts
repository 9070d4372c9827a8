/** Display-width-correct text helpers (CJK is two columns wide). Never use `.length` for layout. */
import stringWidth from 'string-width';

export function displayWidth(s: string): number {
  return stringWidth(s);
}

/** Strip C0/C1 control characters and ANSI/VT escape sequences (corpus text must not drive the terminal). */
export function stripControl(s: string): string {
  return s
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\u001b[\]PX^_][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, '')
    .replace(/\u001b[@-Z\\-_]?/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function charWidth(ch: string): number {
  return stringWidth(ch);
}

/** Truncate to at most `width` columns, adding `ellipsis` when cut. The result never exceeds `width`. */
export function truncateWidth(s: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (stringWidth(s) <= width) return s;
  const ew = stringWidth(ellipsis);
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

/** Pad with spaces (after) to exactly `width` columns; truncates first if longer. */
export function padEndWidth(s: string, width: number): string {
  const t = stringWidth(s) > width ? truncateWidth(s, width) : s;
  return t + ' '.repeat(Math.max(0, width - stringWidth(t)));
}

export function padStartWidth(s: string, width: number): string {
  const t = stringWidth(s) > width ? truncateWidth(s, width) : s;
  return ' '.repeat(Math.max(0, width - stringWidth(t))) + t;
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
