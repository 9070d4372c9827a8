/** Year-less 上半年 / 下半年 (前/底前; 上半年完成…) as a limit; no year known → date null. Not 上半年度. */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

export const yearlessHalf: DeadlineParser = {
  name: 'deadline/yearless-half',
  pattern: /(?<![\d〇零一二三四五六七八九年每今明次当本])(上|下)半年(?:前|底前|之前|内|末)?(?!度)/g,
  extract: (m, ctx) => ({ date: firstAfter(m[1] === '上' ? 6 : 12, 'last', ctx), recurring: null, precision: 'half' }),
};
