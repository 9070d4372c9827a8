/** Posting lists (sorted doc ids as Int32Array): the empty list, and the letter-trigram keys of the pinyin index. */

export const EMPTY = new Int32Array(0);

export function trigramKeyOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97; // a–z
  if (c >= 48 && c <= 57) return 26 + c - 48; // 0–9
  return 36;
}

/** Sorted ids in both sorted lists (the shorter one probed into the longer by galloping search). */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) [a, b] = [b, a];
  const out = new Int32Array(a.length);
  let k = 0;
  let lo = 0;
  for (let i = 0; i < a.length && lo < b.length; i++) {
    const x = a[i];
    let step = 1;
    let hi = lo;
    while (hi < b.length && b[hi] < x) {
      lo = hi + 1;
      hi += step;
      step *= 2;
    }
    hi = Math.min(hi, b.length - 1);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    if (b[lo] === x) out[k++] = x;
  }
  return out.subarray(0, k);
}

/** Ids per page of a `PagedList`. */
const PAGE = 2048;

/**
 * A sorted posting list read a page at a time (a persisted list need not be read whole when a query wants
 * only its first window), or over an array in memory. Pages once read are kept.
 */
export class PagedList {
  private readonly pages: Array<Int32Array | undefined>;
  constructor(
    readonly length: number,
    private readonly read: (a: number, b: number) => Int32Array,
  ) {
    this.pages = new Array(Math.ceil(length / PAGE));
  }
  /** Over a list in memory: its pages are views of it. */
  static of(list: Int32Array): PagedList {
    return new PagedList(list.length, (a, b) => list.subarray(a, b));
  }
  private page(p: number): Int32Array {
    let pg = this.pages[p];
    if (!pg) this.pages[p] = pg = this.read(p * PAGE, Math.min(this.length, (p + 1) * PAGE));
    return pg;
  }
  at(i: number): number {
    return this.page(Math.floor(i / PAGE))[i % PAGE];
  }
  /** The first index ≥ `from` whose id is ≥ `x` (galloping from `from`: cheap when it is near). */
  lowerBound(x: number, from = 0): number {
    let lo = from;
    if (lo >= this.length || this.at(lo) >= x) return lo;
    let step = 1;
    let hi = lo + 1;
    while (hi < this.length && this.at(hi) < x) {
      lo = hi;
      step *= 2;
      hi = lo + step;
    }
    hi = Math.min(hi, this.length);
    // at(lo) < x, and at(hi) ≥ x or hi = length
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (this.at(mid) < x) lo = mid;
      else hi = mid;
    }
    return hi;
  }
  /** Ids [a, b) of the list. */
  slice(a: number, b: number): Int32Array {
    if (a >= b) return EMPTY;
    const pa = Math.floor(a / PAGE);
    if (pa === Math.floor((b - 1) / PAGE)) return this.page(pa).subarray(a - pa * PAGE, b - pa * PAGE);
    const out = new Int32Array(b - a);
    for (let i = a; i < b; ) {
      const p = Math.floor(i / PAGE);
      const pg = this.page(p);
      const end = Math.min(b, (p + 1) * PAGE);
      out.set(pg.subarray(i - p * PAGE, end - p * PAGE), i - a);
      i = end;
    }
    return out;
  }
}

/**
 * The ids below `until` in every list, from each list's cursor (`at[j]`, advanced past them): one window of
 * a conjunctive query walked in id order, so that a query that needs only its first hits reads only the
 * first part of each list. Lists shortest first; stops intersecting once few ids are left (the caller
 * verifies what is returned).
 */
export function windowIntersect(lists: PagedList[], at: number[], until: number, enough = 32): Int32Array {
  let cur: Int32Array | null = null;
  for (let j = 0; j < lists.length; j++) {
    const end = lists[j].lowerBound(until, at[j]);
    if (cur === null || cur.length > enough) {
      const part = lists[j].slice(at[j], end);
      cur = cur === null ? part : intersect(cur, part);
    }
    at[j] = end;
  }
  return cur ?? EMPTY;
}
