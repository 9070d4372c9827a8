/** 每年M月底前 / 每年M月 → yearly, month end. */
import { parseNumber } from '../../numerals.js';
import { firstAfter, validMonth } from '../calendar.js';
import { BEFORE, M } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearlyMonth: DeadlineParser = {
  name: 'deadline/yearly-month',
  pattern: new RegExp(`每年${M}(?:份)?${BEFORE}`, 'g'),
  extract(m, ctx) {
    const mo = parseNumber(m[1]);
    if (!validMonth(mo)) return null;
    return { date: firstAfter(mo, 'last', ctx), recurring: 'yearly', precision: 'month' };
  },
};
