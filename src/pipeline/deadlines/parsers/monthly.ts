/** 每月 / 每个月 / 每月25日前 / 每月月底前 / 每月上旬 / 按月 → monthly. No date (the day is in the raw text). */
import type { DeadlineParser } from '../types.js';

export const monthly: DeadlineParser = {
  name: 'deadline/monthly',
  pattern: /(?:每个?月|按月)(?:(?:月)?(?:底|末|上旬|中旬|下旬)|(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?(?:之前|以前|前)?/g,
  extract: () => ({ date: null, recurring: 'monthly', precision: 'day' }),
};
