/** 每年M月D日前 → yearly; the date is the first occurrence after the plan's issue date. */
import { parseNumber } from '../../numerals.js';
import { firstAfter, validDay, validMonth } from '../calendar.js';
import { BEFORE, D, M } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearlyMonthDay: DeadlineParser = {
  name: 'deadline/yearly-month-day',
  pattern: new RegExp(`每年${M}${D}${BEFORE}`, 'g'),
  extract(m, ctx) {
    const mo = parseNumber(m[1]);
    const d = parseNumber(m[2]);
    if (!validMonth(mo) || !validDay(d)) return null;
    return { date: firstAfter(mo, d, ctx), recurring: 'yearly', precision: 'day' };
  },
};
