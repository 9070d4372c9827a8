/** X年M月上旬/中旬/下旬(前) and year-less M月中旬前 → the 10th, the 20th, the month's last day. */
import { parseNumber } from '../../numerals.js';
import { iso, validMonth, yearOfMonth } from '../calendar.js';
import { M, NO_YEAR_BEFORE, Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';
import { partEnd } from './period.js';

export const tenDay: DeadlineParser = {
  name: 'deadline/ten-day',
  pattern: new RegExp(`${NO_YEAR_BEFORE}(?:${Y})?${M}(上旬|中旬|下旬)(?:之前|以前|前|末)?`, 'g'),
  extract(m, ctx) {
    const mo = parseNumber(m[2]);
    if (!validMonth(mo)) return null;
    const y = yearOfMonth(m[1], mo, ctx);
    if (y === null) return { date: null, recurring: null, precision: 'day' };
    return { date: iso(y, mo, partEnd(y, mo, m[3])), recurring: null, precision: 'day' };
  },
};
