/** Pinyin of a field (full syllables and initials, context-aware via pinyin-pro) and matching a query against it. */
import { pinyinLib } from './deps.js';
import { CJK_CHAR, HAS_CJK, SYLLABLE } from './text.js';

/** Per-field pinyin data. */
export interface Py {
  /** Concatenated full pinyin: one syllable per Chinese char, a–z0–9 kept, anything else → "|". */
  full: string;
  /** 1 where a syllable (or kept character) starts in `full`. */
  bound: Uint8Array;
  /** full index → field (UTF-16) index. */
  map: Int32Array;
  /** Initials aligned 1:1 with the field's UTF-16 units (a low surrogate becomes "|"). */
  ini: string;
}

/**
 * The full pinyin as the index stores it (latin1 bytes): each syllable's (or kept character's) first letter in
 * upper case, so the bounds need not be stored apart (undone on read: SearchIndex.loadPinyin).
 */
export function casedPinyin(p: Py): Uint8Array {
  const out = new Uint8Array(p.full.length);
  for (let i = 0; i < out.length; i++) {
    const c = p.full.charCodeAt(i);
    out[i] = p.bound[i] && c >= 97 && c <= 122 ? c - 32 : c;
  }
  return out;
}

/** Full pinyin + initials for one folded field, context-aware (pinyin-pro). */
export function pinyinOf(s: string): Py {
  const lib = pinyinLib();
  const cps = Array.from(s);
  let syl: string[] = HAS_CJK.test(s) || /[\ud840-\ud87f]/.test(s) ? lib(s, { toneType: 'none', type: 'array', v: true }) : cps;
  if (syl.length !== cps.length) syl = cps.map((c) => (CJK_CHAR.test(c) ? lib(c, { toneType: 'none', type: 'array', v: true })[0] ?? c : c));
  let full = '';
  const bound: number[] = [];
  const map: number[] = [];
  let ini = '';
  let pos = 0;
  for (let k = 0; k < cps.length; k++) {
    const c = cps[k];
    const p = syl[k];
    if (CJK_CHAR.test(c) && SYLLABLE.test(p)) {
      for (let j = 0; j < p.length; j++) {
        bound.push(j === 0 ? 1 : 0);
        map.push(pos);
      }
      full += p;
      ini += c.length === 2 ? p[0] + '|' : p[0];
    } else if (/^[a-z0-9]$/.test(c)) {
      full += c;
      bound.push(1);
      map.push(pos);
      ini += c;
    } else {
      full += '|';
      bound.push(1);
      map.push(pos);
      ini += c.length === 2 ? '||' : '|';
    }
    pos += c.length;
  }
  return { full, bound: Uint8Array.from(bound), map: Int32Array.from(map), ini };
}

/** Start index in `p.full` of an occurrence of q at a syllable start, or -1. */
export function fullAt(p: Py, q: string): number {
  let i = p.full.indexOf(q);
  while (i >= 0) {
    if (p.bound[i]) return i;
    i = p.full.indexOf(q, i + 1);
  }
  return -1;
}

/**
 * Start index in `p.full` of an occurrence of q that begins and ends at syllable bounds (the same syllables,
 * whole: "ranqi" is 燃气 but not the start of 燃情 "ranqing"), from `from`, or -1.
 */
export function syllablesAt(p: Py, q: string, from = 0): number {
  for (let i = p.full.indexOf(q, from); i >= 0; i = p.full.indexOf(q, i + 1)) {
    const end = i + q.length;
    if (p.bound[i] && (end === p.full.length || p.bound[end])) return i;
  }
  return -1;
}

/** The field range [start, end) covered by a full-pinyin match at `at` of length `len`. */
export function fullRange(p: Py, field: string, at: number, len: number): [number, number] {
  const s = p.map[at];
  const e = p.map[at + len - 1];
  const c = field.charCodeAt(e);
  return [s, e + (c >= 0xd800 && c <= 0xdbff ? 2 : 1)];
}

/**
 * pyKind of an entry as the index stores it (full[fa, fb) cased as casedPinyin makes it, ini[ia, ib)), read in
 * place: a query (lower-case letters and digits) at a syllable start of the full pinyin, else in the initials.
 */
export function pyKindStored(full: Uint8Array, fa: number, fb: number, ini: Uint8Array, ia: number, ib: number, q: string): number {
  const m = q.length;
  const q0 = q.charCodeAt(0);
  for (let i = fa, last = fb - m; i <= last; i++) {
    const c = full[i];
    // a syllable start: an upper-case letter (its first letter) or anything not a lower-case letter
    if (c >= 97 && c <= 122) continue;
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== q0) continue;
    let j = 1;
    while (j < m) {
      const x = full[i + j];
      if ((x >= 65 && x <= 90 ? x + 32 : x) !== q.charCodeAt(j)) break;
      j++;
    }
    if (j === m) return 0;
  }
  for (let i = ia, last = ib - m; i <= last; i++) {
    if (ini[i] !== q0) continue;
    let j = 1;
    while (j < m && ini[i + j] === q.charCodeAt(j)) j++;
    if (j === m) return 1;
  }
  return -1;
}

/** 0 = full-pinyin match, 1 = initials match, -1 = none. */
export function pyKind(p: Py, q: string): number {
  if (fullAt(p, q) >= 0) return 0;
  if (p.ini.includes(q)) return 1;
  return -1;
}

/** One pinyin syllable: an initial (or none) and a final (generous: a few impossible pairs pass, no real one fails). */
const PINYIN_SYLLABLE = /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ui|ue|ve|er|a|o|e|i|u|v)$/;

/** The syllables of a run of full pinyin (fangxunyanlian → fang xun yan lian), longest first; null when it is none.
 * Linear: each position's split is found once (a memo of what cannot be split). */
export function syllablesOf(q: string, from = 0, dead: Set<number> = new Set()): string[] | null {
  if (from === q.length) return [];
  if (dead.has(from)) return null;
  for (let k = Math.min(6, q.length - from); k >= 1; k--) {
    if (!PINYIN_SYLLABLE.test(q.slice(from, from + k))) continue;
    const rest = syllablesOf(q, from + k, dead);
    if (rest) return [q.slice(from, from + k), ...rest];
  }
  dead.add(from);
  return null;
}

/**
 * A run of full pinyin of four syllables or more read as words of two (most Chinese words are; an odd one out
 * joins the last word): fangxunyanlian → fangxun yanlian, so that it finds 防汛应急演练 as `fangxun yanlian` does.
 * Null when the run is not full pinyin or too short to be more than one word.
 */
export function pinyinWords(q: string): string[] | null {
  const s = syllablesOf(q);
  if (!s || s.length < 4) return null;
  const words: string[] = [];
  for (let i = 0; i + 1 < s.length; i += 2) words.push(s[i] + s[i + 1]);
  if (s.length % 2) words[words.length - 1] += s[s.length - 1];
  return words;
}
