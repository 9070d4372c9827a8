/** 每周 / 每个星期 / 按周 (每周五前 keeps its day in the raw text) → weekly, no date. */
import type { DeadlineParser } from '../types.js';

export const weekly: DeadlineParser = {
  name: 'deadline/weekly',
  pattern: /(?:每个?(?:周|星期|礼拜)|按周)(?:[一二三四五六日天])?(?:之前|以前|前)?/g,
  extract: () => ({ date: null, recurring: 'weekly', precision: 'day' }),
};
