import { describe, expect, it } from 'vitest';
import { yearMonthDay } from '../../../src/pipeline/deadlines/parsers/year-month-day.js';
import { only } from './helpers.js';

describe('deadline/year-month-day', () => {
  it('X年M月D日前 / 之前 / 以前, Chinese numerals, a time of day', () => {
    expect(only(yearMonthDay, '于2023年4月20日前报送')).toEqual([['2023年4月20日前', '2023-04-20', null]]);
    expect(only(yearMonthDay, '二〇二三年四月二十日之前')).toEqual([['二〇二三年四月二十日之前', '2023-04-20', null]]);
    expect(only(yearMonthDay, '2023年4月20日下班前反馈')).toEqual([['2023年4月20日下班前', '2023-04-20', null]]);
  });
  it('a signing date or an impossible date is not a deadline', () => {
    expect(only(yearMonthDay, '2023年4月20日')).toEqual([]);
    expect(only(yearMonthDay, '2023年2月30日前')).toEqual([]);
  });
});
