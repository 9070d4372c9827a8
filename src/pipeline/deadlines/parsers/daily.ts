/** 每日 / 每天 / 按日 / 逐日 → daily, no date. Not 每日均 figures (日均 is an average) nor 工作日. */
import type { DeadlineParser } from '../types.js';

export const daily: DeadlineParser = {
  name: 'deadline/daily',
  pattern: /(?:每(?:日|天)|按日|逐日)(?!均)/g,
  extract: () => ({ date: null, recurring: 'daily', precision: 'day' }),
};
