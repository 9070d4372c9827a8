/**
 * A small virtual terminal screen: enough of a VT/xterm parser for what Ink (and the shell around it)
 * writes, so that the benchmark can tell what a real terminal would be showing after each burst of
 * output. Handles printable text (CJK and other East Asian wide characters take two cells, combining marks
 * none), CR, LF, BS, TAB, the deferred wrap at the right margin, scrolling at the bottom, and the CSI
 * sequences A B C D E F G H f d J K X P @ L M S T; DEC private modes ?25 (cursor shown) and ?1049/?1047/?47
 * (alternate screen); SGR (m), ?2026 (synchronized output) and everything else are parsed and ignored; OSC
 * and other escape sequences are skipped. A sequence split across chunks is completed by the next write.
 */

/** Terminal cell width of a code point: 0 (combining, zero-width), 1, or 2 (East Asian Wide/Fullwidth). */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x300) return 1;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x20d0 && cp <= 0x20ff) || cp === 0x2060 || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}

/** A cell holds one character; the right half of a wide character holds ''. */
type Row = string[];

export class VScreen {
  cols: number;
  rows: number;
  x = 0;
  y = 0;
  cursorVisible = true;
  altScreen = false;
  private main: Row[];
  private alt: Row[];
  private savedMain: { x: number; y: number } | null = null;
  private saved: { x: number; y: number } = { x: 0, y: 0 };
  /** An escape sequence not finished by the last write. */
  private pending = '';
  /** Bytes (UTF-16 units) written so far, for diagnostics. */
  written = 0;

  constructor(cols = 80, rows = 24) {
    this.cols = cols;
    this.rows = rows;
    this.main = this.blank();
    this.alt = this.blank();
  }

  private blank(): Row[] {
    return Array.from({ length: this.rows }, () => this.blankRow());
  }
  private blankRow(): Row {
    return new Array<string>(this.cols).fill(' ');
  }
  private get buf(): Row[] {
    return this.altScreen ? this.alt : this.main;
  }

  /** The text of row y as a terminal shows it (a wide character once), trailing spaces removed. */
  line(y: number): string {
    const r = this.buf[y];
    return r ? r.join('').replace(/ +$/, '') : '';
  }
  lines(): string[] {
    return this.buf.map((_, y) => this.line(y));
  }
  text(): string {
    return this.lines().join('\n');
  }

  write(chunk: string): void {
    this.written += chunk.length;
    const s = this.pending + chunk;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === 0x1b) {
        const end = this.escape(s, i);
        if (end < 0) {
          this.pending = s.slice(i);
          return;
        }
        i = end;
        continue;
      }
      if (c < 0x20 || c === 0x7f) {
        this.control(c);
        i++;
        continue;
      }
      const cp = s.codePointAt(i)!;
      this.print(String.fromCodePoint(cp), charWidth(cp));
      i += cp > 0xffff ? 2 : 1;
    }
  }

  private control(c: number): void {
    switch (c) {
      case 0x0d: // CR
        this.x = 0;
        break;
      case 0x0a: // LF (and VT, FF)
      case 0x0b:
      case 0x0c:
        if (this.x >= this.cols) this.x = this.cols - 1;
        this.lineFeed();
        break;
      case 0x08: // BS
        this.x = Math.max(0, Math.min(this.x, this.cols - 1) - 1);
        break;
      case 0x09: // TAB
        this.x = Math.min(this.cols - 1, (Math.floor(this.x / 8) + 1) * 8);
        break;
      default: // BEL and the rest: nothing on screen
    }
  }

  private lineFeed(): void {
    if (this.y >= this.rows - 1) this.scrollUp(1);
    else this.y++;
  }

  private scrollUp(n: number): void {
    const b = this.buf;
    for (let k = 0; k < n; k++) {
      b.shift();
      b.push(this.blankRow());
    }
  }
  private scrollDown(n: number): void {
    const b = this.buf;
    for (let k = 0; k < n; k++) {
      b.pop();
      b.unshift(this.blankRow());
    }
  }

  private print(ch: string, w: 0 | 1 | 2): void {
    if (w === 0) return; // combining marks: not a cell of their own
    if (this.x + w > this.cols) {
      // deferred wrap: the margin was reached by the previous character (or a wide one does not fit)
      this.x = 0;
      this.lineFeed();
    }
    const r = this.buf[this.y];
    this.clearHalf(r, this.x);
    if (w === 2) this.clearHalf(r, this.x + 1);
    r[this.x] = ch;
    if (w === 2) r[this.x + 1] = '';
    this.x += w;
  }

  /** Overwriting one half of a wide character blanks its other half. */
  private clearHalf(r: Row, x: number): void {
    if (x < 0 || x >= this.cols) return;
    if (r[x] === '' && x > 0) r[x - 1] = ' ';
    else if (x + 1 < this.cols && r[x + 1] === '' && r[x] !== '') r[x + 1] = ' ';
  }

  /** Parses the escape sequence at s[i] (ESC); returns the index after it, or -1 if it is incomplete. */
  private escape(s: string, i: number): number {
    if (i + 1 >= s.length) return -1;
    const n = s[i + 1];
    if (n === '[') {
      let j = i + 2;
      while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x3f) j++; // parameters
      while (j < s.length && s.charCodeAt(j) >= 0x20 && s.charCodeAt(j) <= 0x2f) j++; // intermediates
      if (j >= s.length) return -1;
      this.csi(s.slice(i + 2, j), s[j]);
      return j + 1;
    }
    if (n === ']' || n === 'P' || n === '_' || n === '^') {
      // OSC / DCS / APC / PM: up to BEL or ST (ESC \)
      for (let j = i + 2; j < s.length; j++) {
        if (s.charCodeAt(j) === 0x07) return j + 1;
        if (s.charCodeAt(j) === 0x1b) {
          if (j + 1 >= s.length) return -1;
          if (s[j + 1] === '\\') return j + 2;
        }
      }
      return -1;
    }
    if (n === '(' || n === ')' || n === '*' || n === '+' || n === '#' || n === '%') return i + 2 < s.length ? i + 3 : -1;
    switch (n) {
      case '7':
        this.saved = { x: this.x, y: this.y };
        break;
      case '8':
        ({ x: this.x, y: this.y } = this.saved);
        break;
      case 'M': // reverse index
        if (this.y === 0) this.scrollDown(1);
        else this.y--;
        break;
      case 'D':
        this.lineFeed();
        break;
      case 'E':
        this.x = 0;
        this.lineFeed();
        break;
      case 'c':
        this.main = this.blank();
        this.alt = this.blank();
        this.altScreen = false;
        this.x = this.y = 0;
        break;
      default:
    }
    return i + 2;
  }

  private csi(params: string, final: string): void {
    const priv = params.startsWith('?');
    const ps = (priv ? params.slice(1) : params).split(';').map((p) => (p === '' ? NaN : Number(p)));
    const p1 = (d = 1) => (Number.isNaN(ps[0]) || ps[0] === 0 ? d : ps[0]);
    const clampX = () => (this.x = Math.max(0, Math.min(this.cols - 1, this.x)));
    const clampY = () => (this.y = Math.max(0, Math.min(this.rows - 1, this.y)));
    const r = () => this.buf[this.y];
    if (priv) {
      if (final !== 'h' && final !== 'l') return;
      for (const p of ps) {
        if (p === 25) this.cursorVisible = final === 'h';
        else if (p === 1049 || p === 1047 || p === 47) this.setAlt(final === 'h', p === 1049);
      }
      return;
    }
    switch (final) {
      case 'A':
        clampX();
        this.y -= p1();
        clampY();
        break;
      case 'B':
        clampX();
        this.y += p1();
        clampY();
        break;
      case 'C':
        this.x = Math.min(this.x, this.cols - 1) + p1();
        clampX();
        break;
      case 'D':
        this.x = Math.min(this.x, this.cols - 1) - p1();
        clampX();
        break;
      case 'E':
        this.x = 0;
        this.y += p1();
        clampY();
        break;
      case 'F':
        this.x = 0;
        this.y -= p1();
        clampY();
        break;
      case 'G':
      case '`':
        this.x = p1() - 1;
        clampX();
        break;
      case 'd':
        this.y = p1() - 1;
        clampY();
        break;
      case 'H':
      case 'f':
        this.y = p1() - 1;
        this.x = (Number.isNaN(ps[1]) || !ps[1] ? 1 : ps[1]) - 1;
        clampX();
        clampY();
        break;
      case 'J': {
        const m = Number.isNaN(ps[0]) ? 0 : ps[0];
        const b = this.buf;
        if (m === 2 || m === 3) {
          for (let y = 0; y < this.rows; y++) b[y] = this.blankRow();
        } else if (m === 0) {
          this.eraseInLine(0);
          for (let y = this.y + 1; y < this.rows; y++) b[y] = this.blankRow();
        } else if (m === 1) {
          this.eraseInLine(1);
          for (let y = 0; y < this.y; y++) b[y] = this.blankRow();
        }
        break;
      }
      case 'K':
        this.eraseInLine(Number.isNaN(ps[0]) ? 0 : ps[0]);
        break;
      case 'X': {
        const x0 = Math.min(this.x, this.cols - 1);
        for (let x = x0; x < Math.min(this.cols, x0 + p1()); x++) r()[x] = ' ';
        break;
      }
      case 'P': {
        const x0 = Math.min(this.x, this.cols - 1);
        const row = r();
        row.splice(x0, Math.min(p1(), this.cols - x0));
        while (row.length < this.cols) row.push(' ');
        break;
      }
      case '@': {
        const x0 = Math.min(this.x, this.cols - 1);
        const row = r();
        row.splice(x0, 0, ...new Array<string>(p1()).fill(' '));
        row.length = this.cols;
        break;
      }
      case 'L':
        for (let k = 0; k < p1(); k++) {
          this.buf.splice(this.y, 0, this.blankRow());
          this.buf.length = this.rows;
        }
        break;
      case 'M':
        for (let k = 0; k < p1(); k++) {
          this.buf.splice(this.y, 1);
          this.buf.push(this.blankRow());
        }
        break;
      case 'S':
        this.scrollUp(p1());
        break;
      case 'T':
        this.scrollDown(p1());
        break;
      default: // m (SGR), r, n, t, h/l without ?, …: no effect on the text
    }
  }

  private eraseInLine(mode: number): void {
    const row = this.buf[this.y];
    const x = Math.min(this.x, this.cols - 1);
    if (mode === 2) row.fill(' ');
    else if (mode === 0) {
      this.clearHalf(row, x);
      for (let k = x; k < this.cols; k++) row[k] = ' ';
    } else if (mode === 1) {
      this.clearHalf(row, x);
      for (let k = 0; k <= x; k++) row[k] = ' ';
    }
  }

  private setAlt(on: boolean, saveCursor: boolean): void {
    if (on === this.altScreen) return;
    if (on) {
      if (saveCursor) this.savedMain = { x: this.x, y: this.y };
      this.alt = this.blank();
      this.altScreen = true;
    } else {
      this.altScreen = false;
      if (saveCursor && this.savedMain) ({ x: this.x, y: this.y } = this.savedMain);
    }
  }
}
