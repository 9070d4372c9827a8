/**
 * X年底前 / X年年底前 / X年末 / X年底 (到X年底) / X年内 → 12-31. A bare target year (到2025年，基本建成…;
 * 2019年建成…) states a goal's horizon, not a limit, and is not matched.
 */
import { iso, yearOf } from '../calendar.js';
import { Y } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearEnd: DeadlineParser = {
  name: 'deadline/year-end',
  pattern: new RegExp(`${Y}(?:年)?(?:底|末|内)(?:前|之前)?`, 'g'),
  extract(m, ctx) {
    const y = yearOf(m[1], ctx);
    if (y === null) return null;
    return { date: iso(y, 12, 31), recurring: null, precision: 'year' };
  },
};
