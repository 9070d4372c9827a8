/** Year-less 年底前 / 年底 / 年内 / 年末前 (the plan's own year); no year known → date null, raw kept. */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

export const yearlessYearEnd: DeadlineParser = {
  name: 'deadline/yearless-year-end',
  pattern: /(?<![\d〇零一二三四五六七八九每今明次当本年])年(?:底|末)(?:前|之前)|(?<![\d〇零一二三四五六七八九每今明次当本])年内/g,
  extract: (_m, ctx) => ({ date: firstAfter(12, 'last', ctx), recurring: null, precision: 'year' }),
};
