/**
 * The search index of a build, written straight to its file part by part: the same bytes as
 * `encodeSearch(SearchIndex.toParts())` over the same fields (tests/kb/build-stream.test.ts), without ever
 * holding all the parts (at thousands of plans, hundreds of MB) in memory. Each part goes to a temporary
 * file as soon as it is built; posting lists are filled a range of keys at a time (counted first, then
 * each range's lists filled by a scan of every field); the pinyin entries are streamed out as they are
 * computed, and read back entry by entry for the letter-trigram index. The file is then the head and the
 * parts copied in their order. Time: linear in the fields (a fixed number of scans); memory: the fields,
 * an eighth of a posting part, a few integers per field.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { FileReader, FileWriter } from './spool.js';
import { ContentIds, decode, type TextStore } from './text-store.js';
import { pinyinLib } from '../query/search/deps.js';
import { casedPinyin, pinyinOf } from '../query/search/pinyin.js';
import { trigramKeyOf } from '../query/search/postings.js';
import { CharTable, eachChar } from '../query/search/chars.js';
import { grown, grownFilled } from '../util/arrays.js';
import { encodeSearchHead, SEARCH_SECTIONS, type SearchParts } from '../query/search/persist.js';

type Name = keyof SearchParts;
type Part = Int32Array | Uint16Array | Uint8Array;

const bytesOf = (a: Part) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Where each part was written: a temporary file, its offset and length there (bytes), and its length in elements. */
class Parts {
  private readonly at = new Map<Name, { file: string; from: number; bytes: number; length: number }>();
  private readonly files: Array<{ path: string; w: FileWriter }> = [];
  private readonly body: FileWriter;

  constructor(private readonly tmp: (what: string) => string) {
    this.body = this.open('search-body');
  }

  private open(what: string): FileWriter {
    const path = this.tmp(what);
    const w = new FileWriter(path);
    this.files.push({ path, w });
    return w;
  }

  /** A part whole. */
  put(name: Name, a: Part): void {
    this.at.set(name, { file: this.files[0].path, from: this.body.pos, bytes: a.byteLength, length: a.length });
    this.body.write(bytesOf(a));
  }

  /** A part written piece by piece (`add`), nothing else written meanwhile unless `own`: then in a file of its own. */
  begin(name: Name, own = false): { add: (a: Part) => void; end: () => void; file: string } {
    const w = own ? this.open(`search-${name}`) : this.body;
    const file = this.files.find((f) => f.w === w)!.path;
    const from = w.pos;
    let length = 0;
    return {
      file,
      add: (a) => {
        w.write(bytesOf(a));
        length += a.length;
      },
      // a part in a file of its own can be read back once ended
      end: () => {
        this.at.set(name, { file, from, bytes: w.pos - from, length });
        if (own) w.close();
      },
    };
  }

  /** The index file at `out`: the head, then every part (padded to 8 bytes) copied from where it was written. */
  finish(out: string, info: Pick<SearchParts, 'n' | 'nChars' | 'overflow'>, code: string): void {
    for (const f of this.files) f.w.close();
    const lengths = {} as Record<Name, number>;
    for (const [name] of SEARCH_SECTIONS) lengths[name] = this.at.get(name)!.length;
    const w = new FileWriter(out);
    const buf = Buffer.allocUnsafe(1 << 20);
    const fds = new Map<string, number>();
    try {
      w.write(encodeSearchHead(info, lengths, code));
      for (const [name] of SEARCH_SECTIONS) {
        const p = this.at.get(name)!;
        let fd = fds.get(p.file);
        if (fd === undefined) fds.set(p.file, (fd = openSync(p.file, 'r')));
        for (let done = 0; done < p.bytes; ) {
          const got = readSync(fd, buf, 0, Math.min(buf.length, p.bytes - done), p.from + done);
          if (got === 0) throw new Error(`search part ${name} cut short`);
          w.write(buf.subarray(0, got));
          done += got;
        }
        const pad = Math.ceil(p.bytes / 8) * 8 - p.bytes;
        if (pad) w.write(new Uint8Array(pad));
      }
    } finally {
      for (const fd of fds.values()) closeSync(fd);
      w.close();
    }
  }

  /** Removes the temporary files. */
  dispose(): void {
    for (const f of this.files) {
      f.w.close();
      rmSync(f.path, { force: true });
    }
  }
}

/** Ranges [from, to) of the keys 0..keys-1 (key k's list: [off[k], off[k + 1])) whose lists hold at most `budget` entries together (one key's alone may hold more). */
function ranges(off: Int32Array, keys: number, budget: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  while (from < keys) {
    let to = from + 1;
    while (to < keys && off[to + 1] - off[from] <= budget) to++;
    out.push([from, to]);
    from = to;
  }
  return out;
}

/** Posting entries filled at once: an eighth of a part's (eight scans, whatever the number of fields: linear), at least 2^20. */
const share = (entries: number) => Math.max(1 << 20, Math.ceil(entries / 8));

/** The fields: fn(d, units, from, to, store) for every field d in order. */
type EachField = (fn: (d: number, u: Uint16Array, from: number, to: number, which: number) => void) => void;

/** The lists of a posting part, a range of keys at a time: `fill(lo, hi, data)` fills the lists of keys [lo, hi) (data[off[k] - off[lo] …]). */
function fillPart(parts: Parts, name: Name, off: Int32Array, keys: number, budget: number | undefined, fill: (lo: number, hi: number, data: Int32Array) => void): void {
  const rs = ranges(off, keys, budget ?? share(off[keys]));
  const buf = new Int32Array(rs.reduce((m, [lo, hi]) => Math.max(m, off[hi] - off[lo]), 0));
  const part = parts.begin(name);
  for (const [lo, hi] of rs) {
    const data = buf.subarray(0, off[hi] - off[lo]);
    fill(lo, hi, data);
    part.add(data);
  }
  part.end();
}

/**
 * Writes the search index of these fields (searchFields of each task: the n texts, then the n metas: the
 * stores' texts one after the other) to `out`; temporary files are named by `tmp` and removed. `budget`:
 * posting entries filled at once (default: an eighth of each part's).
 */
export function writeSearchIndex(stores: TextStore[], out: string, tmp: (what: string) => string, code: string, budget?: number): void {
  const src = stores.map((s) => ({ u: s.units, off: s.offsets, count: s.count }));
  const nf = src.reduce((n, s) => n + s.count, 0);
  const each: EachField = (fn) => {
    let d = 0;
    src.forEach((s, which) => {
      for (let i = 0; i < s.count; i++) fn(d++, s.u, s.off[i], s.off[i + 1], which);
    });
  };
  const parts = new Parts(tmp);
  try {
    // Fields: their text (UTF-16 code units) and offsets.
    const fieldOff = new Int32Array(nf + 1);
    each((d, _u, from, to) => (fieldOff[d + 1] = fieldOff[d] + to - from));
    const text = parts.begin('fieldText');
    for (const s of src) text.add(s.u);
    text.end();
    parts.put('fieldOff', fieldOff);
    const chars = writeChars(parts, each, budget);
    const pyOf = writePinyin(parts, each, () => src.map((s) => s.u), nf);
    writeTrigrams(parts, pyOf, budget);
    parts.finish(out, { n: nf / 2, nChars: chars.nChars, overflow: chars.overflow }, code);
  } finally {
    parts.dispose();
  }
}

/** Characters: ids in order of first occurrence, unigram and bigram posting lists (a field once per list). */
function writeChars(parts: Parts, each: EachField, budget: number | undefined): { nChars: number; overflow: boolean } {
  const chars = new CharTable();
  const charId = chars.charId;
  const idOf = (c: number) => chars.idOf(c);
  const known = (c: number) => charId[c];
  const uniCount = new Int32Array(32769);
  const uniLast = new Int32Array(32769).fill(-1);
  const slot = new Map<number, number>();
  let biKey = new Int32Array(1 << 12);
  let biCount = new Int32Array(1 << 12);
  let biLast = new Int32Array(1 << 12).fill(-1);
  each((d, u, from, to) => {
    eachChar(
      u,
      idOf,
      (id, key) => {
        if (uniLast[id] !== d) {
          uniLast[id] = d;
          uniCount[id]++;
        }
        if (key < 0) return;
        let j = slot.get(key);
        if (j === undefined) {
          j = slot.size;
          slot.set(key, j);
          if (j >= biKey.length) {
            biKey = grown(biKey, j + 1);
            biCount = grown(biCount, j + 1);
            biLast = grownFilled(biLast, j + 1, -1);
          }
          biKey[j] = key;
        }
        if (biLast[j] !== d) {
          biLast[j] = d;
          biCount[j]++;
        }
      },
      from,
      to,
    );
  });
  parts.put('charId', charId);
  const U = chars.count + 1;
  const uniOff = new Int32Array(U + 1);
  for (let c = 0; c < U; c++) uniOff[c + 1] = uniOff[c] + uniCount[c];
  parts.put('uniOff', uniOff);
  fillPart(parts, 'uniData', uniOff, U, budget, (lo, hi, data) => {
    const at = uniOff.slice(lo, hi);
    uniLast.fill(-1);
    each((d, u, from, to) => {
      eachChar(
        u,
        known,
        (id) => {
          if (id < lo || id >= hi || uniLast[id] === d) return;
          uniLast[id] = d;
          data[at[id - lo]++ - uniOff[lo]] = d;
        },
        from,
        to,
      );
    });
  });
  const B = slot.size;
  const keys = biKey.slice(0, B).sort();
  const rank = new Int32Array(B);
  for (let r = 0; r < B; r++) rank[slot.get(keys[r])!] = r;
  const biOff = new Int32Array(B + 1);
  for (let j = 0; j < B; j++) biOff[rank[j] + 1] = biCount[j];
  for (let r = 0; r < B; r++) biOff[r + 1] += biOff[r];
  parts.put('biKeys', keys);
  parts.put('biOff', biOff);
  fillPart(parts, 'biData', biOff, B, budget, (lo, hi, data) => {
    const kLo = keys[lo];
    const kHi = keys[hi - 1];
    const at = biOff.slice(lo, hi);
    biLast.fill(-1);
    each((d, u, from, to) => {
      eachChar(
        u,
        known,
        (_id, key) => {
          if (key < kLo || key > kHi) return;
          const r = rank[slot.get(key)!];
          if (biLast[r] !== d) {
            biLast[r] = d;
            data[at[r - lo]++ - biOff[lo]] = d;
          }
        },
        from,
        to,
      );
    });
  });
  slot.clear();
  return { nChars: chars.count, overflow: chars.overflow };
}

/** Where the pinyin entries went: their files and offsets, and each field's entry. */
interface PinyinParts {
  pyOf: Int32Array;
  fullFile: string;
  fullOff: Int32Array;
  iniFile: string;
  iniOff: Int32Array;
}

/** Pinyin: an entry per distinct field (by content), its full pinyin (cased: casedPinyin) and initials streamed out. */
function writePinyin(parts: Parts, each: EachField, units: () => Uint16Array[], nf: number): PinyinParts {
  pinyinLib();
  const distinct = new ContentIds(units);
  const pyOf = new Int32Array(nf);
  const fullOff: number[] = [0];
  const iniOff: number[] = [0];
  const full = parts.begin('pyFull', true);
  const ini = parts.begin('pyIni', true);
  each((d, u, from, to, which) => {
    const k = distinct.id(from, to, which);
    if (distinct.isNew) {
      const py = pinyinOf(decode(u, from, to));
      full.add(casedPinyin(py));
      ini.add(Buffer.from(py.ini, 'latin1'));
      fullOff.push(fullOff[fullOff.length - 1] + py.full.length);
      iniOff.push(iniOff[iniOff.length - 1] + py.ini.length);
    }
    pyOf[d] = k;
  });
  full.end();
  ini.end();
  parts.put('pyOf', pyOf);
  const out = { pyOf, fullFile: full.file, fullOff: Int32Array.from(fullOff), iniFile: ini.file, iniOff: Int32Array.from(iniOff) };
  parts.put('pyFullOff', out.fullOff);
  parts.put('pyIniOff', out.iniOff);
  return out;
}

/** Cased full pinyin (casedPinyin) in lower case, in place. */
function lower(a: Uint8Array): Uint8Array {
  for (let i = 0; i < a.length; i++) if (a[i] >= 65 && a[i] <= 90) a[i] += 32;
  return a;
}

/**
 * Letter trigrams of every field's full pinyin and initials (a field once per list). Read entry by entry
 * (fields sharing an entry have its trigrams: a list that got several fields at once is sorted after).
 */
function writeTrigrams(parts: Parts, py: PinyinParts, budget: number | undefined): void {
  const { pyOf, fullOff, iniOff } = py;
  const P = fullOff.length - 1;
  const nf = pyOf.length;
  // The fields of each entry, in order.
  const docOff = new Int32Array(P + 1);
  for (let d = 0; d < nf; d++) docOff[pyOf[d] + 1]++;
  for (let k = 0; k < P; k++) docOff[k + 1] += docOff[k];
  const docs = new Int32Array(nf);
  const cur = docOff.slice(0, P);
  for (let d = 0; d < nf; d++) docs[cur[pyOf[d]]++] = d;
  const K = 37 * 37 * 37;
  const last = new Int32Array(K);
  /** each(entry, key) for the distinct trigrams of every entry. */
  const eachEntry = (each: (k: number, key: number) => void) => {
    last.fill(-1);
    const rf = new FileReader(py.fullFile);
    const ri = new FileReader(py.iniFile);
    try {
      for (let k = 0; k < P; k++) {
        for (const a of [lower(rf.read(fullOff[k + 1] - fullOff[k])), ri.read(iniOff[k + 1] - iniOff[k])]) {
          if (a.length < 3) continue;
          let x = trigramKeyOf(a[0]);
          let y = trigramKeyOf(a[1]);
          for (let i = 2; i < a.length; i++) {
            const z = trigramKeyOf(a[i]);
            if (x !== 36 && y !== 36 && z !== 36) {
              const key = (x * 37 + y) * 37 + z;
              if (last[key] !== k) {
                last[key] = k;
                each(k, key);
              }
            }
            x = y;
            y = z;
          }
        }
      }
    } finally {
      rf.close();
      ri.close();
    }
  };
  const triOff = new Int32Array(K + 1);
  eachEntry((k, key) => void (triOff[key + 1] += docOff[k + 1] - docOff[k]));
  for (let key = 0; key < K; key++) triOff[key + 1] += triOff[key];
  parts.put('triOff', triOff);
  fillPart(parts, 'triData', triOff, K, budget, (lo, hi, data) => {
    const at = triOff.slice(lo, hi);
    const unsorted = new Uint8Array(hi - lo);
    const base = triOff[lo];
    eachEntry((k, key) => {
      if (key < lo || key >= hi) return;
      const from = docOff[k];
      const to = docOff[k + 1];
      if (to - from > 1) unsorted[key - lo] = 1;
      for (let j = from; j < to; j++) data[at[key - lo]++ - base] = docs[j];
    });
    for (let key = lo; key < hi; key++) if (unsorted[key - lo]) data.subarray(triOff[key] - base, triOff[key + 1] - base).sort();
  });
}
