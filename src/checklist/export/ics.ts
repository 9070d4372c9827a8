/**
 * iCalendar (RFC 5545) export of my deadlines, for Outlook / Apple / Google calendars: CRLF line ends,
 * lines folded at 75 octets (never inside a UTF-8 sequence), TEXT escaping, DTSTAMP and stable UIDs.
 * Recurring deadlines repeat with the RRULE of domain/recurrence.ts (the same occurrences as the views). My own due date is
 * an event of its own. Items marked 不适用 are left out.
 */
import { stripControl } from '../../util/text.js';
import { STATUS_LABEL, type MineItem } from '../model.js';
import { compactDate, nextDay } from '../../domain/dates.js';
import { icsExtraDates, rrule } from '../../domain/recurrence.js';
import { deadlineText, leadUnits, supportUnits, type ExportInput } from './common.js';

export function icsEscape(s: string): string {
  return stripControl(s.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds one content line to at most 75 octets per physical line (continuations start with a space). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let curBytes = 0;
  let limit = 75;
  for (const ch of line) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (curBytes + b > limit) {
      out.push(cur);
      cur = ' ';
      curBytes = 1;
      limit = 75;
    }
    cur += ch;
    curBytes += b;
  }
  out.push(cur);
  return out.join('\r\n');
}

const ymd = compactDate;
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function shortTitle(it: MineItem): string {
  const t = stripControl(it.text).replace(/\s+/g, '');
  return t.length > 40 ? t.slice(0, 40) + '…' : t;
}

function describe(it: MineItem, planTitle: string | null): string {
  return [
    it.text,
    '',
    planTitle ? `方案：${planTitle}` : it.planTag ? `方案：${it.planTag}` : '',
    leadUnits(it) ? `牵头单位：${leadUnits(it)}` : '',
    supportUnits(it) ? `配合单位：${supportUnits(it)}` : '',
    deadlineText(it) ? `时限：${deadlineText(it)}` : '',
    `状态：${STATUS_LABEL[it.status]}`,
    it.note ? `备注：${it.note}` : '',
    it.orphan ? '注意：原任务在重新索引后已变更（孤立条目）' : '',
    `任务编号：${it.taskId}`,
  ]
    .filter((x, i) => x || i === 1)
    .join('\n');
}

export function toIcs(input: ExportInput, opts: { calendarName?: string; domain?: string } = {}): string {
  const domain = opts.domain ?? 'plans.local';
  const dtstamp = stamp(input.generatedAt);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//plans//我的清单//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsEscape(opts.calendarName ?? '我的清单')}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  const event = (uid: string, date: string, summary: string, description: string, rrule: string | null, done: boolean, rdates: string[] = []) => {
    lines.push('BEGIN:VEVENT');
    lines.push(`UID:${uid}@${domain}`);
    lines.push(`DTSTAMP:${dtstamp}`);
    lines.push(`DTSTART;VALUE=DATE:${ymd(date)}`);
    lines.push(`DTEND;VALUE=DATE:${ymd(nextDay(date))}`);
    if (rrule) lines.push(`RRULE:${rrule}`);
    if (rdates.length) lines.push(`RDATE;VALUE=DATE:${rdates.map(ymd).join(',')}`);
    lines.push(`SUMMARY:${icsEscape(summary)}`);
    lines.push(`DESCRIPTION:${icsEscape(description)}`);
    lines.push('CATEGORIES:我的清单');
    lines.push('TRANSP:TRANSPARENT');
    if (done) lines.push('X-PLANS-STATUS:DONE');
    lines.push('END:VEVENT');
  };
  for (const it of input.items) {
    if (it.status === 'na') continue;
    const planTitle = input.planTitle(it.planId);
    const prefix = `${it.status === 'done' ? '【已完成】' : ''}${it.planTag ? `[${it.planTag}] ` : ''}`;
    const desc = describe(it, planTitle);
    const uidBase = it.taskId.replace(/[^A-Za-z0-9._-]/g, '_');
    const seen = new Set<string>();
    it.deadlines.forEach((d, i) => {
      if (!d.date) return;
      const key = `${d.date}|${d.recurring}`;
      if (seen.has(key)) return;
      seen.add(key);
      event(`${uidBase}-d${i}`, d.date, `${prefix}${shortTitle(it)}（${stripControl(d.raw)}）`, desc, rrule(d), it.status === 'done', icsExtraDates(d));
    });
    if (it.due) event(`${uidBase}-mine`, it.due, `${prefix}我的期限：${shortTitle(it)}`, desc, null, it.status === 'done');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
