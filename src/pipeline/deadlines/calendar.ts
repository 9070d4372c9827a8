/**
 * What the deadline parsers add to the domain's calendar (src/domain/dates.ts: month lengths, ISO days):
 * the year a deadline names in the plan's context, and the first date after the plan's anchor.
 */
import { daysInMonth as lastDay, isoOf as iso } from '../../domain/dates.js';
import { parseNumber } from '../numerals.js';
import type { DeadlineContext } from './types.js';

export { lastDay, iso };
export const validMonth = (m: number | null): m is number => m !== null && m >= 1 && m <= 12;
export const validDay = (d: number | null): d is number => d !== null && d >= 1 && d <= 31;

/** The year a deadline names: a number (1949–2100), or 今/明/次/当 relative to the plan's year. */
export function yearOf(tok: string, ctx: DeadlineContext): number | null {
  const base = ctx.issuedOn ? Number(ctx.issuedOn.slice(0, 4)) : ctx.year;
  if (tok === '今' || tok === '当' || tok === '本') return base;
  if (tok === '明' || tok === '次') return base === null ? null : base + 1;
  const n = parseNumber(tok);
  return n !== null && n >= 1949 && n <= 2100 ? n : null;
}

/**
 * The first date after the plan's anchor (issue date, else 1 January of its year) with this month and
 * day: year-less and recurring deadlines. Null when the plan gives no year.
 */
export function firstAfter(m: number, d: number | 'last', ctx: DeadlineContext): string | null {
  const anchor = ctx.issuedOn ?? (ctx.year ? `${ctx.year}-01-01` : null);
  if (!anchor) return null;
  let y = Number(anchor.slice(0, 4));
  for (let i = 0; i < 2; i++, y++) {
    const day = d === 'last' ? lastDay(y, m) : Math.min(d, lastDay(y, m));
    const s = iso(y, m, day);
    if (s > anchor) return s;
  }
  return null;
}

/**
 * The year of a month a deadline names: the year it writes (a number, 今/明/次), else the year of the month's
 * first occurrence after the plan's anchor; null when neither is known.
 */
export function yearOfMonth(tok: string | undefined, month: number, ctx: DeadlineContext): number | null {
  if (tok) return yearOf(tok, ctx);
  const first = firstAfter(month, 'last', ctx);
  return first ? Number(first.slice(0, 4)) : null;
}
