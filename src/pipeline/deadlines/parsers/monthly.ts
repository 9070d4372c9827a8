/**
 * 每月 / 每个月 / 每月25日前 / 每月月底前 / 每月初 / 每月上旬 / 每月最后一个工作日前 / 按月 / 逐月 → monthly;
 * and the report of each month's work due in the next one: 次月5日前 / 每月结束后5个工作日内. No date (the day is
 * in the raw text).
 */
import type { DeadlineParser } from '../types.js';

const N = '(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const DAY = `(?:${N}[日号]|最后一[个天](?:工作日)?)`;
const WITHIN = `(?:结束后|后)${N}个?(?:工作)?日内`;

export const monthly: DeadlineParser = {
  name: 'deadline/monthly',
  pattern: new RegExp(`(?:(?:每个?月|按月|逐月)(?:(?:月)?(?:初|底|末|上旬|中旬|下旬)|${DAY}|${WITHIN})?|次月${DAY})(?:之前|以前|前)?`, 'g'),
  extract: () => ({ date: null, recurring: 'monthly', precision: 'day' }),
};
