/** Posting lists (sorted doc ids as Int32Array): the empty list, and the letter-trigram keys of the pinyin index. */

export const EMPTY = new Int32Array(0);

export function trigramKeyOf(c: number): number {
  if (c >= 97 && c <= 122) return c - 97; // a–z
  if (c >= 48 && c <= 57) return 26 + c - 48; // 0–9
  return 36;
}
