import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../../src/pipeline/deadlines/parsers/year-month.js';
import { yearEnd } from '../../../src/pipeline/deadlines/parsers/year-end.js';
import { NO_YEAR, only } from './helpers.js';

describe('relative years: 今年, 明年, 次年, 当年 (from the plan date 2021-03-10)', () => {
  it('今年/当年 are the plan year, 明年/次年 the next', () => {
    expect(only(yearMonth, '今年6月底前')).toEqual([['今年6月底前', '2021-06-30', null]]);
    expect(only(yearEnd, '当年底前完成')).toEqual([['当年底前', '2021-12-31', null]]);
    expect(only(yearMonth, '明年3月底前')).toEqual([['明年3月底前', '2022-03-31', null]]);
    expect(only(yearEnd, '次年底前')).toEqual([['次年底前', '2022-12-31', null]]);
  });
  it('without a plan date they cannot be dated', () => {
    expect(only(yearMonth, '明年3月底前', NO_YEAR)).toEqual([]);
  });
});
