/** 每年上半年 / 每年下半年 → yearly, the half's last day. */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

export const yearlyHalf: DeadlineParser = {
  name: 'deadline/yearly-half',
  pattern: /每年(上|下)半年/g,
  extract: (m, ctx) => ({ date: firstAfter(m[1] === '上' ? 6 : 12, 'last', ctx), recurring: 'yearly', precision: 'half' }),
};
