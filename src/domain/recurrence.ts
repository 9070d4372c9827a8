/**
 * Recurring deadlines: the kinds, their period, the occurrences and the next one, and the matching
 * iCalendar RRULE. Every occurrence is computed from the first date (never step by step), under the
 * month-end rule of dates.ts: a deadline on the last day of a month recurs on the last day of the month.
 */
import type { Deadline, Recurrence } from '../types.js';
import { addDays, addMonths, isMonthEnd } from './dates.js';

export type RecurrenceKind = Exclude<Recurrence, null>;

/** What recurrence needs of a deadline (a whole Deadline will do). */
export type Dated = Pick<Deadline, 'date' | 'recurring'> & Partial<Deadline>;

/** Months between two occurrences (0 for the kinds counted in days). */
export const RECURRENCE_MONTHS: Readonly<Record<RecurrenceKind, number>> = { monthly: 1, quarterly: 3, 'twice-yearly': 6, yearly: 12, weekly: 0, daily: 0 };
/** Days between two occurrences of the kinds shorter than a month. */
const RECURRENCE_DAYS: Readonly<Partial<Record<RecurrenceKind, number>>> = { weekly: 7, daily: 1 };
export const RECURRENCES = Object.keys(RECURRENCE_MONTHS) as RecurrenceKind[];

/** The i-th occurrence (0 = the first) of a deadline first due on `first`. */
export function occurrence(first: string, kind: RecurrenceKind, i: number): string {
  const days = RECURRENCE_DAYS[kind];
  return days ? addDays(first, i * days) : addMonths(first, i * RECURRENCE_MONTHS[kind]);
}

/** Occurrence dates of a deadline up to `until` (inclusive): one for a one-off; for a recurring one every occurrence up to `until`, and at least the first. */
export function occurrences(d: Dated, until: string): string[] {
  if (!d.date) return [];
  if (!d.recurring) return [d.date];
  const out: string[] = [d.date];
  for (let i = 1; i < 2400; i++) {
    const x = occurrence(d.date, d.recurring, i);
    if (x > until) break;
    out.push(x);
  }
  return out;
}

/** For a recurring deadline: the first occurrence on or after `asOf`; otherwise the deadline's date (null when undated). */
export function nextOccurrence(d: Dated, asOf: string): string | null {
  if (!d.date) return null;
  if (!d.recurring || d.date >= asOf) return d.date;
  const days = RECURRENCE_DAYS[d.recurring];
  if (days) return occurrence(d.date, d.recurring, Math.ceil((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${d.date}T00:00:00Z`)) / 86400000 / days));
  const step = RECURRENCE_MONTHS[d.recurring];
  // Jump close to asOf, then step (each occurrence computed from the first date).
  const months = (Number(asOf.slice(0, 4)) - Number(d.date.slice(0, 4))) * 12 + Number(asOf.slice(5, 7)) - Number(d.date.slice(5, 7));
  let i = Math.max(0, Math.floor(months / step) - 1);
  let x = occurrence(d.date, d.recurring, i);
  while (x < asOf) x = occurrence(d.date, d.recurring, ++i);
  return x;
}

/**
 * The iCalendar RRULE (RFC 5545) that repeats a deadline as nextOccurrence does: FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY,
 * FREQ=MONTHLY;INTERVAL=3, FREQ=MONTHLY;INTERVAL=6, FREQ=YEARLY; a month-end date adds BYMONTHDAY=-1
 * (the last day of each month); null for a one-off. A 29th or 30th that is not a month end repeats on that
 * day, which calendars skip in shorter months: `icsExtraDates` gives those clamped occurrences as RDATEs.
 */
export function rrule(d: Dated): string | null {
  if (!d.date || !d.recurring) return null;
  if (d.recurring === 'weekly') return 'FREQ=WEEKLY';
  if (d.recurring === 'daily') return 'FREQ=DAILY';
  const step = RECURRENCE_MONTHS[d.recurring];
  const base = step === 12 ? 'FREQ=YEARLY' : step === 1 ? 'FREQ=MONTHLY' : `FREQ=MONTHLY;INTERVAL=${step}`;
  const month = Number(d.date.slice(5, 7));
  if (step === 12) {
    // Only February's end moves from year to year (28 / 29).
    return month === 2 && isMonthEnd(d.date) ? `${base};BYMONTH=2;BYMONTHDAY=-1` : base;
  }
  return isMonthEnd(d.date) ? `${base};BYMONTHDAY=-1` : base;
}

/** Occurrences within `years` of the first that an RRULE on the same day skips (a 30th in February): clamped to the month's end instead. */
export function icsExtraDates(d: Dated, years = 20): string[] {
  if (!d.date || !d.recurring || RECURRENCE_DAYS[d.recurring] || isMonthEnd(d.date) || Number(d.date.slice(8, 10)) <= 28) return [];
  const day = d.date.slice(8, 10);
  return occurrences(d, addMonths(d.date, 12 * years)).filter((x) => x.slice(8, 10) !== day);
}
