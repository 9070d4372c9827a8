/** Year-less M月D日前 / 11月5日下班前 (year from the plan); no year known → date null, raw kept. */
import { parseNumber } from '../../numerals.js';
import { firstAfter, validDay, validMonth } from '../calendar.js';
import { D, M, NO_YEAR_BEFORE, TIME_OF_DAY } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearlessMonthDay: DeadlineParser = {
  name: 'deadline/yearless-month-day',
  pattern: new RegExp(`${NO_YEAR_BEFORE}${M}${D}${TIME_OF_DAY}(?:之前|以前|前)`, 'g'),
  extract(m, ctx) {
    const mo = parseNumber(m[1]);
    const d = parseNumber(m[2]);
    if (!validMonth(mo) || !validDay(d)) return null;
    return { date: firstAfter(mo, d, ctx), recurring: null, precision: 'day' };
  },
};
