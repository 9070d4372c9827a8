import { describe, expect, it } from 'vitest';
import { yearly } from '../../../src/pipeline/deadlines/parsers/yearly.js';
import { yearlyHalf } from '../../../src/pipeline/deadlines/parsers/yearly-half.js';
import { yearlyMonthDay } from '../../../src/pipeline/deadlines/parsers/yearly-month-day.js';
import { yearlyQuarter } from '../../../src/pipeline/deadlines/parsers/yearly-quarter.js';
import { all, only } from './helpers.js';

describe('deadline/yearly, yearly-month-day, yearly-half (plan date 2021-03-10)', () => {
  it('每年M月D日前: the first occurrence after the plan date', () => {
    expect(only(yearlyMonthDay, '每年3月31日前报送')).toEqual([['每年3月31日前', '2021-03-31', 'yearly']]);
    expect(only(yearlyMonthDay, '每年1月15日前报送')).toEqual([['每年1月15日前', '2022-01-15', 'yearly']]);
  });
  it('每年上半年 / 每年下半年', () => {
    expect(only(yearlyHalf, '每年下半年开展一次')).toEqual([['每年下半年', '2021-12-31', 'yearly']]);
  });
  it('每年第四季度 / 每年一季度末前: yearly, the quarter\'s end; not a year-less quarter beside a bare 每年', () => {
    expect(only(yearlyQuarter, '每年第四季度开展一次评估')).toEqual([['每年第四季度', '2021-12-31', 'yearly']]);
    expect(only(yearlyQuarter, '每年一季度末前报送上年情况')).toEqual([['每年一季度末前', '2021-03-31', 'yearly']]);
    expect(all('每年第四季度开展一次评估')).toEqual([['每年第四季度', '2021-12-31', 'yearly', 'deadline/yearly-quarter']]);
  });
  it('每年 alone: yearly, no day; not when a more specific form follows', () => {
    expect(only(yearly, '每年开展一次评估')).toEqual([['每年', null, 'yearly']]);
    expect(all('每年1月底前').map((d) => d[3])).toEqual(['deadline/yearly-month']);
  });
});
