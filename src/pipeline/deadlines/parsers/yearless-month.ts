/** Year-less M月底前 / M月底 / M月前, and M月(份) with the action right after it (6月份组织开展…: done within the
 * month) — the year from the plan; no year known → date null, raw kept. */
import { parseNumber } from '../../numerals.js';
import { firstAfter, validMonth } from '../calendar.js';
import { ACTION_AFTER, M, NO_YEAR_BEFORE } from '../patterns.js';
import type { DeadlineParser } from '../types.js';

export const yearlessMonth: DeadlineParser = {
  name: 'deadline/yearless-month',
  pattern: new RegExp(`${NO_YEAR_BEFORE}(?<![至到~—-])${M}(?:份)?(?:(?:底前|末前|之前|以前|底|前)(?![\\d一二三四五六七八九十]*[日号])|${ACTION_AFTER}(?!完成率|实现率|达到))`, 'g'),
  extract(m, ctx) {
    const mo = parseNumber(m[1]);
    if (!validMonth(mo)) return null;
    return { date: firstAfter(mo, 'last', ctx), recurring: null, precision: 'month' };
  },
};
