/**
 * Texts kept by a build as UTF-16 code units in one growable typed array (outside the JS heap: no object
 * per text, nothing for the collector to trace), read back as strings when needed; and ids of texts by
 * content, for doing something once per distinct text without keeping the texts as strings.
 */
import { grown } from '../util/arrays.js';

/** Texts appended one after the other: text i is [start(i), end(i)) of `units`. */
export class TextStore {
  private u16 = new Uint16Array(1 << 12);
  private offs = new Int32Array(1 << 8);
  count = 0;
  length = 0;

  add(s: string): number {
    if (this.length + s.length > this.u16.length) {
      let len = this.u16.length;
      while (len < this.length + s.length) len = Math.ceil(len * 1.5);
      const b = new Uint16Array(len);
      b.set(this.u16.subarray(0, this.length));
      this.u16 = b;
    }
    for (let i = 0; i < s.length; i++) this.u16[this.length++] = s.charCodeAt(i);
    if (this.count + 2 > this.offs.length) {
      const b = new Int32Array(Math.ceil(this.offs.length * 1.5) + 2);
      b.set(this.offs.subarray(0, this.count + 1));
      this.offs = b;
    }
    this.offs[++this.count] = this.length;
    return this.count - 1;
  }

  /** Drops the room kept for more texts (a copy of the exact size). */
  trim(): void {
    this.u16 = this.u16.slice(0, this.length);
    this.offs = this.offs.slice(0, this.count + 1);
  }

  /** Every text's code units, one after the other (a view: valid until the next `add`). */
  get units(): Uint16Array {
    return this.u16.subarray(0, this.length);
  }
  /** count + 1 offsets into `units` (a view). */
  get offsets(): Int32Array {
    return this.offs.subarray(0, this.count + 1);
  }
  start(i: number): number {
    return this.offs[i];
  }
  end(i: number): number {
    return this.offs[i + 1];
  }
  /** Text i, or its [a, b) (offsets within it). */
  get(i: number, a = 0, b = this.offs[i + 1] - this.offs[i]): string {
    return decode(this.u16, this.offs[i] + a, this.offs[i] + b);
  }
}

/** The string of code units [from, to) of `u16`. */
export function decode(u16: Uint16Array, from: number, to: number): string {
  return Buffer.from(u16.buffer, u16.byteOffset + 2 * from, 2 * (to - from)).toString('utf16le');
}

/**
 * Ids (0, 1, …, in order of first sight) of ranges of code units by their content: the same text gets
 * the same id wherever it is. Open addressing over typed arrays (each id remembers its first range, and
 * a match is checked unit by unit).
 */
export class ContentIds {
  size = 0;
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Int32Array(1 << 12);
  private from = new Int32Array(1 << 10);
  private to = new Int32Array(1 << 10);
  private in = new Int32Array(1 << 10);

  /** Ranges of any of `units` (read each call: a store's array may have been replaced since). */
  constructor(private readonly units: () => Uint16Array[]) {}

  /** The id of [a, b) of units[which]; `isNew` is set when it was first seen now. */
  id(a: number, b: number, which = 0): number {
    const all = this.units();
    const u = all[which];
    let h = 0x811c9dc5 ^ (b - a);
    for (let i = a; i < b; i++) h = Math.imul(h ^ u[i], 0x01000193);
    let mask = this.slots.length - 1;
    let j = h & mask;
    for (let k = this.slots[j]; k >= 0; k = this.slots[(j = (j + 1) & mask)]) {
      if (this.hashes[j] === h && this.same(all[this.in[k]], u, k, a, b)) {
        this.isNew = false;
        return k;
      }
    }
    const k = this.size++;
    this.from = grown(this.from, k + 1);
    this.to = grown(this.to, k + 1);
    this.in = grown(this.in, k + 1);
    this.from[k] = a;
    this.to[k] = b;
    this.in[k] = which;
    this.slots[j] = k;
    this.hashes[j] = h;
    if (2 * this.size > this.slots.length) {
      const slots = this.slots;
      const hashes = this.hashes;
      this.slots = new Int32Array(slots.length * 2).fill(-1);
      this.hashes = new Int32Array(slots.length * 2);
      mask = this.slots.length - 1;
      for (let i = 0; i < slots.length; i++) {
        if (slots[i] < 0) continue;
        let m = hashes[i] & mask;
        while (this.slots[m] >= 0) m = (m + 1) & mask;
        this.slots[m] = slots[i];
        this.hashes[m] = hashes[i];
      }
    }
    this.isNew = true;
    return k;
  }
  isNew = false;

  private same(v: Uint16Array, u: Uint16Array, k: number, a: number, b: number): boolean {
    const f = this.from[k];
    if (this.to[k] - f !== b - a) return false;
    for (let i = 0; i < b - a; i++) if (v[f + i] !== u[a + i]) return false;
    return true;
  }
}
