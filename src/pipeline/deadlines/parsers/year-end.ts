/** X年底前 / X年年底前 / X年末 / X年内 / 到X年底 / 到X年 → 12-31. */
import { iso, yearOf } from '../calendar.js';
import { CN_DIGITS, Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearEnd: DeadlineParser = {
  name: 'deadline/year-end',
  pattern: new RegExp(`${Y}(?:年)?(?:底|末|内)(?:前|之前)?|(?:到|至|于)${Y}(?![${CN_DIGITS}\\d月上下底末内度第])`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1] ?? m[2], ctx);
    if (y === null) return null;
    return { date: iso(y, 12, 31), recurring: null, precision: 'year' };
  },
};
