import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { asOfDate, today } from '../../src/domain/today.js';
import { taskPredicate } from '../../src/query/filters.js';
import type { Task } from '../../src/types.js';

const task: Task = {
  id: 't',
  planId: 'p',
  kind: 'task',
  section: [],
  text: 't',
  deadlines: [{ raw: '2018年1月14日前', date: '2018-01-14', recurring: null, precision: 'day' }],
  units: [],
  themes: [],
  source: { file: 'p.txt', start: 0, end: 1, line: 1, origin: 'prose', row: null },
  restates: null,
};

describe('domain/today: the local calendar day, the same for the TUI, the CLI and the filters', () => {
  const savedTz = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'Asia/Shanghai';
  });
  afterEach(() => {
    vi.useRealTimers();
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('is the day in the user time zone, not in UTC (UTC+8 between 00:00 and 08:00)', () => {
    const at = new Date('2018-01-14T18:30:00Z'); // 2018-01-15 02:30 in Shanghai
    expect(at.toISOString().slice(0, 10)).toBe('2018-01-14');
    expect(today(at)).toBe('2018-01-15');
    process.env.TZ = 'America/New_York';
    expect(today(at)).toBe('2018-01-14');
  });

  it('--as-of overrides it', () => {
    expect(asOfDate('2017-06-30', new Date('2018-01-14T18:30:00Z'))).toBe('2017-06-30');
    expect(asOfDate(undefined, new Date('2018-01-14T18:30:00Z'))).toBe('2018-01-15');
  });

  it('the overdue filter without --as-of measures from the local day', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2018-01-14T18:30:00Z'));
    expect(taskPredicate({ due: 'overdue' }, [])(task)).toBe(true); // due 01-14, today (local) 01-15
    vi.setSystemTime(new Date('2018-01-14T12:00:00Z')); // 20:00 on the 14th in Shanghai
    expect(taskPredicate({ due: 'overdue' }, [])(task)).toBe(false);
  });
});
