/** X年M月D日前 → that day. A bare date (a signature, a meeting) has no 前 and is not a deadline. */
import { parseNumber } from '../../numerals.js';
import { iso, lastDay, validMonth, yearOf } from '../calendar.js';
import { D, M, TIME_OF_DAY, Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearMonthDay: DeadlineParser = {
  name: 'deadline/year-month-day',
  pattern: new RegExp(`${Y}${M}${D}${TIME_OF_DAY}(?:之前|以前|前|内)`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1], ctx);
    const mo = parseNumber(m[2]);
    const d = parseNumber(m[3]);
    if (y === null || !validMonth(mo) || d === null || d < 1 || d > lastDay(y, mo)) return null;
    return { date: iso(y, mo, d), recurring: null, precision: 'day' };
  },
};
