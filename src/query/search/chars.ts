/**
 * The character part of the search index, as both of its builders see a field (SearchIndex in memory,
 * kb/search-write.ts streaming a build's index to its file): characters get ids in order of first occurrence
 * (1..32766; every later new character shares 32767, and the index then verifies those hits), a line break
 * ends a run, and a bigram's key is its two ids as prev × 32768 + id.
 */

/** Character ids in order of first occurrence. */
export class CharTable {
  readonly charId = new Uint16Array(65536);
  count = 0;
  /** Whether more distinct characters came than there are ids. */
  overflow = false;

  /** The id of UTF-16 code unit c, given one if it has none. */
  idOf(c: number): number {
    let id = this.charId[c];
    if (id === 0) {
      if (this.count < 32767) id = ++this.count;
      else {
        id = 32767;
        this.overflow = true;
      }
      this.charId[c] = id;
    }
    return id;
  }
}

/**
 * Each character of `s` (UTF-16 code units [from, to); line breaks aside) as `each(id, key)`: its id from
 * `idOf`, and the key of the bigram it ends (-1 for the first character of a line).
 */
export function eachChar(s: string | Uint16Array, idOf: (c: number) => number, each: (id: number, key: number) => void, from = 0, to = s.length): void {
  const str = typeof s === 'string' ? s : null;
  const units = typeof s === 'string' ? null : s;
  let prev = 0;
  for (let i = from; i < to; i++) {
    const c = str !== null ? str.charCodeAt(i) : units![i];
    if (c === 10) {
      prev = 0;
      continue;
    }
    const id = idOf(c);
    each(id, prev !== 0 ? prev * 32768 + id : -1);
    prev = id;
  }
}
