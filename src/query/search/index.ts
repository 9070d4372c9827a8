/**
 * Search index over tasks, tuned for Chinese and built for scale (tens of thousands of tasks, one
 * search per keystroke).
 *
 * Ranking tiers (score: lower is better; within a tier, plan order):
 *   0.00  the whole query occurs in the task text
 *   0.05  multi-term query (split on spaces): every term occurs in the text
 *   0.06+ the query (or every term) occurs in the unit names / section titles (or text + those): a lead
 *         unit's name first (0.060), another unit's (0.063), a section title (0.066)
 *   0.07+ concept: a query of several words written together (年度报告), every word in any order
 *   0.10+ full pinyin ("shenji" → 审计) at a syllable start, of the text or the units/sections
 *   0.15+ pinyin initials ("sjt" → 审计厅), likewise; within these two tiers the Chinese word matched
 *         by more tasks ranks first, then text before units/sections
 *   0.20  several words, some typed in pinyin (fangxun yanlian, 防汛 yanlian, fx yl): every word in the task;
 *         a run of four syllables or more without spaces (fangxunyanlian) is read as words of two
 *   0.30+ homophones: a Chinese query of 2–8 characters whose syllables are those of other characters (燃起 →
 *         燃气, the typo a pinyin IME makes): the same syllables, whole, over as many characters
 *   0.35+ fuzzy (typos: a wrong or missing character): fuse.js (0.35 + 0.65 × fuse score) over a
 *         capped candidate set, then in-order character proximity for what Bitap cannot reach
 *         (僵户系统 → “僵尸”信息系统)
 *
 * How it stays fast:
 * - A character unigram + bigram inverted index (over text and "meta" = units + sections) is the
 *   prefilter for exact hits: a 1- or 2-character query is a single posting list, longer ones start
 *   from the shortest bigram posting list and are verified with `includes`.
 * - Incremental narrowing: the verified doc set of recent terms is cached; when the query grows (any
 *   cached term is a substring of the new one) the new set is filtered from the cached one.
 * - Lower tiers run only while fewer than `limit` hits are found.
 * - fuse.js ranks only a capped candidate set (documents sharing most of the query's characters).
 * - Pinyin (full + initials, context-aware via pinyin-pro) is precomputed per field and indexed by
 *   letter trigrams; built lazily on the first Latin query, or eagerly with `warm()`.
 * - pinyin-pro and fuse.js are loaded on first use, so loading this module costs nothing at start-up.
 */
import { leadsOf } from '../../domain/roles.js';
import type { Task } from '../../types.js';
import { Fuse, pinyinLib } from './deps.js';
import { allOccurrences, conceptWords, fold, HAS_CJK, HAS_LETTER, LATIN_QUERY, MAX_RANGES, mergeRanges, normalizeQuery, wholeWords } from './text.js';
import { EMPTY, PagedList, trigramKeyOf, windowIntersect } from './postings.js';
import { CharTable, eachChar } from './chars.js';
import { casedPinyin, fullAt, fullRange, pinyinOf, pinyinWords, pyKind, pyKindStored, syllablesAt, type Py } from './pinyin.js';
import { densestWindow, proximity } from './fuzzy.js';
import type { SearchParts, SearchSource } from './persist.js';

export interface SearchHit {
  task: Task;
  /** 0 = perfect; larger = worse (Fuse.js convention). */
  score: number;
  /** Matched [start, end) ranges in task.text, for highlighting. */
  ranges: Array<[number, number]>;
}

/** Tasks by position, parsed on demand (kb/task-store.ts gives one). */
export interface TaskList {
  readonly count: number;
  at(i: number): Task;
}

/** A pinyin or homophone hit: the field doc, its kind of match (an index into the tier bases), the Chinese word matched and its range. */
type WordHit = { d: number; kind: number; word: string; range: [number, number] };

/** Tasks a query of two-letter pinyin words alone (fx yl) scans at most. */
const SCAN_CAP = 40_000;
/** A word of a query that is pinyin: Latin letters only (two or more). */
const PINYIN_TERM = /^[a-z]{2,}$/;
/** A query the homophone tier reads: 2–8 Chinese characters, no spaces. */
const HOMOPHONE_QUERY = /^[\u3400-\u9fff]{2,8}$/;

export const TIER = {
  text: 0,
  textTerms: 0.05,
  meta: 0.06,
  concept: 0.07,
  pinyin: 0.1,
  initials: 0.15,
  pinyinTerms: 0.2,
  homophone: 0.3,
  fuzzy: 0.35,
} as const;

/**
 * A persisted index whose fields hold more UTF-16 code units than this (some 600 generated plans) is not
 * decoded whole when warmed: at 5000 plans that would be ~850 MB of strings and pinyin entries.
 */
const PREDECODE_MAX_UNITS = 4_000_000;

/** Whether units[from, to) contain `term` (UTF-16 code units). */
export function unitsInclude(units: Uint16Array, from: number, to: number, term: string): boolean {
  const m = term.length;
  if (m === 0) return true;
  const c0 = term.charCodeAt(0);
  for (let i = from, last = to - m; i <= last; i++) {
    if (units[i] !== c0) continue;
    let j = 1;
    while (j < m && units[i + j] === term.charCodeAt(j)) j++;
    if (j === m) return true;
  }
  return false;
}

/** Longest query (distinct characters) still given a typo-tolerant pass. */
const FUZZY_MAX_CHARS = 48;
/** Max candidates handed to fuse.js per search. */
const FUZZY_CAP = 96;
/** Pinyin hits sampled (in task order) before ranking, when a short pinyin query matches a large share of tasks. */
const PY_CAP = 300;
/** Max cached term → doc-set entries (incremental narrowing). */
const CACHE_MAX = 48;
/** How far (in score) a matching unit name moves a hit up within the concept and multi-term tiers. */
const UNIT_SPAN = 0.001;

/** UTF-16 code units [a, b) of `t` as a string. */
function decodeUtf16(t: Uint16Array, a: number, b: number): string {
  let out = '';
  for (let i = a; i < b; i += 4096) out += String.fromCharCode.apply(null, t.subarray(i, Math.min(b, i + 4096)) as unknown as number[]);
  return out;
}

/**
 * The two fields of a task the index searches: its folded text, and its folded meta — three groups
 * parted by an empty line: the lead units (the 牵头单位 column's, `leadsOf`), the other units, the section
 * titles; a unit's name and canonical name each once. A query never holds a line break, so the groups tell
 * a hit in a lead unit's name from one in a 配合 unit's or a heading (`metaGroup`).
 */
export function searchFields(t: Task): [string, string] {
  const seen = new Set<string>();
  const lines = (names: string[]): string => names.filter((x) => x && !seen.has(x) && seen.add(x)).join('\n');
  const leads = leadsOf(t.units);
  const lead = lines(leads.flatMap((u) => [u.name, u.canonical]));
  const other = lines(t.units.filter((u) => !leads.includes(u)).flatMap((u) => [u.name, u.canonical]));
  return [fold(t.text), fold([lead, other, t.section.join('\n')].join(META_GROUP))];
}

const META_GROUP = '\n\n';

/** Which group of a meta field (0 lead units, 1 other units, 2 section titles) holds position `at`. */
export function metaGroup(meta: string, at: number): number {
  const b1 = meta.indexOf(META_GROUP);
  if (b1 < 0 || at < b1) return 0;
  const b2 = meta.indexOf(META_GROUP, b1 + META_GROUP.length);
  return b2 < 0 || at < b2 ? 1 : 2;
}

export class SearchIndex {
  private readonly n: number;
  /** 2n fields: [0, n) folded task texts, [n, 2n) folded meta (unit names, canonical names, section titles);
   * from a persisted index, each decoded from `src.fieldText` on first use. */
  private fields: Array<string | undefined> | null = null;
  /** The persisted index this one answers from (posting lists and pinyin read on demand), or null when built here. */
  private src: SearchSource | null = null;
  private charId: Uint16Array | null = null;
  private nChars = 0;
  private overflow = false;
  private uni: Array<Int32Array | undefined> = [];
  /** Bigram posting lists, CSR: sorted keys (prev id × 32768 + id), offsets into one array of doc ids (built here). */
  private biKeys: Int32Array = EMPTY;
  private biOff: Int32Array = EMPTY;
  private biData: Int32Array = EMPTY;
  /** Bigram lists read from `src`, by key position. */
  private biRead = new Map<number, Int32Array>();
  /** Pinyin per field: doc → entry of `pyList` (identical fields share one); entries built or decoded on first use. */
  private pyOf: Int32Array | null = null;
  private pyList: Array<Py | undefined> = [];
  private pyDecode: ((k: number, d: number) => Py) | null = null;
  private tri: Array<Int32Array | undefined> | null = null;
  private triOff: Int32Array = EMPTY;
  private triData: Int32Array = EMPTY;
  private charBuild: Generator<void, void> | null = null;
  private pyBuild: Generator<void, void> | null = null;
  private readonly cache = new Map<string, Int32Array>();
  private stamp: Uint32Array;
  private gen = 0;
  private cnt: Uint8Array;

  /** The task at position i (a list's element, or a lazily parsed one of a store). */
  private readonly at: (i: number) => Task;

  /** Over a task list, or a store that parses tasks on demand (`count` + `at`): a persisted index then parses only its hits. */
  constructor(tasks: readonly Task[] | TaskList) {
    if ('at' in tasks && 'count' in tasks) {
      this.n = tasks.count;
      this.at = (i) => tasks.at(i);
    } else {
      const list = tasks as readonly Task[];
      this.n = list.length;
      this.at = (i) => list[i];
    }
    this.stamp = new Uint32Array(this.n);
    this.cnt = new Uint8Array(this.n);
  }

  /**
   * An index over `tasks` from its persisted form (search/persist.ts): nothing rebuilt, nothing read whole —
   * a field is decoded, a posting list read, a field's pinyin decoded when a search first needs it. Gives
   * the same results as `new SearchIndex(tasks)`. A search may throw SearchIndexCorrupt (damage found on use).
   */
  static fromParts(tasks: readonly Task[] | TaskList, p: SearchSource): SearchIndex {
    const ix = new SearchIndex(tasks);
    if (p.n !== ix.n) throw new Error(`search index of ${p.n} tasks given for ${ix.n}`);
    ix.src = p;
    ix.fields = new Array(2 * ix.n);
    ix.uni = new Array(p.nChars + 1);
    ix.biKeys = p.biKeys;
    ix.biOff = p.biOff;
    ix.charId = p.charId;
    ix.nChars = p.nChars;
    ix.overflow = p.overflow;
    return ix;
  }

  /** Field d's folded text. */
  private f(d: number): string {
    const s = this.fields![d];
    if (s !== undefined) return s;
    const src = this.src!;
    const a = src.fieldOff[d];
    const b = src.fieldOff[d + 1];
    const t = this.allText;
    const out = t ? decodeUtf16(t, a, b) : decodeUtf16(src.fieldText(a, b), 0, b - a);
    this.fields![d] = out;
    return out;
  }
  /**
   * Whether field d contains `term`. A field not decoded yet is searched in place in the index's code units
   * when they are in memory (warmAsync): verifying a common bigram's thousands of candidates then makes no
   * strings, and a large corpus need not hold every field decoded.
   */
  private has(d: number, term: string): boolean {
    const s = this.fields![d];
    if (s !== undefined) return s.includes(term);
    const t = this.allText;
    if (!t) return this.f(d).includes(term);
    const off = this.src!.fieldOff;
    return unitsInclude(t, off[d], off[d + 1], term);
  }

  /** All folded fields of a persisted index, once they are read whole (warmAsync). */
  private allText: Uint16Array | null = null;
  /** Its pinyin texts, likewise. */
  private pyAll: { full: Uint8Array; ini: Uint8Array } | null = null;

  /** The unigram posting list of char id `id`. */
  private uniList(id: number): Int32Array {
    let l = this.uni[id];
    if (!l) {
      const src = this.src!;
      this.uni[id] = l = src.postings('uniData', src.uniOff[id], src.uniOff[id + 1]);
    }
    return l;
  }

  /** The index's parts, for persisting (search/persist.ts); builds (or reads) whatever is not there yet. */
  toParts(): SearchParts {
    this.warm();
    const nf = 2 * this.n;
    const fieldOff = new Int32Array(nf + 1);
    for (let d = 0; d < nf; d++) fieldOff[d + 1] = fieldOff[d] + this.f(d).length;
    const fieldText = new Uint16Array(fieldOff[nf]);
    for (let d = 0; d < nf; d++) {
      const f = this.f(d);
      const o = fieldOff[d];
      for (let i = 0; i < f.length; i++) fieldText[o + i] = f.charCodeAt(i);
    }
    const nu = this.nChars + 1;
    const uniOff = new Int32Array(nu + 1);
    for (let c = 0; c < nu; c++) uniOff[c + 1] = uniOff[c] + this.uniList(c).length;
    const uniData = new Int32Array(uniOff[nu]);
    for (let c = 0; c < nu; c++) uniData.set(this.uniList(c), uniOff[c]);
    const biData = this.src ? this.src.postings('biData', 0, this.biOff[this.biKeys.length]) : this.biData;
    const K = 37 * 37 * 37;
    const triOff = this.src ? this.src.pinyin().triOff : this.triOff;
    const triData = this.src ? this.src.postings('triData', 0, triOff[K]) : this.triData;
    const P = this.pyList.length;
    const first = new Int32Array(P).fill(-1);
    for (let d = 0; d < nf; d++) if (first[this.pyOf![d]] < 0) first[this.pyOf![d]] = d;
    const list: Py[] = [];
    for (let k = 0; k < P; k++) list.push(this.pyList[k] ?? this.pyDecode!(k, first[k]));
    const pyFullOff = new Int32Array(P + 1);
    const pyIniOff = new Int32Array(P + 1);
    for (let k = 0; k < P; k++) {
      pyFullOff[k + 1] = pyFullOff[k] + list[k].full.length;
      pyIniOff[k + 1] = pyIniOff[k] + list[k].ini.length;
    }
    const pyFull = new Uint8Array(pyFullOff[P]);
    const pyIni = new Uint8Array(pyIniOff[P]);
    for (let k = 0; k < P; k++) {
      const py = list[k];
      const o = pyFullOff[k];
      pyFull.set(casedPinyin(py), o);
      const oi = pyIniOff[k];
      for (let i = 0; i < py.ini.length; i++) pyIni[oi + i] = py.ini.charCodeAt(i);
    }
    return {
      n: this.n, nChars: this.nChars, overflow: this.overflow, fieldText, fieldOff, charId: this.charId!, uniOff, uniData,
      biKeys: this.biKeys, biOff: this.biOff, biData, pyOf: this.pyOf!, pyFull, pyFullOff, pyIni, pyIniOff, triOff, triData,
    };
  }

  /** Build everything now (character index and pinyin) instead of on first use. */
  warm(): this {
    this.ensureChars();
    this.ensurePinyin();
    Fuse();
    this.fuseLoaded = true;
    return this;
  }

  get size(): number {
    return this.n;
  }

  /** Whether a search runs on what is built (no index building inside it): characters, pinyin and fuse.js loaded. */
  get ready(): boolean {
    return this.fields !== null && this.pyOf !== null && this.fuseLoaded;
  }
  private fuseLoaded = false;

  /** Forget the incremental-narrowing cache (benchmarks; results never depend on it). */
  resetCache(): void {
    this.cache.clear();
  }

  // ---------------------------------------------------------------- building

  private ensureChars(): void {
    if (!this.fields) {
      this.charBuild ??= this.buildChars();
      while (!this.charBuild.next().done);
    }
  }

  private ensurePinyin(): void {
    if (!this.pyOf) {
      this.pyBuild ??= this.buildPinyin();
      while (!this.pyBuild.next().done);
    }
  }

  /**
   * Build everything in slices of about `sliceMs`, yielding to the event loop in between, so that a UI
   * stays responsive while a large corpus is indexed (readyAsync, then decodeAheadAsync). A search arriving
   * meanwhile finishes the build synchronously (no work is done twice).
   */
  async warmAsync(sliceMs = 8, predecodeMaxUnits = PREDECODE_MAX_UNITS, idle?: () => Promise<void>): Promise<void> {
    await this.readyAsync(sliceMs);
    await this.decodeAheadAsync(sliceMs, predecodeMaxUnits, idle);
  }

  /** What `ready` needs, in slices: the character and pinyin indexes (built, or a persisted index's texts read whole, in 1 MB chunks) and fuse.js. */
  async readyAsync(sliceMs = 8): Promise<void> {
    const pause = () => new Promise<void>((r) => setImmediate(r));
    this.charBuild ??= this.fields ? null : this.buildChars();
    let t = performance.now();
    while (this.charBuild && !this.fields && !this.charBuild.next().done) {
      if (performance.now() - t > sliceMs) {
        await pause();
        t = performance.now();
      }
    }
    await pause();
    this.pyBuild ??= this.pyOf ? null : this.buildPinyin();
    t = performance.now();
    while (this.pyBuild && !this.pyOf && !this.pyBuild.next().done) {
      if (performance.now() - t > sliceMs) {
        await pause();
        t = performance.now();
      }
    }
    // A persisted index's folded fields and pinyin texts, read whole between turns of the event loop: a
    // query then verifies its candidates in memory, without reading the file.
    if (this.src && !this.allText) {
      const total = this.src.fieldOff[2 * this.n];
      const all = new Uint16Array(total);
      for (let a = 0; a < total; a += 1 << 19) {
        all.set(this.src.fieldText(a, Math.min(total, a + (1 << 19))), a);
        await pause();
      }
      const py = this.src.pinyin();
      const readAll = async (len: number, part: (a: number, b: number) => Uint8Array) => {
        const out = new Uint8Array(len);
        for (let a = 0; a < len; a += 1 << 20) {
          out.set(part(a, Math.min(len, a + (1 << 20))), a);
          await pause();
        }
        return out;
      };
      const full = await readAll(py.pyFullOff[py.pyFullOff.length - 1], py.full);
      const ini = await readAll(py.pyIniOff[py.pyIniOff.length - 1], py.ini);
      this.allText ??= all;
      this.pyAll ??= { full, ini };
    }
    // The typo tier's fuse.js, so the first typo does not pay for loading it.
    await pause();
    Fuse();
    this.fuseLoaded = true;
  }

  /**
   * A persisted index decodes a field or pinyin entry on first use. Up to a size, decode them all now (after
   * readyAsync), so that no keystroke decodes the thousands a short query verifies; a larger corpus decodes
   * what its queries touch (fields and pinyin are verified in place). `idle` is awaited between slices
   * (a UI passes one that waits while the user types; default: the next turn of the event loop).
   */
  async decodeAheadAsync(sliceMs = 8, predecodeMaxUnits = PREDECODE_MAX_UNITS, idle?: () => Promise<void>): Promise<void> {
    if (!this.src || !this.pyOf || this.src.fieldOff[2 * this.n] > predecodeMaxUnits) return;
    const pause = idle ?? (() => new Promise<void>((r) => setImmediate(r)));
    const pyOf = this.pyOf;
    let t = performance.now();
    for (let d = 0; d < pyOf.length; d++) {
      this.pyAt(d);
      if ((d & 31) === 31 && performance.now() - t > sliceMs) {
        await pause();
        t = performance.now();
      }
    }
    t = performance.now();
    for (let d = 0; d < 2 * this.n; d++) {
      this.f(d);
      if ((d & 63) === 63 && performance.now() - t > sliceMs) {
        await pause();
        t = performance.now();
      }
    }
  }

  /** Character index builder; yields every few documents (see warmAsync). */
  private *buildChars(): Generator<void, void> {
    const n = this.n;
    const fields: string[] = new Array(2 * n);
    for (let i = 0; i < n; i++) {
      [fields[i], fields[n + i]] = searchFields(this.at(i));
      if ((i & 31) === 31) yield;
    }
    const chars = new CharTable();
    const uni: number[][] = [[]];
    const bi = new Map<number, number[]>();
    const idOf = (c: number) => chars.idOf(c);
    for (let d = 0; d < fields.length; d++) {
      eachChar(fields[d], idOf, (id, key) => {
        const pu = (uni[id] ??= []);
        if (pu[pu.length - 1] !== d) pu.push(d);
        if (key >= 0) {
          let pb = bi.get(key);
          if (!pb) bi.set(key, (pb = []));
          if (pb[pb.length - 1] !== d) pb.push(d);
        }
      });
      if ((d & 15) === 15) yield;
    }
    for (let id = 0; id <= chars.count; id++) uni[id] ??= [];
    this.uni = uni.map((a) => Int32Array.from(a));
    yield;
    const keys = Int32Array.from(bi.keys()).sort();
    const off = new Int32Array(keys.length + 1);
    for (let j = 0; j < keys.length; j++) off[j + 1] = off[j] + bi.get(keys[j])!.length;
    const data = new Int32Array(off[keys.length]);
    for (let j = 0; j < keys.length; j++) {
      data.set(bi.get(keys[j])!, off[j]);
      if ((j & 4095) === 4095) yield;
    }
    this.biKeys = keys;
    this.biOff = off;
    this.biData = data;
    this.charId = chars.charId;
    this.nChars = chars.count;
    this.overflow = chars.overflow;
    this.fields = fields;
  }

  /** Pinyin builder (needs the character index); yields every few documents (see warmAsync). */
  private *buildPinyin(): Generator<void, void> {
    if (this.src) {
      this.loadPinyin(this.src);
      return;
    }
    this.ensureChars();
    const fields = this.fields as string[];
    pinyinLib();
    yield;
    const memo = new Map<string, number>();
    const list: Py[] = [];
    const pyOf = new Int32Array(fields.length);
    const py: Py[] = new Array(fields.length);
    for (let d = 0; d < fields.length; d++) {
      const s = fields[d];
      let k = memo.get(s);
      if (k === undefined) {
        k = list.length;
        list.push(pinyinOf(s));
        memo.set(s, k);
      }
      pyOf[d] = k;
      py[d] = list[k];
      if ((d & 15) === 15) yield;
    }
    // Letter trigram index over full pinyin and initials, built as one flat array (two passes: count, fill).
    const K = 37 * 37 * 37;
    const counts = new Int32Array(K + 1);
    const last = new Int32Array(K).fill(-1);
    const scan = (str: string, d: number, fill: Int32Array | null, at: Int32Array | null): void => {
      if (str.length < 3) return;
      let a = trigramKeyOf(str.charCodeAt(0));
      let b = trigramKeyOf(str.charCodeAt(1));
      for (let i = 2; i < str.length; i++) {
        const c = trigramKeyOf(str.charCodeAt(i));
        if (a !== 36 && b !== 36 && c !== 36) {
          const k = (a * 37 + b) * 37 + c;
          if (last[k] !== d) {
            last[k] = d;
            if (fill) fill[at![k]++] = d;
            else counts[k]++;
          }
        }
        a = b;
        b = c;
      }
    };
    for (let d = 0; d < py.length; d++) {
      scan(py[d].full, d, null, null);
      scan(py[d].ini, d, null, null);
      if ((d & 1023) === 1023) yield;
    }
    const offsets = new Int32Array(K + 1);
    for (let k = 0; k < K; k++) offsets[k + 1] = offsets[k] + counts[k];
    const data = new Int32Array(offsets[K]);
    const at = offsets.slice(0, K);
    last.fill(-1);
    for (let d = 0; d < py.length; d++) {
      scan(py[d].full, d, data, at);
      scan(py[d].ini, d, data, at);
      if ((d & 1023) === 1023) yield;
    }
    const tri: Int32Array[] = new Array(K);
    for (let k = 0; k < K; k++) tri[k] = offsets[k + 1] > offsets[k] ? data.subarray(offsets[k], offsets[k + 1]) : EMPTY;
    this.tri = tri;
    this.triOff = offsets;
    this.triData = data;
    this.pyList = list;
    this.pyOf = pyOf;
  }

  /** The pinyin part of a persisted index: its tables now, each entry (and trigram list) when first used. */
  private loadPinyin(src: SearchSource): void {
    const py = src.pinyin();
    const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    this.pyDecode = (k, d) => {
      const a = py.pyFullOff[k];
      const b = py.pyFullOff[k + 1];
      const cased = this.pyAll ? this.pyAll.full.subarray(a, b) : py.full(a, b);
      const bound = new Uint8Array(cased.length);
      const low = new Uint8Array(cased.length);
      for (let i = 0; i < cased.length; i++) {
        const c = cased[i];
        const upper = c >= 65 && c <= 90;
        bound[i] = upper || !(c >= 97 && c <= 122) ? 1 : 0;
        low[i] = upper ? c + 32 : c;
      }
      let map: Int32Array | null = null;
      // letter → field index, needed only for a hit's range: every code point of the field gave one bound
      // (an upper-case letter, a digit or "|") and its letters follow it
      const mapOf = (): Int32Array => {
        if (map) return map;
        const field = this.f(d);
        map = new Int32Array(cased.length);
        let pos = -1;
        for (let i = 0; i < cased.length; i++) {
          if (bound[i]) pos = pos < 0 ? 0 : pos + (field.charCodeAt(pos) >= 0xd800 && field.charCodeAt(pos) <= 0xdbff ? 2 : 1);
          map[i] = Math.max(0, pos);
        }
        return map;
      };
      return {
        full: latin1(low),
        bound,
        ini: latin1(this.pyAll ? this.pyAll.ini.subarray(py.pyIniOff[k], py.pyIniOff[k + 1]) : py.ini(py.pyIniOff[k], py.pyIniOff[k + 1])),
        get map() {
          return mapOf();
        },
      };
    };
    this.pyList = new Array(py.pyFullOff.length - 1);
    this.triOff = py.triOff;
    this.pyOf = py.pyOf;
  }

  /** The bigram posting list of `key`, or null (binary search over the sorted key table). */
  private biPostings(key: number): Int32Array | null {
    const keys = this.biKeys;
    let lo = 0;
    let hi = keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid];
      if (k < key) lo = mid + 1;
      else if (k > key) hi = mid - 1;
      else if (!this.src) return this.biData.subarray(this.biOff[mid], this.biOff[mid + 1]);
      else {
        let l = this.biRead.get(mid);
        if (!l) this.biRead.set(mid, (l = this.src.postings('biData', this.biOff[mid], this.biOff[mid + 1])));
        return l;
      }
    }
    return null;
  }

  /** Pinyin of field `d` (the pinyin part must be built or loaded). */
  /** pyKind of field d's pinyin; an entry not decoded yet is read in place when the pinyin texts are in memory. */
  private pyMatch(d: number, q: string): number {
    const k = this.pyOf![d];
    const p = this.pyList[k];
    if (p) return pyKind(p, q);
    const all = this.pyAll;
    if (!all) return pyKind(this.pyAt(d), q);
    const py = this.src!.pinyin();
    return pyKindStored(all.full, py.pyFullOff[k], py.pyFullOff[k + 1], all.ini, py.pyIniOff[k], py.pyIniOff[k + 1], q);
  }

  private pyAt(d: number): Py {
    const k = this.pyOf![d];
    let p = this.pyList[k];
    if (!p) this.pyList[k] = p = this.pyDecode!(k, d);
    return p;
  }

  // ---------------------------------------------------------------- exact terms

  private remember(key: string, docs: Int32Array): Int32Array {
    if (this.cache.has(key)) this.cache.delete(key);
    this.cache.set(key, docs);
    if (this.cache.size > CACHE_MAX) this.cache.delete(this.cache.keys().next().value as string);
    return docs;
  }

  /**
   * The smallest cached doc set that must contain every doc of `term`: for exact terms ("t:") any cached
   * substring of it; for pinyin ("p:") only a cached prefix, since a match must start at a syllable.
   */
  private cachedSuperset(ns: 't:' | 'p:', term: string): Int32Array | null {
    const exact = this.cache.get(ns + term);
    if (exact) return exact;
    let best: Int32Array | null = null;
    for (const [k, v] of this.cache) {
      if (!k.startsWith(ns)) continue;
      const key = k.slice(ns.length);
      const covers = ns === 'p:' ? term.startsWith(key) : term.includes(key);
      if (covers && (!best || v.length < best.length)) best = v;
    }
    return best;
  }

  /** Sorted doc ids (over the 2n fields) whose field contains `term`. */
  private termDocs(term: string): Int32Array {
    const c = this.termCandidates(term);
    return c.exact ? c.docs : this.remember('t:' + term, this.verify(c.docs, term));
  }

  /**
   * Sorted doc ids that may contain `term` — all of them do when `exact` (a posting list, or a cached set),
   * otherwise each is to be verified (the shortest bigram list of a longer term, or a cached superset).
   */
  private termCandidates(term: string): { docs: Int32Array; exact: boolean } {
    this.ensureChars();
    const charId = this.charId!;
    if (term.length === 1) {
      const id = charId[term.charCodeAt(0)];
      if (!id) return { docs: EMPTY, exact: true };
      if (id === 32767 && this.overflow) return { docs: this.uniList(id), exact: false };
      return { docs: this.uniList(id), exact: true };
    }
    const hit = this.cache.get('t:' + term);
    if (hit) return { docs: this.remember('t:' + term, hit), exact: true };
    let smallest: Int32Array | null = null;
    for (let i = 0; i + 1 < term.length; i++) {
      const a = charId[term.charCodeAt(i)];
      const b = charId[term.charCodeAt(i + 1)];
      if (!a || !b) return { docs: this.remember('t:' + term, EMPTY), exact: true };
      const pl = this.biPostings(a * 32768 + b);
      if (!pl) return { docs: this.remember('t:' + term, EMPTY), exact: true };
      if (!smallest || pl.length < smallest.length) smallest = pl;
    }
    const sup = this.cachedSuperset('t:', term);
    let start = smallest!;
    if (sup && sup.length < start.length) start = sup;
    if (term.length === 2 && start === smallest && !this.overflow) return { docs: this.remember('t:' + term, start), exact: true };
    return { docs: start, exact: false };
  }

  private verify(docs: Int32Array, term: string): Int32Array {
    const out = new Int32Array(docs.length);
    let k = 0;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i];
      if (this.has(d, term)) out[k++] = d;
    }
    return out.subarray(0, k);
  }

  // ---------------------------------------------------------------- pinyin

  /**
   * Docs (over the 2n fields) whose full pinyin (at a syllable start) or initials contain q (q.length ≥ 3),
   * in task order (a task's text before its meta), passing `ok`. Short pinyin prefixes match a large share
   * of all tasks ("she" → 建设 everywhere), so the scan stops after `cap` hits; only a complete scan is
   * cached for incremental narrowing.
   */
  private pinyinDocs(q: string, ok: (i: number) => boolean, cap: number): number[] {
    this.ensurePinyin();
    const n = this.n;
    const key = 'p:' + q;
    const cached = this.cache.get(key);
    let start: Int32Array;
    let verified: boolean;
    if (cached) {
      this.remember(key, cached);
      start = cached;
      verified = true;
    } else {
      // Every trigram of q is in the full pinyin or in the initials of a matching field: the fields in all of
      // their lists (shortest first) are what needs verifying, walked in windows of task order (below).
      const keys: number[] = [];
      for (let i = 0; i + 2 < q.length; i++) {
        const key = (trigramKeyOf(q.charCodeAt(i)) * 37 + trigramKeyOf(q.charCodeAt(i + 1))) * 37 + trigramKeyOf(q.charCodeAt(i + 2));
        if (key % 37 !== 36 && Math.floor(key / 37) % 37 !== 36 && Math.floor(key / 1369) !== 36 && !keys.includes(key)) keys.push(key);
      }
      const len = (k: number) => this.triOff[k + 1] - this.triOff[k];
      keys.sort((x, y) => len(x) - len(y) || x - y);
      const sup = this.cachedSuperset('p:', q);
      if (keys.length && !(sup && sup.length < len(keys[0]))) return this.pinyinWindows(q, keys, ok, cap);
      start = sup ?? EMPTY;
      verified = false;
    }
    // Merge the text part [0, n) and the meta part [n, 2n) of `start` by task index.
    let split = 0;
    while (split < start.length && start[split] < n) split++;
    const all: number[] = [];
    const out: number[] = [];
    let a = 0;
    let b = split;
    let complete = true;
    while (a < split || b < start.length) {
      const d = b >= start.length || (a < split && start[a] <= start[b] - n) ? start[a++] : start[b++];
      if (!verified && this.pyMatch(d, q) < 0) continue;
      all.push(d);
      if (ok(d >= n ? d - n : d)) {
        out.push(d);
        if (out.length >= cap && (a < split || b < start.length)) {
          complete = false;
          break;
        }
      }
    }
    if (complete && !verified) this.remember(key, Int32Array.from(all).sort());
    return out;
  }

  /**
   * pinyinDocs over the trigram lists of `keys` (shortest first): their common fields verified in task order,
   * text and meta merged by task index as above, a window of tasks at a time (doubling), so that a common
   * query stops at `cap` having read only the first part of each list — at 5000 plans a long pinyin query's
   * ten lists hold ~3M ids, and reading them whole was most of a cold `plans search`.
   */
  private pinyinWindows(q: string, keys: number[], ok: (i: number) => boolean, cap: number): number[] {
    const n = this.n;
    const lists = keys.map((k) => this.triPaged(k));
    const textAt = lists.map(() => 0);
    const metaAt = lists.map((l) => l.lowerBound(n));
    const all: number[] = [];
    const out: number[] = [];
    for (let t0 = 0, w = Math.max(1024, n >> 8); t0 < n; t0 += w, w *= 2) {
      const t1 = Math.min(n, t0 + w);
      const text = windowIntersect(lists, textAt, t1);
      const meta = windowIntersect(lists, metaAt, n + t1);
      for (let a = 0, b = 0; a < text.length || b < meta.length; ) {
        const d = b >= meta.length || (a < text.length && text[a] <= meta[b] - n) ? text[a++] : meta[b++];
        if (this.pyMatch(d, q) < 0) continue;
        all.push(d);
        if (ok(d >= n ? d - n : d)) {
          out.push(d);
          if (out.length >= cap) return out;
        }
      }
    }
    this.remember('p:' + q, Int32Array.from(all).sort());
    return out;
  }

  /** The trigram list of key k, paged (kept, with the pages read). */
  private triPaged(k: number): PagedList {
    let l = this.triPages.get(k);
    if (!l) {
      const whole = this.tri?.[k]; // a built index holds its lists; a persisted one reads them on demand
      const a = this.triOff[k];
      l = whole ? PagedList.of(whole) : new PagedList(this.triOff[k + 1] - a, (x, y) => this.src!.postings('triData', a + x, a + y));
      this.triPages.set(k, l);
    }
    return l;
  }
  private readonly triPages = new Map<number, PagedList>();

  // ---------------------------------------------------------------- search

  search(query: string, candidates?: (t: Task) => boolean, limit = 50): SearchHit[] {
    const q = normalizeQuery(query);
    const at = this.at;
    const n = this.n;
    const out: SearchHit[] = [];
    if (limit <= 0) return out;
    if (!q) {
      for (let i = 0; i < n; i++) {
        const t = at(i);
        if (candidates && !candidates(t)) continue;
        out.push({ task: t, score: 0, ranges: [] });
        if (out.length >= limit) break;
      }
      return out;
    }
    this.ensureChars();
    if (++this.gen >= 0xfffffff0) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    const gen = this.gen;
    const stamp = this.stamp;
    // Predicate results memoised for this call: 0 unknown, 1 pass, 2 fail.
    const passMemo = this.cnt;
    if (candidates) passMemo.fill(0);
    const ok = (i: number): boolean => {
      if (stamp[i] === gen) return false;
      if (!candidates) return true;
      const c = passMemo[i];
      if (c) return c === 1;
      const r = candidates(at(i));
      passMemo[i] = r ? 1 : 2;
      return r;
    };
    const push = (i: number, score: number, ranges: Array<[number, number]>): void => {
      stamp[i] = gen;
      out.push({ task: at(i), score, ranges });
    };
    const full = (): boolean => out.length >= limit;

    const terms = q.split(' ');
    /** Tasks whose meta (units, sections) — possibly together with the text — has every term. */
    const meta: number[] = [];

    // --- exact substring (and all terms) in the text
    if (terms.length === 1) {
      // Candidates are verified as they are taken, and no further once the tier fills the page: a cold
      // search reads the fields of its first hits, not of every candidate (a complete pass is cached).
      const { docs, exact } = this.termCandidates(q);
      const verified: number[] | null = exact ? null : [];
      let complete = true;
      for (let j = 0; j < docs.length; j++) {
        const d = docs[j];
        if (verified) {
          if (!this.has(d, q)) continue;
          verified.push(d);
        }
        if (d >= n) meta.push(d - n);
        else if (ok(d)) {
          const ranges: Array<[number, number]> = [];
          allOccurrences(this.f(d), q, ranges);
          push(d, TIER.text, ranges);
          if (full()) {
            complete = j === docs.length - 1;
            break;
          }
        }
      }
      if (verified && complete) this.remember('t:' + q, Int32Array.from(verified));
    } else {
      const k = Math.min(terms.length, 250);
      const textCnt = new Uint8Array(n);
      const anyCnt = new Uint8Array(n);
      for (let ti = 0; ti < k; ti++) {
        const docs = this.termDocs(terms[ti]);
        for (let j = 0; j < docs.length; j++) {
          const d = docs[j];
          const i = d >= n ? d - n : d;
          if (d < n && textCnt[i] === ti) textCnt[i] = ti + 1;
          if (anyCnt[i] === ti) anyCnt[i] = ti + 1;
        }
      }
      const whole = terms.join('');
      const later: number[] = [];
      for (let i = 0; i < n && !full(); i++) {
        if (anyCnt[i] !== k) continue;
        if (textCnt[i] !== k) meta.push(i);
        else if (ok(i)) {
          if (this.has(i, whole)) {
            const ranges: Array<[number, number]> = [];
            allOccurrences(this.f(i), whole, ranges);
            push(i, TIER.text, ranges);
          } else later.push(i);
        }
      }
      this.pushRanked(later, terms, TIER.textTerms, limit - out.length, push);
    }
    if (full()) return out;

    // --- exact in unit names / section titles: a lead unit's name first, then another unit's, then a heading
    this.pushMeta(meta, terms, limit - out.length, ok, push);
    if (full()) return out;

    // --- concept: a query of several words written together (年度报告): every word, in any order
    if (terms.length === 1 && HAS_CJK.test(q)) {
      const words = conceptWords(q);
      if (words.length >= 2) {
        // every word in the text, or in the text and the task's units and section titles together
        const inText = new Uint8Array(n);
        const inAny = new Uint8Array(n);
        for (let wi = 0; wi < words.length; wi++) {
          const docs = this.termDocs(words[wi]);
          for (let j = 0; j < docs.length; j++) {
            const d = docs[j];
            const i = d >= n ? d - n : d;
            if (d < n && inText[i] === wi) inText[i] = wi + 1;
            if (inAny[i] === wi) inAny[i] = wi + 1;
          }
        }
        const k = words.length;
        const hits: number[] = [];
        for (let i = 0; i < n; i++) if (inText[i] === k && ok(i)) hits.push(i);
        this.pushRanked(hits, words, TIER.concept, limit - out.length, push);
        if (full()) return out;
        // Words only partly in the text stand farthest apart (the gap is full): ordered by the unit bonus,
        // then plan order; the scan stops once a page of the best kind (a word in a lead unit) is found.
        const room = limit - out.length;
        const byBonus: number[][] = [[], [], []];
        for (let i = 0; i < n && byBonus[0].length < room; i++) {
          if (inAny[i] !== k || inText[i] === k || !ok(i)) continue;
          byBonus[Math.round((2 * this.unitBonus(i, words)) / UNIT_SPAN)].push(i);
        }
        for (let g = 0; g < 3 && !full(); g++) {
          for (const i of byBonus[g]) {
            if (full()) break;
            const ranges: Array<[number, number]> = [];
            for (const w of words) allOccurrences(this.f(i), w, ranges);
            push(i, TIER.concept + 0.008 + (g * UNIT_SPAN) / 2, mergeRanges(ranges).slice(0, MAX_RANGES));
          }
        }
        if (full()) return out;
      }
    }

    // --- pinyin (full, then initials) of the text and of unit names / section titles
    const pyQuery = LATIN_QUERY.test(q) && HAS_LETTER.test(q) ? q.replace(/[' ]/g, '') : '';
    if (pyQuery.length >= 2) {
      this.ensurePinyin();
      const found: number[] = [];
      if (pyQuery.length >= 3) {
        found.push(...this.pinyinDocs(pyQuery, ok, Math.max(PY_CAP, 6 * limit)));
      } else {
        // Two letters are too common to index usefully: scan in plan order, stop once enough are found.
        const need = limit - out.length;
        for (let i = 0; i < n && found.length < need; i++) {
          if (!ok(i)) continue;
          if (this.pyMatch(i, pyQuery) >= 0) found.push(i);
          if (this.pyMatch(n + i, pyQuery) >= 0) found.push(n + i);
        }
      }
      this.pinyinHits(found, pyQuery, limit - out.length, ok, push);
      if (full()) return out;
    }

    // --- several words, some typed in pinyin (fangxun yanlian, 防汛 yanlian, fx yl): each word in the task
    if (terms.length > 1 && terms.length <= 6 && terms.some((t) => PINYIN_TERM.test(t))) {
      this.pinyinTerms(terms, limit - out.length, ok, push);
      if (full()) return out;
    }

    // --- a run of pinyin words typed without spaces (fangxunyanlian): as the words it reads as
    const pyWords = terms.length === 1 && pyQuery ? pinyinWords(pyQuery) : null;
    if (pyWords) {
      this.pinyinTerms(pyWords, limit - out.length, ok, push);
      if (full()) return out;
    }

    // --- homophones (燃起 → 燃气): the query's syllables, whole, in as many characters
    if (!pyQuery && HOMOPHONE_QUERY.test(q)) {
      this.homophones(q, limit - out.length, ok, push);
      if (full()) return out;
    }

    // --- fuzzy fallback (typos: a wrong or missing character) over a capped candidate set
    if (HAS_CJK.test(q)) this.fuzzy(terms, limit - out.length, ok, push);
    return out;
  }

  /**
   * Hits whose unit names or section titles hold the query (or, for several terms, those fields and the
   * text together hold every term): the task where a matching unit leads first, then one where it is
   * another unit, then a match in a heading only; within each, plan order. Reads each candidate's meta
   * field, never its task.
   */
  private pushMeta(docs: number[], terms: string[], room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    if (room <= 0 || !docs.length) return;
    const n = this.n;
    const byGroup: number[][] = [[], [], []];
    for (const i of docs) {
      if (!ok(i)) continue;
      const meta = this.f(n + i);
      let g = 2;
      for (const t of terms) {
        const at = meta.indexOf(t);
        if (at >= 0) g = Math.min(g, metaGroup(meta, at));
      }
      byGroup[g].push(i);
    }
    let added = 0;
    for (let g = 0; g < 3 && added < room; g++) {
      for (const i of byGroup[g]) {
        if (added >= room) break;
        added++;
        const ranges: Array<[number, number]> = [];
        for (const t of terms) allOccurrences(this.f(i), t, ranges);
        push(i, TIER.meta + 0.003 * g, mergeRanges(ranges));
      }
    }
  }

  /**
   * Hits that hold every word: ranked within their tier by how close the words stand (the shortest window
   * holding one of each) and by field (a word in a lead unit's name ranks the task higher, then any unit).
   */
  private pushRanked(docs: number[], words: string[], tier: number, room: number, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    if (room <= 0 || !docs.length) return;
    const need = words.reduce((a, w) => a + w.length, 0);
    // First the closeness of the words, from the text alone (cheap); then the units, which need the task
    // itself (parsed on demand: the costly part), only for the hits whose closeness can still make the page.
    const scored = docs.map((i) => {
      const occ: Array<[number, number, number]> = []; // start, end, word index
      const ranges: Array<[number, number]> = [];
      words.forEach((w, wi) => {
        const r: Array<[number, number]> = [];
        allOccurrences(this.f(i), w, r);
        for (const [a, b] of r) occ.push([a, b, wi]);
        ranges.push(...r);
      });
      occ.sort((a, b) => a[0] - b[0]);
      // shortest window holding every word (two pointers)
      const have = new Int32Array(words.length);
      let kinds = 0;
      let best = Infinity;
      for (let lo = 0, hi = 0; hi < occ.length; hi++) {
        if (have[occ[hi][2]]++ === 0) kinds++;
        while (kinds === words.length) {
          best = Math.min(best, occ[hi][1] - occ[lo][0]);
          if (--have[occ[lo][2]] === 0) kinds--;
          lo++;
        }
      }
      const gap = Math.min(1, Math.max(0, best - need) / 60);
      return { i, score: tier + 0.008 * gap, ranges };
    });
    scored.sort((a, b) => a.score - b.score || a.i - b.i);
    // The unit bonus moves a hit up by at most UNIT_SPAN: past the room-th hit's closeness plus that, none can enter.
    const bar = scored[Math.min(room, scored.length) - 1].score + UNIT_SPAN;
    const top = scored.filter((h) => h.score <= bar);
    for (const h of top) h.score += this.unitBonus(h.i, words);
    top.sort((a, b) => a.score - b.score || a.i - b.i);
    for (const h of top.slice(0, room)) push(h.i, h.score, mergeRanges(h.ranges).slice(0, MAX_RANGES));
  }

  /** 0 when a word is in the name of a lead unit, UNIT_SPAN / 2 when in another unit's, else UNIT_SPAN (from the meta field: no task parsed). */
  private unitBonus(i: number, words: string[]): number {
    const meta = this.f(this.n + i);
    let g = 2;
    for (const w of words) {
      for (let at = meta.indexOf(w); at >= 0 && g > 0; at = meta.indexOf(w, at + 1)) g = Math.min(g, metaGroup(meta, at));
    }
    return (g * UNIT_SPAN) / 2;
  }

  /**
   * Pinyin hits in rank order: full pinyin before initials; within each, the Chinese words matched by
   * more tasks first ("sjt" → 审计厅 before a stray 实际统), then text before unit/section, then plan order.
   */
  private pinyinHits(docs: number[], q: string, room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    const hits: WordHit[] = [];
    for (const d of docs) {
      const p = this.pyAt(d);
      const at = fullAt(p, q);
      let range: [number, number];
      let kind = 0;
      if (at >= 0) range = fullRange(p, this.f(d), at, q.length);
      else {
        const i = p.ini.indexOf(q);
        if (i < 0) continue;
        kind = 1;
        range = [i, i + q.length];
      }
      hits.push({ d, kind, word: this.f(d).slice(range[0], range[1]), range });
    }
    this.pushWordHits(hits, [TIER.pinyin, TIER.initials], room, ok, push);
  }

  /**
   * Word hits (a field doc, the kind of match, the Chinese word matched and its range) in rank order, each kind
   * from its base score: within a kind, a full-pinyin match that is a word of its text first (值班 before the 指办
   * of 防指办, both "zhiban"; judged once per word, at its first hit), then the words most hits share, text before
   * units and headings, plan order.
   */
  private pushWordHits(hits: WordHit[], bases: readonly number[], room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    const n = this.n;
    const pop = new Map<string, number>();
    const word = new Map<string, number>();
    for (const h of hits) {
      pop.set(h.word, (pop.get(h.word) ?? 0) + 1);
      if (h.kind === 0 && !word.has(h.word)) word.set(h.word, wholeWords(this.f(h.d), h.range[0], h.range[1]) ? 0 : 1);
    }
    hits.sort((a, b) => a.kind - b.kind || (word.get(a.word) ?? 0) - (word.get(b.word) ?? 0) || pop.get(b.word)! - pop.get(a.word)! || Number(a.d >= n) - Number(b.d >= n) || a.d - b.d);
    const counts = bases.map(() => 0);
    for (const h of hits) counts[h.kind]++;
    const seen = bases.map(() => 0);
    let added = 0;
    for (const h of hits) {
      const rank = seen[h.kind]++;
      if (added >= room) break;
      const i = h.d >= n ? h.d - n : h.d;
      if (!ok(i)) continue;
      const ranges: Array<[number, number]> = [];
      if (h.d < n) ranges.push(h.range);
      else allOccurrences(this.f(i), h.word, ranges);
      push(i, bases[h.kind] + (0.049 * rank) / counts[h.kind], ranges);
      added++;
    }
  }

  /**
   * Hits that hold every word of a query of several, where a word in Latin letters is pinyin (full, at a syllable
   * start, or initials) and any other is text: each in the task's text or its units and headings. Candidates are
   * the docs of the most selective word (a Chinese word's postings, else a pinyin word's trigram lists); the rest
   * are verified per task. In plan order, text hits marked.
   */
  private pinyinTerms(terms: string[], room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    if (room <= 0) return;
    this.ensurePinyin();
    const n = this.n;
    const latin = terms.map((t) => PINYIN_TERM.test(t));
    const has = (i: number, k: number) => {
      const t = terms[k];
      if (!latin[k]) return this.has(i, t) || this.has(n + i, t);
      return this.pyMatch(i, t) >= 0 || this.pyMatch(n + i, t) >= 0;
    };
    // the seed: a Chinese word, else the longest pinyin word of 3 letters or more, else every task (scanned in order)
    const cjk = terms.findIndex((_, k) => !latin[k]);
    const longest = terms.reduce((b, t, k) => (latin[k] && t.length >= 3 && (b < 0 || t.length > terms[b].length) ? k : b), -1);
    let seed: Iterable<number>;
    if (cjk >= 0) seed = new Set(Array.from(this.termDocs(terms[cjk]), (d) => (d >= n ? d - n : d)));
    else if (longest >= 0) seed = new Set(this.pinyinDocs(terms[longest], ok, Math.max(PY_CAP, 20 * room)).map((d) => (d >= n ? d - n : d)));
    else {
      // only two-letter words (fx yl): initials everywhere; the scan is bounded (a keystroke's budget), in plan order
      const end = Math.min(n, SCAN_CAP);
      seed = { [Symbol.iterator]: function* () { for (let i = 0; i < end; i++) yield i; } };
    }
    const hits: number[] = [];
    for (const i of seed) {
      if (!ok(i)) continue;
      if (terms.every((_, k) => has(i, k))) hits.push(i);
      if (hits.length >= room && cjk < 0 && longest < 0) break;
    }
    hits.sort((a, b) => a - b);
    for (const i of hits.slice(0, room)) {
      const ranges: Array<[number, number]> = [];
      const f = this.f(i);
      terms.forEach((t, k) => {
        if (!latin[k]) return allOccurrences(f, t, ranges);
        const p = this.pyAt(i);
        const at = fullAt(p, t);
        if (at >= 0) ranges.push(fullRange(p, f, at, t.length));
        else {
          const j = p.ini.indexOf(t);
          if (j >= 0) ranges.push([j, j + t.length]);
        }
      });
      push(i, TIER.pinyinTerms, mergeRanges(ranges));
    }
  }

  /**
   * Hits for the characters that sound like the query's: each field whose full pinyin holds the query's
   * syllables, whole, over exactly as many characters (other characters than the query's: its exact hits are
   * in the first tier), ranked as pinyin hits are (pushWordHits).
   */
  private homophones(q: string, room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    if (room <= 0) return;
    const py = pinyinOf(q).full;
    if (py.includes('|') || py.length < 3) return;
    const hits: WordHit[] = [];
    for (const d of this.pinyinDocs(py, ok, Math.max(PY_CAP, 6 * room))) {
      const p = this.pyAt(d);
      const f = this.f(d);
      for (let at = syllablesAt(p, py); at >= 0; at = syllablesAt(p, py, at + 1)) {
        const range = fullRange(p, f, at, py.length);
        const word = f.slice(range[0], range[1]);
        if (word.length !== q.length || word === q) continue;
        hits.push({ d, kind: 0, word, range });
        break;
      }
    }
    this.pushWordHits(hits, [TIER.homophone], room, ok, push);
  }

  private fuzzy(terms: string[], room: number, ok: (i: number) => boolean, push: (i: number, score: number, ranges: Array<[number, number]>) => void): void {
    const compact = terms.join('');
    const distinct = new Set(compact).size;
    // Typos are looked for in typed queries; a pasted paragraph is served by the exact tiers alone.
    if (distinct < 3 || distinct > FUZZY_MAX_CHARS) return;
    const n = this.n;
    const charId = this.charId!;
    const ids: number[] = [];
    for (const ch of new Set(compact)) {
      const id = ch.length === 1 ? charId[ch.charCodeAt(0)] : 0;
      if (id && !ids.includes(id)) ids.push(id);
    }
    const miss = Math.max(1, Math.floor(distinct / 4));
    const need = Math.max(2, distinct - miss);
    if (ids.length < need) return;
    // Count, per text doc, how many of the query's distinct characters it contains.
    const count = new Uint8Array(n);
    for (const id of ids) {
      const pl = this.uniList(id);
      for (let j = 0; j < pl.length && pl[j] < n; j++) count[pl[j]]++;
    }
    // More shared characters first, plan order within a count; the fuse work is capped.
    const multi = terms.length > 1;
    const cap = multi ? FUZZY_CAP / 2 : FUZZY_CAP;
    const cand: number[] = [];
    for (let c = ids.length; c >= need && cand.length < cap; c--) {
      for (let d = 0; d < n && cand.length < cap; d++) if (count[d] === c && ok(d)) cand.push(d);
    }
    if (!cand.length) return;
    const F = Fuse();
    const pattern = multi
      ? terms
          .map((t) => t.replace(/^[=!'^]+|\$$/g, ''))
          .filter(Boolean)
          .join(' ')
      : terms[0];
    // Bitap cost grows with the text: a single-term query is matched against the window of each
    // candidate that holds most of the query's characters (offsets shifted back for the ranges).
    const qset = new Set(Array.from(compact, (c) => c.charCodeAt(0)));
    const width = 2 * compact.length + 2;
    const windows = cand.map((d) => (multi ? 0 : densestWindow(this.f(d), qset, width)));
    const fuse = new F(
      cand.map((d, j) => (multi ? this.f(d) : this.f(d).slice(windows[j], windows[j] + width + 4))),
      { includeScore: true, includeMatches: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.4, minMatchCharLength: 1, useExtendedSearch: multi },
    );
    let added = 0;
    const done = new Set<number>();
    for (const r of fuse.search(pattern)) {
      if (added >= room) return;
      const off = windows[r.refIndex];
      const ranges: Array<[number, number]> = [];
      for (const m of r.matches ?? []) for (const [s, e] of m.indices) ranges.push([s + off, e + 1 + off]);
      // Bitap also reports stray single characters of the pattern; keep them only when nothing longer matched.
      const merged = mergeRanges(ranges, 1);
      const long = merged.filter(([s, e]) => e - s > 1);
      push(cand[r.refIndex], TIER.fuzzy + 0.65 * (r.score ?? 0), long.length ? long : merged);
      done.add(cand[r.refIndex]);
      added++;
    }
    // What Bitap cannot reach: most query characters, in order, close together (僵户系统 → “僵尸”信息系统).
    if (compact.length > 16) return;
    const prox: Array<{ d: number; score: number; ranges: Array<[number, number]> }> = [];
    for (const d of cand) {
      if (done.has(d)) continue;
      const m = proximity(this.f(d), compact, need);
      if (m) prox.push({ d, ...m });
    }
    prox.sort((a, b) => a.score - b.score || a.d - b.d);
    for (const h of prox) {
      if (added >= room) return;
      push(h.d, TIER.fuzzy + 0.65 * h.score, h.ranges);
      added++;
    }
  }
}
