/**
 * ISO calendar days (YYYY-MM-DD) given by the user: --due, --as-of, --after, --before, the due date typed in
 * 我的清单. One validator, so 2018-02-30 or 2019-02-29 is refused everywhere (JavaScript's Date.parse
 * accepts both and rolls them over into March, and an ICS file would carry DTSTART 20180230).
 */
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in a month of the (proleptic) Gregorian calendar; month 1–12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why `s` is not a real day, in plain words; null when it is one. */
export function isoDayProblem(s: string): string | null {
  const m = SHAPE.exec(s);
  if (!m) return `"${s}" is not a date like 2018-06-30 (YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${s} is not a real date: there is no month ${m[2]}`;
  const n = daysInMonth(y, mo);
  if (d < 1 || d > n) return `${s} is not a real date: ${y}-${m[2]} has ${n} days`;
  return null;
}

export function isRealIsoDay(s: unknown): s is string {
  return typeof s === 'string' && isoDayProblem(s) === null;
}
