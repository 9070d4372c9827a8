/**
 * Calendar-date arithmetic on ISO dates (YYYY-MM-DD), all in the proleptic Gregorian calendar with no time
 * zone: a date is a day, not an instant. The month-end rule is decided here once: adding months to the
 * last day of a month gives the last day of the target month (2017-06-30 + 6 months = 2017-12-31); any
 * other day is kept, clamped to the target month's length (2018-01-30 + 1 month = 2018-02-28).
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** True for a real calendar day written YYYY-MM-DD (2018-02-30 and 2018-13-01 are not). */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

/** Days in month `m` (1–12) of year `y`. */
export function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isMonthEnd(iso: string): boolean {
  const [y, m, d] = parts(iso);
  return d === daysInMonth(y, m);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso + 'T00:00:00Z') + days * 86400000).toISOString().slice(0, 10);
}

export function nextDay(iso: string): string {
  return addDays(iso, 1);
}

/** Adds `n` months (may be negative) under the month-end rule above. */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  const dim = daysInMonth(ny, nm);
  return isoOf(ny, nm, d === daysInMonth(y, m) ? dim : Math.min(d, dim));
}

/** YYYY-MM of an ISO date. */
export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

/** Months from `from` to `to` inclusive (YYYY-MM); empty when from > to. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${pad2(m)}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
    if (out.length > 1200) break;
  }
  return out;
}

/** The last day of a YYYY-MM month. */
export function monthEnd(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return isoOf(y, m, daysInMonth(y, m));
}

/** YYYYMMDD (iCalendar DATE values). */
export function compactDate(iso: string): string {
  return iso.replace(/-/g, '');
}

/** Why `s` is not a real day, in plain words (for --due, --as-of, --after, --before, the due input); null when it is one. */
export function isoDayProblem(s: string): string | null {
  const m = ISO_DAY.exec(s);
  if (!m) return `"${s}" is not a date like 2018-06-30 (YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return `${s} is not a real date: there is no month ${m[2]}`;
  const n = daysInMonth(y, mo);
  if (d < 1 || d > n) return `${s} is not a real date: ${y}-${m[2]} has ${n} days`;
  return null;
}
