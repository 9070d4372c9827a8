import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonth, isIsoDate, isMonthEnd, monthEnd, monthRange } from '../../src/domain/dates.js';

describe('domain/dates', () => {
  it('ISO validation accepts real days only', () => {
    for (const ok of ['2018-06-30', '2020-02-29', '2017-12-31']) expect(isIsoDate(ok)).toBe(true);
    for (const bad of ['2018-02-30', '2019-02-29', '2018-13-01', '2018-00-10', '2018-6-30', '2018-06-30x', '', 20180630, null]) expect(isIsoDate(bad)).toBe(false);
  });

  it('days, month lengths and month ends', () => {
    expect(addDays('2017-12-31', 1)).toBe('2018-01-01');
    expect(addDays('2018-03-01', -1)).toBe('2018-02-28');
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(isMonthEnd('2017-06-30')).toBe(true);
    expect(isMonthEnd('2017-06-29')).toBe(false);
    expect(monthEnd('2018-02')).toBe('2018-02-28');
    expect(monthRange('2017-11', '2018-02')).toEqual(['2017-11', '2017-12', '2018-01', '2018-02']);
  });

  it('the month-end rule: a month end stays a month end, any other day is kept or clamped', () => {
    expect(addMonths('2017-06-30', 6)).toBe('2017-12-31');
    expect(addMonths('2017-02-28', 12)).toBe('2018-02-28');
    expect(addMonths('2019-02-28', 12)).toBe('2020-02-29');
    expect(addMonths('2018-01-30', 1)).toBe('2018-02-28');
    expect(addMonths('2018-01-15', 1)).toBe('2018-02-15');
    expect(addMonths('2018-01-31', -2)).toBe('2017-11-30');
    expect(addMonths('2018-03-30', -1)).toBe('2018-02-28');
  });
});
