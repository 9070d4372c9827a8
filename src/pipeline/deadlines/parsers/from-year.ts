/**
 * A start rather than a limit: 2026年起，… / 自2025年7月起… / 从2027年开始… — the work begins then and goes on, so
 * no date (it is no deadline to meet), raw kept so a ledger shows it in its 时限 column. Like deadline/ongoing it
 * only marks a task found otherwise.
 */
import type { DeadlineParser } from '../types.js';

export const fromYear: DeadlineParser = {
  name: 'deadline/from-year',
  pattern: /(?<=^|[，,；;。（(：:、\s])(?:自|从)?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?)?(?:起|开始)(?=[，,、]|每|全|各|逐步|实现|建立|实行|推行|执行)/g,
  extract: () => ({ date: null, recurring: null, precision: 'year' }),
};
