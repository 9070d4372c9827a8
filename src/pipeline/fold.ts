/**
 * Stage 2b: the reading the rules match on. Normalized text → folded text with a map back:
 *
 * - traditional script read as simplified, character by character (OpenCC's t2s tables through
 *   opencc-js: 牽頭單位 → 牵头单位), so one set of rules serves big5 mirrors too;
 * - pinyin glosses that mirror sites insert after characters (`經(jīng)貿(mào)委`) removed.
 *
 * The fold only ever replaces one character by one, or deletes: `map[i]` is the normalized offset of
 * folded character i (`map[text.length]` the normalized length). What the extractor reports (task
 * text, unit names, deadline raws) is cut from the normalized text through this map: names stay as
 * written in the file.
 */
import { mapOffset, OffsetMapBuilder, type OffsetMap } from './offset-map.js';
import * as OpenCC from 'opencc-js/t2cn';

export interface Folded {
  text: string;
  /** Folded offset → normalized offset (runs; see offset-map.ts). */
  map: OffsetMap;
  /** Did anything change (traditional characters or glosses found)? */
  changed: boolean;
}

let convert: ((s: string) => string) | null = null;
const charCache = new Map<number, string>();

/** Simplified reading of one CJK character (itself when it has none or when it is not 1:1). */
function simplifiedChar(code: number, ch: string): string {
  const cached = charCache.get(code);
  if (cached !== undefined) return cached;
  const conv = (convert ??= OpenCC.Converter({ from: 't', to: 'cn' }));
  const out: string = conv(ch) ?? ch;
  const s: string = out.length === ch.length ? out : ch;
  charCache.set(code, s);
  return s;
}

/** A pinyin gloss after a CJK character: （jīng） or (jing) in lowercase Latin with tone marks. */
const GLOSS = /[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{1,7}[)）]/y;
const TONED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňḿ]/;

function isHan(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff);
}

export function fold(text: string): Folded {
  const out: string[] = [];
  const map = new OffsetMapBuilder();
  let changed = false;
  let runStart = 0; // start of the pending unchanged run
  const flush = (upto: number) => {
    if (upto > runStart) {
      out.push(text.slice(runStart, upto));
      map.push(runStart, upto - runStart);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 40) {
      // A gloss follows a Han character; mirrors put one after many characters of a line.
      if (i > 0 && isHan(text.charCodeAt(i - 1))) {
        GLOSS.lastIndex = i;
        const m = GLOSS.exec(text);
        if (m && (TONED.test(m[0]) || m[0].length <= 5)) {
          flush(i);
          i += m[0].length - 1;
          runStart = i + 1;
          changed = true;
          continue;
        }
      }
      continue;
    }
    if (c < 0x3400 || !isHan(c)) continue;
    const ch = text[i];
    const s = simplifiedChar(c, ch);
    if (s !== ch) {
      flush(i);
      out.push(s);
      map.push(i);
      runStart = i + 1;
      changed = true;
    }
  }
  flush(text.length);
  const folded = changed ? out.join('') : text;
  out.length = 0;
  map.push(text.length); // the end
  return { text: folded, map: map.done(), changed };
}

/** The normalized-text span [start, end) of the folded span [fs, fe). */
export function unfoldSpan(f: Folded, fs: number, fe: number): [number, number] {
  const s = mapOffset(f.map, Math.max(0, Math.min(fs, f.text.length)));
  // The end runs to the next kept character: a gloss after the span's last character belongs to it.
  const e = fe <= fs ? s : mapOffset(f.map, fe < f.text.length ? fe : f.text.length);
  return [s, e];
}
