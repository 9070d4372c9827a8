/** Calendar facts the deadline parsers share: month ends, ISO strings, years from context. */
import { parseNumber } from '../numerals.js';
import type { DeadlineContext } from './types.js';

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
export function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
export function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}
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
