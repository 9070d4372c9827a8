/**
 * The search index of a build, written straight to its file part by part: the same bytes as
 * `encodeSearch(SearchIndex.toParts())` over the same fields (tests/kb/build-stream.test.ts), without ever
 * holding all the parts (at thousands of plans, hundreds of MB) in memory. Each part goes to a temporary
 * file as soon as it is built; posting lists are filled a range of keys at a time (counted first, then
 * each range's lists filled by a scan of every field);
 * the pinyin entries are streamed out as they are computed, their full pinyin and initials kept for the
 * letter-trigram index. The file is then the head and the parts copied in their order. Time: linear in
 * the fields (a fixed number of scans); memory: the fields, the pinyin text, a quarter of a posting part.
 */
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { FileWriter } from './spool.js';
import { pinyinLib } from '../query/search/deps.js';
import { pinyinOf } from '../query/search/pinyin.js';
import { trigramKeyOf } from '../query/search/postings.js';
import { CharTable, eachChar } from '../query/search/chars.js';
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
  begin(name: Name, own = false): { add: (a: Part) => void; end: () => void } {
    const w = own ? this.open(`search-${name}`) : this.body;
    const file = this.files.find((f) => f.w === w)!.path;
    const from = w.pos;
    let length = 0;
    return {
      add: (a) => {
        w.write(bytesOf(a));
        length += a.length;
      },
      end: () => void this.at.set(name, { file, from, bytes: w.pos - from, length }),
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

/** Growable byte array (pinyin kept for the trigram index). */
class Bytes {
  a = new Uint8Array(1 << 16);
  length = 0;
  push(s: string): void {
    if (this.length + s.length > this.a.length) {
      let len = this.a.length * 2;
      while (len < this.length + s.length) len *= 2;
      const b = new Uint8Array(len);
      b.set(this.a.subarray(0, this.length));
      this.a = b;
    }
    for (let i = 0; i < s.length; i++) this.a[this.length++] = s.charCodeAt(i);
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

/** Posting entries filled at once: a quarter of a part's (four scans of the fields, whatever their number: linear), at least 2^20. */
const quarter = (entries: number) => Math.max(1 << 20, Math.ceil(entries / 4));

/**
 * Writes the search index of these fields (searchFields of each task: the n texts, then the n metas) to
 * `out`; temporary files are named by `tmp` and removed. `budget`: posting entries filled at once
 * (default: a quarter of each part's).
 */
export function writeSearchIndex(fields: string[], out: string, tmp: (what: string) => string, code: string, budget?: number): void {
  const nf = fields.length;
  const parts = new Parts(tmp);
  try {
    // Fields: their text (UTF-16 code units) and offsets.
    const fieldOff = new Int32Array(nf + 1);
    const text = parts.begin('fieldText');
    let chunk = new Uint16Array(1 << 16);
    let len = 0;
    for (let d = 0; d < nf; d++) {
      const f = fields[d];
      fieldOff[d + 1] = fieldOff[d] + f.length;
      if (len + f.length > chunk.length) {
        text.add(chunk.subarray(0, len));
        len = 0;
        if (f.length > chunk.length) chunk = new Uint16Array(f.length);
      }
      for (let i = 0; i < f.length; i++) chunk[len++] = f.charCodeAt(i);
    }
    text.add(chunk.subarray(0, len));
    text.end();
    parts.put('fieldOff', fieldOff);

    // Characters: ids in order of first occurrence, unigram and bigram posting lists (a field once per list).
    const chars = new CharTable();
    const charId = chars.charId;
    const idOf = (c: number) => chars.idOf(c);
    const known = (c: number) => charId[c];
    const uniCount = new Int32Array(32769);
    const uniLast = new Int32Array(32769).fill(-1);
    const slot = new Map<number, number>();
    let biKey = new Int32Array(1 << 12);
    let biCount = new Int32Array(1 << 12);
    let biLast = new Int32Array(1 << 12);
    const grow = (a: Int32Array, fill: number) => {
      const b = new Int32Array(a.length * 2).fill(fill);
      b.set(a);
      return b;
    };
    for (let d = 0; d < nf; d++) {
      eachChar(fields[d], idOf, (id, key) => {
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
            biKey = grow(biKey, 0);
            biCount = grow(biCount, 0);
            biLast = grow(biLast, -1);
          }
          biKey[j] = key;
          biLast[j] = -1;
        }
        if (biLast[j] !== d) {
          biLast[j] = d;
          biCount[j]++;
        }
      });
    }
    const nChars = chars.count;
    const overflow = chars.overflow;
    parts.put('charId', charId);
    const U = nChars + 1;
    const uniOff = new Int32Array(U + 1);
    for (let c = 0; c < U; c++) uniOff[c + 1] = uniOff[c] + uniCount[c];
    parts.put('uniOff', uniOff);
    const uniData = parts.begin('uniData');
    for (const [from, to] of ranges(uniOff, U, budget ?? quarter(uniOff[U]))) {
      const data = new Int32Array(uniOff[to] - uniOff[from]);
      const at = uniOff.slice(from, to);
      uniLast.fill(-1);
      for (let d = 0; d < nf; d++) {
        eachChar(fields[d], known, (id) => {
          if (id < from || id >= to || uniLast[id] === d) return;
          uniLast[id] = d;
          data[at[id - from]++ - uniOff[from]] = d;
        });
      }
      uniData.add(data);
    }
    uniData.end();
    const B = slot.size;
    const keys = biKey.slice(0, B).sort();
    const rank = new Int32Array(B);
    for (let r = 0; r < B; r++) rank[slot.get(keys[r])!] = r;
    const biOff = new Int32Array(B + 1);
    for (let j = 0; j < B; j++) biOff[rank[j] + 1] = biCount[j];
    for (let r = 0; r < B; r++) biOff[r + 1] += biOff[r];
    parts.put('biKeys', keys);
    parts.put('biOff', biOff);
    const biData = parts.begin('biData');
    for (const [from, to] of ranges(biOff, B, budget ?? quarter(biOff[B]))) {
      const lo = keys[from];
      const hi = keys[to - 1];
      const data = new Int32Array(biOff[to] - biOff[from]);
      const at = biOff.slice(from, to);
      biLast.fill(-1);
      for (let d = 0; d < nf; d++) {
        eachChar(fields[d], known, (_id, key) => {
          if (key < lo || key > hi) return;
          const r = rank[slot.get(key)!];
          if (biLast[r] !== d) {
            biLast[r] = d;
            data[at[r - from]++ - biOff[from]] = d;
          }
        });
      }
      biData.add(data);
    }
    biData.end();
    slot.clear();

    // Pinyin: an entry per distinct field; its full pinyin streamed out with each syllable's first letter in
    // upper case (the bounds; persist.ts), kept in lower case with the initials for the letter-trigram index.
    pinyinLib();
    const memo = new Map<string, number>();
    const pyOf = new Int32Array(nf);
    const full = new Bytes();
    const ini = new Bytes();
    const fullOff: number[] = [0];
    const iniOff: number[] = [0];
    const cased = parts.begin('pyFull', true);
    for (let d = 0; d < nf; d++) {
      const s = fields[d];
      let k = memo.get(s);
      if (k === undefined) {
        k = fullOff.length - 1;
        memo.set(s, k);
        const py = pinyinOf(s);
        full.push(py.full);
        ini.push(py.ini);
        fullOff.push(full.length);
        iniOff.push(ini.length);
        const c = new Uint8Array(py.full.length);
        for (let i = 0; i < c.length; i++) {
          const x = py.full.charCodeAt(i);
          c[i] = py.bound[i] && x >= 97 && x <= 122 ? x - 32 : x;
        }
        cased.add(c);
      }
      pyOf[d] = k;
    }
    memo.clear();
    cased.end();
    parts.put('pyOf', pyOf);
    const pyFullOff = Int32Array.from(fullOff);
    const pyIniOff = Int32Array.from(iniOff);
    fullOff.length = iniOff.length = 0;

    // Letter trigrams of every field's full pinyin and initials (a field once per list).
    const K = 37 * 37 * 37;
    const last = new Int32Array(K).fill(-1);
    const scan = (a: Uint8Array, from: number, to: number, d: number, each: (k: number) => void): void => {
      if (to - from < 3) return;
      let x = trigramKeyOf(a[from]);
      let y = trigramKeyOf(a[from + 1]);
      for (let i = from + 2; i < to; i++) {
        const z = trigramKeyOf(a[i]);
        if (x !== 36 && y !== 36 && z !== 36) {
          const k = (x * 37 + y) * 37 + z;
          if (last[k] !== d) {
            last[k] = d;
            each(k);
          }
        }
        x = y;
        y = z;
      }
    };
    const eachDoc = (each: (k: number) => void, d: number) => {
      const k = pyOf[d];
      scan(full.a, pyFullOff[k], pyFullOff[k + 1], d, each);
      scan(ini.a, pyIniOff[k], pyIniOff[k + 1], d, each);
    };
    const triCount = new Int32Array(K);
    const count = (k: number) => void triCount[k]++;
    for (let d = 0; d < nf; d++) eachDoc(count, d);
    const triOff = new Int32Array(K + 1);
    for (let k = 0; k < K; k++) triOff[k + 1] = triOff[k] + triCount[k];
    parts.put('triOff', triOff);
    const triData = parts.begin('triData');
    for (const [from, to] of ranges(triOff, K, budget ?? quarter(triOff[K]))) {
      const data = new Int32Array(triOff[to] - triOff[from]);
      const at = triOff.slice(from, to);
      let doc = 0;
      const fill = (k: number) => {
        if (k >= from && k < to) data[at[k - from]++ - triOff[from]] = doc;
      };
      last.fill(-1);
      for (let d = 0; d < nf; d++) {
        doc = d;
        eachDoc(fill, d);
      }
      triData.add(data);
    }
    triData.end();
    parts.put('pyFullOff', pyFullOff);
    parts.put('pyIni', ini.a.subarray(0, ini.length));
    parts.put('pyIniOff', pyIniOff);
    parts.finish(out, { n: nf / 2, nChars, overflow }, code);
  } finally {
    parts.dispose();
  }
}
