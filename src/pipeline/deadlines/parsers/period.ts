/**
 * A period: X年M月—N月, X年M月至Y年N月, X年M月D日—M月D日, M月至N月, 6月底至9月底 → the period's end (a
 * stage of work is due when its period ends; its start is no deadline). The end takes the start's year
 * unless it names its own (次年 / a number), and the next year when its month comes before the start's.
 * 每年5月至9月 recurs yearly. A ten-day part (上旬/中旬/下旬) ends on the 10th, the 20th or the month's last day.
 */
import { parseNumber } from '../../numerals.js';
import { firstAfter, iso, lastDay, validMonth, yearOf, yearOfMonth } from '../calendar.js';
import { D, M, NO_YEAR_BEFORE, Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

const PART = '(?:份)?(初|上旬|中旬|下旬|底|末)?';
const SEP = '\\s*(?:—{1,2}|–|－|-|~|～|至|到)\\s*';

/** The last day of a ten-day part of a month (or of the month). */
export function partEnd(y: number, mo: number, part: string | undefined): number {
  return part === '上旬' ? 10 : part === '中旬' ? 20 : lastDay(y, mo);
}

export const period: DeadlineParser = {
  name: 'deadline/period',
  pattern: new RegExp(`(?:(每年)|${NO_YEAR_BEFORE}(?:${Y})?)${M}(?:${D})?${PART}${SEP}(?:${Y})?(?:${M})?(?:${D})?${PART}(?:之前|以前|前)?`, 'g'),
  extract(m, ctx) {
    const [, yearly, y1, m1, d1, , y2, m2, d2, p2] = m;
    const mo1 = parseNumber(m1);
    if (!validMonth(mo1)) return null;
    // The end names a month or a day (a bare 2024年 after 至 is a span of years, no period of months).
    if (!m2 && !d2) return null;
    const mo2 = m2 ? parseNumber(m2) : mo1;
    if (!validMonth(mo2)) return null;
    const dayOf = (x: string | undefined) => (x ? parseNumber(x) : null);
    const day = dayOf(d2);
    // a day, or a ten-day part, dates it to the day; 底/末 or nothing to the month
    const precision = day !== null || p2 === '上旬' || p2 === '中旬' || p2 === '下旬' ? 'day' : 'month';
    if (yearly) {
      // 每年5月至9月: every year, due when the period ends.
      return { date: firstAfter(mo2, day ?? (p2 === '上旬' ? 10 : p2 === '中旬' ? 20 : 'last'), ctx), recurring: 'yearly', precision };
    }
    const start = yearOfMonth(y1, mo1, ctx);
    let end: number | null;
    if (y2) end = yearOf(y2, ctx);
    else if (start === null) end = null;
    else end = mo2 < mo1 || (mo2 === mo1 && (day ?? 99) < (dayOf(d1) ?? 0)) ? start + 1 : start;
    if (end === null) return { date: null, recurring: null, precision };
    if (start !== null && end < start) return null;
    if (day !== null && (day < 1 || day > lastDay(end, mo2))) return null;
    return { date: iso(end, mo2, day ?? partEnd(end, mo2, p2)), recurring: null, precision };
  },
};
