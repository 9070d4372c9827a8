import { describe, expect, it } from 'vitest';
import { buildTimeline, dataRange, markerStatus } from '../../src/query/timeline.js';
import { addMonths, monthRange } from '../../src/domain/dates.js';
import { occurrences } from '../../src/domain/recurrence.js';
import type { Deadline, Plan, Task, Theme } from '../../src/types.js';

const dl = (date: string | null, recurring: Deadline['recurring'] = null, raw = date ?? '无'): Deadline => ({ raw, date, recurring, precision: 'month' });
const task = (id: string, planId: string, deadlines: Deadline[], themes: string[] = ['t1']): Task => ({
  id,
  planId,
  kind: 'task',
  section: [],
  text: id,
  deadlines,
  units: [],
  themes,
  source: { file: `${planId}.txt`, start: 0, end: 1, line: 1, origin: 'prose', row: null },
  restates: null,
});
const plan = (id: string, province: string): Plan => ({ id, province, place: province, title: null, docNumber: null, issuer: null, issuedOn: null, file: `${id}.txt`, warnings: [] });
const themes: Theme[] = [
  { id: 't1', label: '僵尸系统' },
  { id: 't2', label: '数据共享' },
  { id: 't3', label: '空主题' },
];

describe('timeline data', () => {
  it('month arithmetic', () => {
    expect(monthRange('2017-11', '2018-02')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
    expect(monthRange('2018-02', '2017-11')).toEqual([]);
    expect(addMonths('2017-12-31', 6)).toBe('2018-06-30');
    expect(addMonths('2018-06-30', 6)).toBe('2018-12-31');
    expect(addMonths('2018-01-15', 1)).toBe('2018-02-15');
    expect(addMonths('2018-01-31', 1)).toBe('2018-02-28');
  });

  it('recurring deadlines occur every year (or half-year) up to the end of the range', () => {
    expect(occurrences(dl('2017-12-31', 'yearly'), '2019-12-31')).toEqual(['2017-12-31', '2018-12-31', '2019-12-31']);
    expect(occurrences(dl('2017-12-31', 'twice-yearly'), '2018-12-31')).toEqual(['2017-12-31', '2018-06-30', '2018-12-31']);
    expect(occurrences(dl('2017-12-31'), '2030-01-01')).toEqual(['2017-12-31']);
    expect(occurrences(dl(null), '2030-01-01')).toEqual([]);
  });

  it('status relative to the as-of date', () => {
    expect(markerStatus('2018-01-31', '2018-02-01')).toBe('overdue');
    expect(markerStatus('2018-02-20', '2018-02-01')).toBe('upcoming');
    expect(markerStatus('2018-02-01', '2018-02-01')).toBe('upcoming');
    expect(markerStatus('2018-06-30', '2018-02-01')).toBe('later');
    expect(markerStatus('2018-06-30', '2018-02-01', 200)).toBe('upcoming');
  });

  it('range comes from the data; recurring deadlines do not stretch it', () => {
    const tasks = [task('a', 'p1', [dl('2017-07-31')]), task('b', 'p2', [dl('2018-12-31')]), task('c', 'p2', [dl('2017-09-30', 'yearly')])];
    expect(dataRange(tasks)).toEqual({ from: '2017-07', to: '2018-12' });
    expect(dataRange([task('x', 'p1', [dl(null)])])).toBeNull();
    expect(dataRange([task('y', 'p1', [dl('2018-03-31', 'yearly')])])).toEqual({ from: '2018-03', to: '2019-02' });
  });

  it('builds rows per plan and per theme, markers by month, and the as-of index', () => {
    const plans = [plan('p1', '河北省'), plan('p2', '安徽省')];
    const tasks = [
      task('a', 'p1', [dl('2017-07-31')], ['t1']),
      task('b', 'p2', [dl('2018-12-31')], ['t2']),
      task('c', 'p2', [dl('2017-09-30', 'yearly')], ['t1', 't2']),
      task('d', 'p1', [dl('2018-01-31'), dl('2018-01-15')], ['t1']),
    ];
    const tl = buildTimeline(tasks, plans, themes, { asOf: '2018-01-20', planLabel: (p) => p.province!.replace(/省$/, '') });
    expect(tl.months[0]).toBe('2017-07');
    expect(tl.months.at(-1)).toBe('2018-12');
    expect(tl.months).toHaveLength(18);
    expect(tl.asOfMonth).toBe('2018-01');
    expect(tl.asOfIndex).toBe(6);
    expect(tl.rows.map((r) => r.label)).toEqual(['河北', '安徽']);
    // recurring c: 2017-09 and 2018-09
    expect(tl.rows[1].cells['2017-09']?.map((m) => m.taskId)).toEqual(['c']);
    expect(tl.rows[1].cells['2018-09']?.[0].recurring).toBe(true);
    expect(tl.rows[1].count).toBe(3);
    // two deadlines of d in the same month: one marker
    expect(tl.byMonth['2018-01']).toHaveLength(1);
    expect(tl.byMonth['2017-07'][0].status).toBe('overdue');
    expect(tl.byMonth['2018-01'][0].status).toBe('upcoming');
    expect(tl.byMonth['2018-12'][0].status).toBe('later');

    const byTheme = buildTimeline(tasks, plans, themes, { asOf: '2026-01-01', groupBy: 'theme' });
    expect(byTheme.rows.map((r) => r.label)).toEqual(['僵尸系统', '数据共享']);
    expect(byTheme.asOfIndex).toBe(byTheme.months.length);
    expect(buildTimeline(tasks, plans, themes, { asOf: '2010-01-01' }).asOfIndex).toBe(-1);
  });

  it('an empty knowledge base gives an empty timeline', () => {
    const tl = buildTimeline([], [], themes, { asOf: '2018-01-01' });
    expect(tl.months).toEqual([]);
    expect(tl.rows).toEqual([]);
  });
});
