/** Deadline labels: one wording for recurrence, the short label of a row, and the one-line CLI form. */
import type { Deadline, Precision } from '../types.js';
import { stripControl } from '../util/text.js';
import { isMonthEnd } from './dates.js';
import type { RecurrenceKind } from './recurrence.js';

export const RECURRENCE_LABEL: Readonly<Record<RecurrenceKind, string>> = { yearly: '每年', 'twice-yearly': '每半年', quarterly: '每季度', monthly: '每月', weekly: '每周', daily: '每日' };

export const PRECISION_LABEL: Readonly<Record<Precision, string>> = { day: '日', month: '月', half: '半年', year: '年' };

/** The deadline that matters first: the earliest dated one, else the first one written (null when none). */
export function firstDeadline(deadlines: readonly Deadline[]): Deadline | null {
  let best: Deadline | null = null;
  for (const d of deadlines) if (d.date && (!best || !best.date || d.date < best.date)) best = d;
  return best ?? deadlines[0] ?? null;
}

/** A deadline's date as precise as it was written: 2017-12-31, 2017-12 or 2017; recurring ones as 每年12-31, 每季度03-31 … */
export function dateLabel(d: Deadline): string | null {
  if (!d.date) return null;
  if (d.recurring) {
    const label = RECURRENCE_LABEL[d.recurring];
    if (d.recurring === 'monthly') return `${label}${d.date.slice(8)}日`;
    // the end of February recurs on the 28th or the 29th: 每年02月底, not 每年02-29
    if (d.date.slice(5, 7) === '02' && isMonthEnd(d.date)) return `${label}02月底`;
    return `${label}${d.date.slice(5)}`;
  }
  return d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'day' ? d.date : d.date.slice(0, 7);
}

/** The short label of a task's deadlines in a row: "2017-12", "每年12-31", "每半年06-30", the raw text when undated, or "—". */
export function deadlineLabel(deadlines: readonly Deadline[]): string {
  const d = firstDeadline(deadlines);
  if (!d) return '—';
  return dateLabel(d) ?? (oneLine(d.raw) || '—');
}

/** deadlineShort and how the task's deadlines recur, for a line of the CLI: "2023-12-20（每月、每年）", "每月5日前（每月）". */
export function deadlineBrief(deadlines: readonly Deadline[]): string {
  const short = deadlineShort(deadlines);
  const rec = [...new Set(deadlines.map((d) => d.recurring).filter((r): r is NonNullable<Deadline['recurring']> => !!r))].map((r) => RECURRENCE_LABEL[r]);
  return short && rec.length ? `${short}（${rec.join('、')}）` : short;
}

const oneLine = (s: string) => stripControl(s.replace(/[\r\n\t]+/g, ' ')).trim();

/** One deadline inline in a view: "每半年 → 2017-06-30（每半年）", "2017年底前 → 2017-12-31". */
export function deadlineInline(d: Deadline): string {
  return `${oneLine(d.raw)}${d.date ? ` → ${d.date}` : ''}${d.recurring ? `（${RECURRENCE_LABEL[d.recurring]}）` : ''}`;
}

/** One deadline in full for the CLI: "2017年12月底前 → 2017-12-31 (每年) [month]". */
export function deadlineLine(d: Deadline): string {
  const rec = d.recurring ? RECURRENCE_LABEL[d.recurring] : '';
  return `${stripControl(d.raw)} → ${d.date ?? '—'}${rec ? ` (${rec})` : ''} [${d.precision}]`;
}

/** Shortest summary for tables: the earliest ISO date, else the first raw text, else "". */
export function deadlineShort(deadlines: readonly Deadline[]): string {
  const dated = deadlines.map((d) => d.date).filter((d): d is string => !!d).sort();
  if (dated.length) return dated[0];
  if (deadlines.length) return stripControl(deadlines[0].raw);
  return '';
}

/** Every raw deadline once, joined with ；(the ledger's 时限 column). */
export function deadlineRaws(deadlines: readonly Deadline[]): string {
  return [...new Set(deadlines.map((d) => stripControl(d.raw).trim()))].join('；');
}
