import { describe, expect, it } from 'vitest';
import { yearlessMonthDay } from '../../../src/pipeline/deadlines/parsers/yearless-month-day.js';
import { yearlessMonth } from '../../../src/pipeline/deadlines/parsers/yearless-month.js';
import { yearlessYearEnd } from '../../../src/pipeline/deadlines/parsers/yearless-year-end.js';
import { yearlessHalf } from '../../../src/pipeline/deadlines/parsers/yearless-half.js';
import { yearlessQuarter } from '../../../src/pipeline/deadlines/parsers/yearless-quarter.js';
import { normalize } from '../../../src/pipeline/normalize.js';
import { all, CTX, NO_YEAR, only } from './helpers.js';

describe('year-less deadlines (year from the plan: first occurrence after its issue date 2021-03-10)', () => {
  it('deadline/yearless-month-day: M月D日前, 11月5日下班前', () => {
    expect(only(yearlessMonthDay, '各区于6月10日前报送')).toEqual([['6月10日前', '2021-06-10', null]]);
    expect(only(yearlessMonthDay, '请于11月5日下班前反馈')).toEqual([['11月5日下班前', '2021-11-05', null]]);
    // before the issue date: the next year's
    expect(only(yearlessMonthDay, '2月1日前上报')).toEqual([['2月1日前', '2022-02-01', null]]);
  });
  it('deadline/yearless-month: M月底前, M月底完成', () => {
    expect(only(yearlessMonth, '8月底前出台办法')).toEqual([['8月底前', '2021-08-31', null]]);
    expect(only(yearlessMonth, '4月底完成摸底')).toEqual([['4月底', '2021-04-30', null]]);
  });
  it('deadline/yearless-month: M月(份) with the action right after it is done within that month; not a rate, not the end of a span', () => {
    expect(only(yearlessMonth, '9月份组织开展消防宣传月活动')).toEqual([['9月份', '2021-09-30', null]]);
    expect(all('各校7月中旬开展暑期安全教育')).toEqual([['7月中旬', '2021-07-20', null, 'deadline/ten-day']]);
    expect(only(yearlessMonth, '5月完成率达到80%')).toEqual([]);
    expect(only(yearlessMonth, '4月至10月开展巡查')).toEqual([]);
    expect(only(yearlessMonth, '10月份的工作会议')).toEqual([]);
  });
  it('deadline/yearless-year-end: 全年 before the action (全年开展…) is within the year; not a year-round rate', () => {
    expect(only(yearlessYearEnd, '全年开展两轮专项检查')).toEqual([['全年', '2021-12-31', null]]);
    expect(only(yearlessYearEnd, '全年完成率达到95%')).toEqual([]);
    expect(only(yearlessYearEnd, '全年空气优良天数比例')).toEqual([]);
  });
  it('deadline/yearless-year-end: 年底前, 年内', () => {
    expect(only(yearlessYearEnd, '年底前完成整合')).toEqual([['年底前', '2021-12-31', null]]);
    expect(only(yearlessYearEnd, '年内建成')).toEqual([['年内', '2021-12-31', null]]);
  });
  it('deadline/yearless-half and yearless-quarter', () => {
    expect(only(yearlessHalf, '上半年前完成')).toEqual([['上半年前', '2021-06-30', null]]);
    expect(only(yearlessHalf, '上半年实现全程网办，下半年全面推广')).toEqual([['上半年', '2021-06-30', null], ['下半年', '2021-12-31', null]]);
    expect(only(yearlessHalf, '上半年度考核')).toEqual([]);
    expect(only(yearlessQuarter, '第三季度末前完成')).toEqual([['第三季度末前', '2021-09-30', null]]);
    // a quarter right before an action is its limit; before a noun it is none
    expect(only(yearlessQuarter, '第二季度完成改造')).toEqual([['第二季度', '2021-06-30', null]]);
    expect(only(yearlessQuarter, '四季度全面建成')).toEqual([['四季度', '2021-12-31', null]]);
    expect(only(yearlessQuarter, '一季度经济运行平稳，第三季度工作会议')).toEqual([]);
  });
  it('no year anywhere: date null, raw kept', () => {
    expect(all('9月底前完成清理', NO_YEAR)).toEqual([['9月底前', null, null, 'deadline/yearless-month']]);
    expect(all('年底前完成', NO_YEAR)).toEqual([['年底前', null, null, 'deadline/yearless-year-end']]);
  });
  it('spaced digits from PDF copies are read after normalization (9 月底前 → 9月底前)', () => {
    expect(all(normalize('9 月底前完成').text, CTX)[0].slice(0, 2)).toEqual(['9月底前', '2021-09-30']);
  });
  it('年内持续推进 is an ongoing time limit, not a deadline', () => {
    expect(all('年内持续推进')).toEqual([]);
    expect(all('长期坚持')).toEqual([]);
  });
  it('a meeting date (no 前) is no deadline', () => {
    expect(all('4月12日召开推进会')).toEqual([]);
  });
});
