/** Year-less 年底前 / 年底 / 年内 / 年末前, and 全年 before the action (全年开展…: within the year) — the plan's own year;
 * no year known → date null, raw kept. */
import { firstAfter } from '../calendar.js';
import type { DeadlineParser } from '../types.js';

export const yearlessYearEnd: DeadlineParser = {
  name: 'deadline/yearless-year-end',
  pattern: /(?<![\d〇零一二三四五六七八九每今明次当本年])年(?:底|末)(?:前|之前)|(?<![\d〇零一二三四五六七八九每今明次当本])年内|(?<![\d〇零一二三四五六七八九每今明次当本年])全年(?=开展|组织|举办|完成|实施|推进)(?!完成率)/g,
  extract: (_m, ctx) => ({ date: firstAfter(12, 'last', ctx), recurring: null, precision: 'year' }),
};
