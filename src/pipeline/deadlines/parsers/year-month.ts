/** X年M月底前 / X年M月前 / X年M月底 / X年M月 (not followed by a day) → the month's last day. */
import { parseNumber } from '../../numerals.js';
import { iso, lastDay, validMonth, yearOf } from '../calendar.js';
import { BEFORE, M, Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearMonth: DeadlineParser = {
  name: 'deadline/year-month',
  pattern: new RegExp(`${Y}${M}(份)?${BEFORE}(?![\\d一二三四五六七八九十]*[日号])`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1], ctx);
    const mo = parseNumber(m[2]);
    if (y === null || !validMonth(mo)) return null;
    return { date: iso(y, mo, lastDay(y, mo)), recurring: null, precision: 'month' };
  },
};
