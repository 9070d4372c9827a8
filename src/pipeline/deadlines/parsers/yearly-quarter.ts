/** 每年第四季度 / 每年一季度末前 → yearly, the quarter's last day (first occurrence after the plan's anchor). */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

const Q: Record<string, number> = { 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 };

export const yearlyQuarter: DeadlineParser = {
  name: 'deadline/yearly-quarter',
  pattern: /每年(?:的)?第?([一二三四1-4])季度(?:末|底)?(?:之前|以前|前)?/g,
  extract: (m, ctx) => ({ date: firstAfter(Q[m[1]], 'last', ctx), recurring: 'yearly', precision: 'month' }),
};
