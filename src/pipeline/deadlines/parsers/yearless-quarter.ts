/** Year-less 第一季度末前 / 三季度前 / 第三季度完成… as a limit (year from the plan); no year known → date null. */
import { parseNumber } from '../../numerals.js';
import { firstAfter } from '../calendar.js';
import { ACTION_AFTER } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearlessQuarter: DeadlineParser = {
  name: 'deadline/yearless-quarter',
  pattern: new RegExp(`(?<![年\\d每个按])(?:第)?([一二三四1-4])季度(?:(?:末|底)?(?:前|之前|内)|(?:末|底)?${ACTION_AFTER})`, 'g'),
  extract(m, ctx) {
    const q = parseNumber(m[1]);
    if (q === null || q < 1 || q > 4) return null;
    return { date: firstAfter(q * 3, 'last', ctx), recurring: null, precision: 'month' };
  },
};
