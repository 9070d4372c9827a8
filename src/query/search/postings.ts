/** Sorted posting lists (doc ids as Int32Array) and the letter-trigram keys of the pinyin index. */

export const EMPTY = new Int32Array(0);

export function trigramKeyOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97; // a–z
  if (c >= 48 && c <= 57) return 26 + c - 48; // 0–9
  return 36;
}

export function sortedIntersect(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(Math.min(a.length, b.length));
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === y) {
      out[k++] = x;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out.subarray(0, k);
}
