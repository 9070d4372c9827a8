/** X年上半年 / X年下半年 (前/底前/内) → 06-30 / 12-31. */
import { iso, yearOf } from '../calendar.js';
import { Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearHalf: DeadlineParser = {
  name: 'deadline/year-half',
  pattern: new RegExp(`${Y}(上|下)半年(?:前|底前|内|之前|末)?`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1], ctx);
    if (y === null) return null;
    return { date: m[2] === '上' ? iso(y, 6, 30) : iso(y, 12, 31), recurring: null, precision: 'half' };
  },
};
