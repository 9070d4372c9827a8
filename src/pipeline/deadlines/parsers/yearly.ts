/** 每年 alone (每年开展评估), 每学年 → yearly, no day. */
import type { DeadlineParser } from '../types.js';

export const yearly: DeadlineParser = {
  name: 'deadline/yearly',
  pattern: /每年(?![\d一二三四五六七八九十上下底末年])|每(?:个)?学年/g,
  extract: () => ({ date: null, recurring: 'yearly', precision: 'year' }),
};
