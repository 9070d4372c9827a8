/**
 * 每季度 / 每个季度 / 每季度末 / 每季度最后一个月30日前 / 按季度 → quarterly. No date is given (the day
 * of each quarter is in the raw text).
 */
import type { DeadlineParser } from '../types.js';

export const quarterly: DeadlineParser = {
  name: 'deadline/quarterly',
  pattern: /(?:每个?|按)季度?(?:(?:第一|最后一|首|末)个?月)?(?:末|底)?(?:(?:\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号])?(?:之前|以前|前)?/g,
  extract: (m) => (/季/.test(m[0]) ? { date: null, recurring: 'quarterly', precision: 'month' } : null),
};
