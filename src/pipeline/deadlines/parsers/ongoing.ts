/**
 * An ongoing time requirement standing as its own clause: …，长期坚持。 / （市林业局负责，持续推进） / a 时限 cell
 * 常态化推进 → no date (no limit: the work never ends), raw kept so a ledger shows it in its 时限 column. Not one of
 * the parsers that make a sentence a task: it only marks a task found otherwise (a verb phrase such as 持续推进政务公开
 * is work, not a time).
 */
import type { DeadlineParser } from '../types.js';

export const ongoing: DeadlineParser = {
  name: 'deadline/ongoing',
  pattern: /(?<=^|[，,；;（(）)：:、\s并和]|工作)(?:长期坚持|长期推进|长期执行|持续推进|持续开展|常态化推进|常态化开展|常态化|立行立改|长期|持续)(?=[。；;，,、）)\s并和]|$)/g,
  extract: () => ({ date: null, recurring: null, precision: 'day' }),
};
