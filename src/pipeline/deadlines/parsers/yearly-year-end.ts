/** 每年底前 / 每年年底前 / 每年年末 → yearly, 12-31. */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

export const yearlyYearEnd: DeadlineParser = {
  name: 'deadline/yearly-year-end',
  pattern: /每年(?:年)?(?:底|末)(?:前|之前)?/g,
  extract: (_m, ctx) => ({ date: firstAfter(12, 'last', ctx), recurring: 'yearly', precision: 'year' }),
};
