/**
 * Drop-in for Ink 6's `build/output.js` (the frame buffer its renderer fills every frame), swapped in by the
 * start-up bundle (scripts/bundle-tui.mjs) and the module hooks (loader.ts). Same operations, same output,
 * byte for byte (tests/tui/output.test.ts compares it with Ink's own); what differs is what it remembers:
 *
 * - Ink makes a new Output per frame, so its caches start empty every frame and every line of the screen
 *   is tokenised into styled characters again (over half of a keystroke's time in a profile of the search
 *   view). Here the styled characters of a line and the width of a character are kept across frames.
 * - A screen row whose writes are the same as in the previous frame (same columns, same styled lines) is
 *   not rebuilt: its string from the previous frame is reused. A keystroke changes a few rows.
 */
import sliceAnsi from 'slice-ansi';
import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';
import { displayWidth } from '../../util/text.js';

type StyledChar = ReturnType<typeof styledCharsFromTokens>[number];
type Transformer = (s: string, index: number) => string;
interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}
type Operation = { type: 'write'; x: number; y: number; text: string; transformers: Transformer[] } | { type: 'clip'; clip: Clip } | { type: 'unclip' };

/** Bounded memo: cleared when full (a session's screens repeat; a long one must not grow without end). */
class Memo<V> {
  private map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string, make: (key: string) => V): V {
    let v = this.map.get(key);
    if (v === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      v = make(key);
      this.map.set(key, v);
    }
    return v;
  }
}

type Token = ReturnType<typeof tokenize>[number];

/**
 * Characters that are a grapheme of their own whatever comes next, and never continue the one before:
 * printable ASCII, Latin-1 and spacing modifiers, general punctuation, symbols, box drawing and arrows,
 * CJK symbols, kana and ideographs, compatibility ideographs, full/half-width forms, and the supplementary
 * ideographs. Left out: combining marks (U+20D0–20FF, U+302A–302F, U+3099–309A, U+FF9E–FF9F), ZWNJ and
 * ZWJ, controls, surrogates outside the ideograph planes, emoji and everything not listed.
 */
const SIMPLE_LINE = /^(?:[\x20-\x7e\xa0-\u02ff\u2000-\u200b\u200e-\u20cf\u2100-\u2bff\u3000-\u3029\u3030-\u3098\u309b-\u9fff\uf900-\ufaff\uff00-\uff9d\uffa0-\uffef]|[\ud840-\ud8bf][\udc00-\udfff]|\u001b\[[0-9;]*m)*$/;
const charTokens = new Memo<Token>(8192);
const sgrTokens = new Memo<Token[]>(1024);

/**
 * ansi-tokenize's tokenize(), without its grapheme segmenter for lines where every character is its own
 * grapheme (every line the views draw): character tokens and SGR tokens are the library's own, computed
 * once per distinct character or escape code. Anything else goes to the library.
 */
export function tokenizeLine(line: string): Token[] {
  if (!SIMPLE_LINE.test(line)) return tokenize(line);
  const out: Token[] = [];
  for (let i = 0; i < line.length; ) {
    if (line.charCodeAt(i) === 27) {
      const end = line.indexOf('m', i);
      for (const t of sgrTokens.get(line.slice(i, end + 1), (code) => tokenize(code))) out.push(t);
      i = end + 1;
      continue;
    }
    const n = line.charCodeAt(i) >= 0xd800 && line.charCodeAt(i) <= 0xdbff ? 2 : 1;
    out.push(charTokens.get(line.slice(i, i + n), (ch) => tokenize(ch)[0]));
    i += n;
  }
  return out;
}

/**
 * ansi-tokenize's styledCharsFromTokens(), equal element for element, except that characters under the
 * same codes share one (never mutated) styles array instead of a copy each: neighbours then compare by
 * identity in charsToString, and a row allocates one array per style change, not per character.
 */
export function styledFromTokens(tokens: Token[]): StyledChar[] {
  let codes: StyledChar['styles'] = [];
  const out: StyledChar[] = [];
  for (const t of tokens) {
    if (t.type === 'ansi') codes = reduceAnsiCodesIncremental(codes, [t]);
    else if (t.type === 'char') out.push({ ...t, styles: codes } as StyledChar);
  }
  return out;
}

const styledChars = new Memo<StyledChar[]>(8192);
const widths = new Memo<number>(8192);
const blockWidths = new Memo<number>(4096);

const stringWidth = (s: string): number => widths.get(s, displayWidth);
function widestLine(text: string): number {
  return blockWidths.get(text, (t) => {
    let w = 0;
    for (const line of t.split('\n')) w = Math.max(w, stringWidth(line));
    return w;
  });
}

/** What was written into one row: a flat list of [x, styled chars] in write order, compared by identity. */
type RowWrites = Array<number | StyledChar[]>;

/** The previous frame's rows (of the frame buffer of this size): their writes and their strings. */
let previous: { width: number; writes: RowWrites[]; lines: string[] } | null = null;

function sameWrites(a: RowWrites | undefined, b: RowWrites): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const EMPTY_STYLES: StyledChar['styles'] = [];

function sameStyles(a: StyledChar['styles'], b: StyledChar['styles']): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}

/**
 * ansi-tokenize's styledCharsToString(): the same string, but neighbours with the same styles (nearly all
 * of them) are not diffed — diffAnsiCodes of equal style lists is empty, and costs three Sets per character.
 */
function charsToString(chars: StyledChar[]): string {
  let ret = '';
  const last = chars.length - 1;
  for (let i = 0; i <= last; i++) {
    const c = chars[i];
    if (i === 0) ret += ansiCodesToString(c.styles);
    else if (!sameStyles(chars[i - 1].styles, c.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, c.styles));
    ret += c.value;
    if (i === last && c.styles.length) ret += ansiCodesToString(diffAnsiCodes(c.styles, []));
  }
  return ret;
}

export default class Output {
  readonly width: number;
  readonly height: number;
  private readonly operations: Operation[] = [];

  constructor(options: { width: number; height: number }) {
    this.width = options.width;
    this.height = options.height;
  }

  write(x: number, y: number, text: string, options: { transformers: Transformer[] }): void {
    if (!text) return;
    this.operations.push({ type: 'write', x, y, text, transformers: options.transformers });
  }

  clip(clip: Clip): void {
    this.operations.push({ type: 'clip', clip });
  }

  unclip(): void {
    this.operations.push({ type: 'unclip' });
  }

  get(): { output: string; height: number } {
    const { width, height } = this;
    // First pass: which styled lines land where (as Ink's get(), without filling cells yet).
    const writes: RowWrites[] = Array.from({ length: height }, () => []);
    const clips: Clip[] = [];
    for (const op of this.operations) {
      if (op.type === 'clip') {
        clips.push(op.clip);
        continue;
      }
      if (op.type === 'unclip') {
        clips.pop();
        continue;
      }
      const { text, transformers } = op;
      let { x, y } = op;
      let lines = text.split('\n');
      const clip = clips.at(-1);
      if (clip) {
        const clipH = typeof clip.x1 === 'number' && typeof clip.x2 === 'number';
        const clipV = typeof clip.y1 === 'number' && typeof clip.y2 === 'number';
        if (clipH) {
          const w = widestLine(text);
          if (x + w < clip.x1! || x > clip.x2!) continue;
        }
        if (clipV) {
          if (y + lines.length < clip.y1! || y > clip.y2!) continue;
        }
        if (clipH) {
          lines = lines.map((line) => {
            const from = x < clip.x1! ? clip.x1! - x : 0;
            const w = stringWidth(line);
            const to = x + w > clip.x2! ? clip.x2! - x : w;
            return sliceAnsi(line, from, to);
          });
          if (x < clip.x1!) x = clip.x1!;
        }
        if (clipV) {
          const from = y < clip.y1! ? clip.y1! - y : 0;
          const to = y + lines.length > clip.y2! ? clip.y2! - y : lines.length;
          lines = lines.slice(from, to);
          if (y < clip.y1!) y = clip.y1!;
        }
      }
      let offsetY = 0;
      for (let index = 0; index < lines.length; index++) {
        const row = writes[y + offsetY];
        if (!row) continue;
        let line = lines[index];
        for (const t of transformers) line = t(line, index);
        row.push(x, styledChars.get(line, (l) => styledFromTokens(tokenizeLine(l))));
        offsetY++;
      }
    }

    // Second pass: rows written as in the previous frame keep their string; the others are filled cell by cell.
    const prev = previous && previous.width === width ? previous : null;
    const out: string[] = new Array(height);
    for (let y = 0; y < height; y++) {
      const row = writes[y];
      if (prev && sameWrites(prev.writes[y], row)) {
        out[y] = prev.lines[y];
        continue;
      }
      const cells: Array<StyledChar | undefined> = new Array(width);
      for (let x = 0; x < width; x++) cells[x] = { type: 'char', value: ' ', fullWidth: false, styles: EMPTY_STYLES } as StyledChar;
      for (let i = 0; i < row.length; i += 2) {
        let offsetX = row[i] as number;
        for (const ch of row[i + 1] as StyledChar[]) {
          cells[offsetX] = ch;
          const cw = Math.max(1, stringWidth(ch.value));
          for (let k = 1; k < cw; k++) cells[offsetX + k] = { type: 'char', value: '', fullWidth: false, styles: ch.styles } as StyledChar;
          offsetX += cw;
        }
      }
      // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742 (as Ink does)
      out[y] = charsToString(cells.filter((c): c is StyledChar => c !== undefined)).trimEnd();
    }
    previous = { width, writes, lines: out };
    return { output: out.join('\n'), height };
  }
}

/** Forget the previous frame (tests comparing against Ink's Output frame by frame). */
export function resetOutputMemory(): void {
  previous = null;
}
