import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icsExtraDates, nextOccurrence, occurrences, RECURRENCES, rrule, type RecurrenceKind } from '../../src/domain/recurrence.js';
import { buildTimeline } from '../../src/query/timeline.js';
import { emptyChecklist, resolveMine } from '../../src/checklist/model.js';
import { toIcs } from '../../src/checklist/export/ics.js';
import type { Deadline, KnowledgeBase, Task } from '../../src/types.js';

const dl = (date: string, recurring: Deadline['recurring']): Deadline => ({ raw: date, date, recurring, precision: 'month' });
const task = (id: string, d: Deadline): Task => ({
  id,
  planId: 'p',
  kind: 'task',
  section: [],
  text: `task ${id}`,
  deadlines: [d],
  units: [{ name: '省审计厅', canonical: '省审计厅', kind: '审计', role: 'lead' }],
  themes: ['t'],
  source: { file: 'p.txt', start: 0, end: 1, line: 1, origin: 'prose', row: null },
  restates: null,
});

/** The first n occurrences an iCalendar client expands from our RRULE. */
function icsExpand(d: Deadline, n: number): string[] {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//t//EN', 'BEGIN:VEVENT', 'UID:x@t', 'DTSTAMP:20180101T000000Z', `DTSTART;VALUE=DATE:${d.date!.replace(/-/g, '')}`];
  const r = rrule(d);
  if (r) lines.push(`RRULE:${r}`);
  const extra = icsExtraDates(d);
  if (extra.length) lines.push(`RDATE;VALUE=DATE:${extra.map((x) => x.replace(/-/g, '')).join(',')}`);
  lines.push('SUMMARY:x', 'END:VEVENT', 'END:VCALENDAR');
  const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(lines.join('\r\n'))).getFirstSubcomponent('vevent')!);
  const it = ev.iterator();
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = it.next();
    if (!x) break;
    out.push(x.toString());
  }
  return out;
}

describe('domain/recurrence', () => {
  it('the four kinds step 1, 3, 6 and 12 months', () => {
    expect(occurrences(dl('2018-01-15', 'monthly'), '2018-04-30')).toEqual(['2018-01-15', '2018-02-15', '2018-03-15', '2018-04-15']);
    expect(occurrences(dl('2018-03-31', 'quarterly'), '2018-12-31')).toEqual(['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31']);
    expect(occurrences(dl('2017-06-30', 'twice-yearly'), '2018-12-31')).toEqual(['2017-06-30', '2017-12-31', '2018-06-30', '2018-12-31']);
    expect(occurrences(dl('2017-12-31', 'yearly'), '2019-12-31')).toEqual(['2017-12-31', '2018-12-31', '2019-12-31']);
    expect(occurrences(dl('2017-12-31', null), '2030-01-01')).toEqual(['2017-12-31']);
  });

  it('every occurrence is counted from the first date: a 30th stays a 30th after February', () => {
    expect(occurrences(dl('2018-01-30', 'monthly'), '2018-04-30')).toEqual(['2018-01-30', '2018-02-28', '2018-03-30', '2018-04-30']);
    expect(nextOccurrence(dl('2018-01-30', 'monthly'), '2018-03-01')).toBe('2018-03-30');
  });

  it('next occurrence on or after the as-of date', () => {
    expect(nextOccurrence(dl('2017-06-30', 'twice-yearly'), '2017-07-01')).toBe('2017-12-31');
    expect(nextOccurrence(dl('2017-06-30', 'twice-yearly'), '2017-12-31')).toBe('2017-12-31');
    expect(nextOccurrence(dl('2017-06-30', 'twice-yearly'), '2017-06-01')).toBe('2017-06-30');
    expect(nextOccurrence(dl('2017-12-31', 'yearly'), '2020-03-01')).toBe('2020-12-31');
    expect(nextOccurrence(dl('2018-03-31', 'quarterly'), '2018-07-01')).toBe('2018-09-30');
    expect(nextOccurrence(dl('2018-01-31', 'monthly'), '2018-02-10')).toBe('2018-02-28');
    expect(nextOccurrence(dl('2018-01-31', 'monthly'), '2030-05-02')).toBe('2030-05-31');
    expect(nextOccurrence(dl('2017-08-31', null), '2018-01-01')).toBe('2017-08-31');
    expect(nextOccurrence({ date: null, recurring: 'yearly' }, '2018-01-01')).toBeNull();
  });

  it('RRULE: FREQ=MONTHLY, INTERVAL=3, INTERVAL=6, YEARLY; none for a one-off', () => {
    expect(rrule(dl('2018-01-15', 'monthly'))).toBe('FREQ=MONTHLY');
    expect(rrule(dl('2018-01-15', 'quarterly'))).toBe('FREQ=MONTHLY;INTERVAL=3');
    expect(rrule(dl('2018-01-15', 'twice-yearly'))).toBe('FREQ=MONTHLY;INTERVAL=6');
    expect(rrule(dl('2018-01-15', 'yearly'))).toBe('FREQ=YEARLY');
    expect(rrule(dl('2017-06-30', 'twice-yearly'))).toBe('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1');
    expect(rrule(dl('2017-12-31', 'yearly'))).toBe('FREQ=YEARLY');
    expect(rrule(dl('2017-12-31', null))).toBeNull();
    expect(rrule(dl('2019-02-28', 'yearly'))).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    expect(icsExtraDates(dl('2018-01-30', 'monthly'), 2)).toEqual(['2018-02-28', '2019-02-28']);
    expect(icsExtraDates(dl('2018-01-15', 'monthly'))).toEqual([]);
    // the kinds counted in days
    expect(rrule(dl('2018-01-01', 'weekly'))).toBe('FREQ=WEEKLY');
    expect(rrule(dl('2018-01-31', 'daily'))).toBe('FREQ=DAILY');
    expect(nextOccurrence(dl('2018-01-01', 'weekly'), '2018-01-10')).toBe('2018-01-15');
    expect(nextOccurrence(dl('2018-01-01', 'weekly'), '2018-01-15')).toBe('2018-01-15');
    expect(nextOccurrence(dl('2018-01-30', 'daily'), '2018-03-01')).toBe('2018-03-01');
    expect(icsExtraDates(dl('2018-01-30', 'daily'))).toEqual([]);
  });

  it('a calendar (ical.js) expands every RRULE to exactly our occurrences', () => {
    const starts = ['2017-06-30', '2017-12-31', '2018-01-15', '2018-01-30', '2018-01-31', '2018-03-31', '2019-02-28', '2019-08-29'];
    for (const kind of RECURRENCES as RecurrenceKind[]) {
      for (const start of starts) {
        const d = dl(start, kind);
        const ours = occurrences(d, '2031-12-31').slice(0, 14);
        expect({ kind, start, dates: icsExpand(d, ours.length) }).toEqual({ kind, start, dates: ours });
      }
    }
  });

  it('2017-06-30 twice-yearly is next due 2017-12-31 on the timeline, in 我的清单 and in the ICS export alike', () => {
    const d = dl('2017-06-30', 'twice-yearly');
    const t = task('half', d);
    const kb: KnowledgeBase = { version: 1, plans: [{ id: 'p', province: '河北省', place: '河北省', title: null, docNumber: null, issuer: null, issuedOn: null, file: 'p.txt', warnings: [] }], tasks: [t, task('once', dl('2018-12-31', null))], units: [], themes: [{ id: 't', label: 't' }] };
    const tl = buildTimeline(kb.tasks, kb.plans, kb.themes, { asOf: '2017-07-01' });
    expect(tl.byMonth['2017-12'].find((m) => m.taskId === 'half')?.date).toBe('2017-12-31');
    const cl = emptyChecklist();
    cl.units = [{ type: 'kind', value: '审计' }];
    const items = resolveMine(kb, cl, { asOf: '2017-07-01' });
    expect(items.find((i) => i.taskId === 'half')?.effectiveDue).toBe('2017-12-31');
    const ics = toIcs({ items, units: cl.units, unitLabels: [], asOf: '2017-07-01', generatedAt: new Date('2017-07-01T00:00:00Z'), planTitle: () => null });
    const ev = new ICAL.Component(ICAL.parse(ics))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid.startsWith('half-d0'))!;
    const it = ev.iterator();
    expect([it.next()!.toString(), it.next()!.toString()]).toEqual(['2017-06-30', '2017-12-31']);
  });

  it('quarterly and monthly deadlines appear on the timeline every period', () => {
    const kb = [task('q', dl('2018-03-31', 'quarterly')), task('m', dl('2018-01-31', 'monthly')), task('end', dl('2018-12-31', null))];
    const tl = buildTimeline(kb, [{ id: 'p', province: '河北省', place: '河北省', title: null, docNumber: null, issuer: null, issuedOn: null, file: 'p.txt', warnings: [] }], [], { asOf: '2018-01-01' });
    const dates = (id: string) => Object.values(tl.byMonth).flat().filter((m) => m.taskId === id).map((m) => m.date).sort();
    expect(dates('q')).toEqual(['2018-03-31', '2018-06-30', '2018-09-30', '2018-12-31']);
    expect(dates('m')).toHaveLength(12);
    expect(dates('m').slice(0, 3)).toEqual(['2018-01-31', '2018-02-28', '2018-03-31']);
  });

  it('every kind: 我的清单 next due = nextOccurrence, and the ICS event repeats through that date', () => {
    const asOf = '2018-05-10';
    const kinds: Array<[RecurrenceKind, string, string]> = [
      ['monthly', '2018-01-31', '2018-05-31'],
      ['quarterly', '2017-12-31', '2018-06-30'],
      ['twice-yearly', '2017-06-30', '2018-06-30'],
      ['yearly', '2017-12-31', '2018-12-31'],
    ];
    const tasks = kinds.map(([k, first]) => task(k, dl(first, k)));
    const kb: KnowledgeBase = { version: 1, plans: [{ id: 'p', province: '河北省', place: '河北省', title: null, docNumber: null, issuer: null, issuedOn: null, file: 'p.txt', warnings: [] }], tasks, units: [], themes: [] };
    const cl = emptyChecklist();
    cl.units = [{ type: 'kind', value: '审计' }];
    const items = resolveMine(kb, cl, { asOf });
    const ics = toIcs({ items, units: cl.units, unitLabels: [], asOf, generatedAt: new Date('2018-05-10T00:00:00Z'), planTitle: () => null });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    for (const [k, first, next] of kinds) {
      expect({ k, due: items.find((i) => i.taskId === k)?.effectiveDue }).toEqual({ k, due: next });
      expect(nextOccurrence(dl(first, k), asOf)).toBe(next);
      const ev = events.find((e) => e.uid.startsWith(`${k}-d0`))!;
      const it = ev.iterator();
      const seen: string[] = [];
      for (let x = it.next(); x && x.toString() <= next; x = it.next()) seen.push(x.toString());
      expect({ k, last: seen[seen.length - 1] }).toEqual({ k, last: next });
    }
  });
});
