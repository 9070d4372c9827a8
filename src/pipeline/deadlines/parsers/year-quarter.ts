/** X年第N季度(末)前 / X年一季度 → the quarter's last day. */
import { parseNumber } from '../../numerals.js';
import { iso, lastDay, yearOf } from '../calendar.js';
import { Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearQuarter: DeadlineParser = {
  name: 'deadline/year-quarter',
  pattern: new RegExp(`${Y}(?:第)?([一二三四1-4])季度(?:末|底)?(?:前|之前|内)?`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1], ctx);
    const q = parseNumber(m[2]);
    if (y === null || q === null || q < 1 || q > 4) return null;
    return { date: iso(y, q * 3, lastDay(y, q * 3)), recurring: null, precision: 'month' };
  },
};
