/** Chinese numerals in dates: 二〇一八 (digit by digit), 十二, 二十五, 三十一. */
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, О: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

export const CN_DIGITS = '〇零О一二三四五六七八九';

export function parseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s) return null;
  if (s.includes('十')) {
    const [a, b] = s.split('十');
    const tens = a === '' ? 1 : DIGIT[a];
    const ones = b === '' ? 0 : DIGIT[b];
    if (tens === undefined || ones === undefined) return null;
    return tens * 10 + ones;
  }
  let n = 0;
  for (const ch of s) {
    const d = DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}
