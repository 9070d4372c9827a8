/**
 * Deadline extraction: every parser of the configuration runs over the (folded) text, then the
 * refiners (overlap removal, not-a-deadline) clean the results; each deadline records its parser as
 * `rule`. The default order lists specific forms before general ones (ties in overlap go to the first).
 */
import type { Precision, Recurrence } from '../../types.js';
import { daily } from './parsers/daily.js';
import { dateList } from './parsers/date-list.js';
import { afterIssue } from './parsers/after-issue.js';
import { event } from './parsers/event.js';
import { monthly } from './parsers/monthly.js';
import { ongoing } from './parsers/ongoing.js';
import { fromYear } from './parsers/from-year.js';
import { period } from './parsers/period.js';
import { quarterly } from './parsers/quarterly.js';
import { tenDay } from './parsers/ten-day.js';
import { twiceYearly } from './parsers/twice-yearly.js';
import { weekly } from './parsers/weekly.js';
import { yearEnd } from './parsers/year-end.js';
import { yearHalf } from './parsers/year-half.js';
import { yearMonthDay } from './parsers/year-month-day.js';
import { yearMonth } from './parsers/year-month.js';
import { yearQuarter } from './parsers/year-quarter.js';
import { yearlessHalf } from './parsers/yearless-half.js';
import { yearlessMonthDay } from './parsers/yearless-month-day.js';
import { yearlessMonth } from './parsers/yearless-month.js';
import { yearlessQuarter } from './parsers/yearless-quarter.js';
import { yearlessYearEnd } from './parsers/yearless-year-end.js';
import { yearly } from './parsers/yearly.js';
import { yearlyHalf } from './parsers/yearly-half.js';
import { yearlyQuarter } from './parsers/yearly-quarter.js';
import { yearlyMonthDay } from './parsers/yearly-month-day.js';
import { yearlyMonth } from './parsers/yearly-month.js';
import { yearlyYearEnd } from './parsers/yearly-year-end.js';
import { notADeadline } from './refiners/not-a-deadline.js';
import { overlapRemoval } from './refiners/overlap.js';
import type { DeadlineContext, DeadlineParser, DeadlineRefiner, FoundDeadline } from './types.js';

export type { DeadlineContext, DeadlineParser, DeadlineRefiner, FoundDeadline } from './types.js';

export const DEADLINE_PARSERS: DeadlineParser[] = [
  twiceYearly,
  yearlyMonthDay,
  yearlyMonth,
  yearlyYearEnd,
  yearlyHalf,
  yearlyQuarter,
  quarterly,
  monthly,
  weekly,
  daily,
  period,
  dateList,
  tenDay,
  yearMonthDay,
  yearHalf,
  yearMonth,
  yearEnd,
  yearQuarter,
  yearlessYearEnd,
  yearlessHalf,
  yearlessQuarter,
  yearlessMonthDay,
  yearlessMonth,
  yearly,
  event,
  afterIssue,
];

export const DEADLINE_REFINERS: DeadlineRefiner[] = [overlapRemoval, notADeadline];

/** The ongoing marks of a task's text (长期坚持, 持续推进 as a clause; a start, 2026年起): shown as its time requirement, never
 * what makes it a task. */
export const ONGOING_RULES: DeadlineRules = { parsers: [ongoing, fromYear], refiners: [] };

export interface DeadlineRules {
  parsers: DeadlineParser[];
  refiners: DeadlineRefiner[];
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = { parsers: DEADLINE_PARSERS, refiners: DEADLINE_REFINERS };

export function findDeadlines(text: string, ctx: DeadlineContext, rules: DeadlineRules = DEFAULT_DEADLINE_RULES): FoundDeadline[] {
  let found: FoundDeadline[] = [];
  // Quick reject: every form of the default parsers contains 年, 月, 季, 周, 日, 天, 前 or 学期.
  if (rules.parsers === DEADLINE_PARSERS && !/[年月季周日天前]|学期|星期|礼拜/.test(text)) return found;
  for (const p of rules.parsers) {
    p.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.pattern.exec(text))) {
      if (m[0].length === 0) {
        p.pattern.lastIndex++;
        continue;
      }
      const r = p.extract(m, ctx);
      if (!r) continue;
      for (const d of Array.isArray(r) ? r : [r]) {
        const start = d.start ?? m.index;
        const end = d.end ?? m.index + m[0].length;
        found.push({ raw: text.slice(start, end), date: d.date, recurring: d.recurring as Recurrence, precision: d.precision as Precision, rule: p.name, start, end });
      }
    }
  }
  for (const r of rules.refiners) found = r.refine(found, text, ctx);
  return found;
}

/** Does the sentence open with its own deadline ("2017年12月底前，…", "每年1月15日前向…")? */
export function opensWithDeadline(sentence: string, ctx: DeadlineContext, rules: DeadlineRules = DEFAULT_DEADLINE_RULES): boolean {
  const head = sentence.replace(/^[\s，。；、]+/, '').replace(/^(?:力争|争取|确保|要|应|原则上|到|于|在)/, '');
  if (!/^[\d〇零一二三四五六七八九十每今明次当上下年第]/.test(head)) return false;
  const ds = findDeadlines(head.slice(0, 24), ctx, rules);
  if (!(ds.length > 0 && ds[0].start === 0 && ds[0].raw !== '每年')) return false;
  // A time and nothing more (…；二是建立台账。2025年6月底前完成。): it closes the text before it, opens nothing.
  return !BARE_COMPLETION.test(head.slice(ds[0].end));
}

/** What a sentence that only gives the time of the text before it says after its time. */
const BARE_COMPLETION = /^(?:前|底|内|以前)?[，,]?(?:全面|基本|全部|务必)?(?:完成|办结|到位|完成任务|落实到位)?[。；！]?\s*$/;

/** A sentence that gives a time and nothing more (2024年6月底前完成。 / 长期坚持。 / 立行立改，长期坚持。): after an
 * attribution, the time of the text it governs. */
export function isBareTime(sentence: string, ctx: DeadlineContext, rules: DeadlineRules = DEFAULT_DEADLINE_RULES): boolean {
  const head = sentence.trim().replace(/^[\s，。；、]+/, '').replace(/^(?:力争|争取|确保|原则上|于|在)/, '');
  if (!head || head.length > 40) return false;
  const spans = [...findDeadlines(head, ctx, rules), ...findDeadlines(head, ctx, ONGOING_RULES)];
  if (!spans.length) return false;
  let rest = head;
  for (const d of [...spans].sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest.slice(d.end);
  return !rest.replace(/前|底|内|以前|全面|基本|全部|务必|完成任务|完成|办结|到位|落实到位|[，,、；;。！\s]/g, '');
}
