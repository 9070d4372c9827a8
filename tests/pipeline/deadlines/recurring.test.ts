import { describe, expect, it } from 'vitest';
import { monthly } from '../../../src/pipeline/deadlines/parsers/monthly.js';
import { quarterly } from '../../../src/pipeline/deadlines/parsers/quarterly.js';
import { twiceYearly } from '../../../src/pipeline/deadlines/parsers/twice-yearly.js';
import { yearlyMonth } from '../../../src/pipeline/deadlines/parsers/yearly-month.js';
import { yearlyYearEnd } from '../../../src/pipeline/deadlines/parsers/yearly-year-end.js';
import { all, only } from './helpers.js';

describe('recurring deadlines', () => {
  it('deadline/monthly: 每月25日前, 每月, 每个月月底前', () => {
    expect(only(monthly, '每月25日前报送进展')).toEqual([['每月25日前', null, 'monthly']]);
    expect(only(monthly, '每月通报一次')).toEqual([['每月', null, 'monthly']]);
    expect(only(monthly, '每个月月底前汇总')).toEqual([['每个月月底前', null, 'monthly']]);
  });
  it('deadline/monthly keeps the ten-day part of the month it names: 每月上旬, 每月中旬前', () => {
    expect(only(monthly, '各街道每月上旬报送上月排查情况')).toEqual([['每月上旬', null, 'monthly']]);
    expect(only(monthly, '每月中旬前召开调度会')).toEqual([['每月中旬前', null, 'monthly']]);
  });
  it('deadline/monthly: the start, the last working day, 逐月, and the report of a month due in the next (次月5日前, 结束后N个工作日内)', () => {
    expect(only(monthly, '各镇每月初报送上月台账')).toEqual([['每月初', null, 'monthly']]);
    expect(only(monthly, '于每月最后一个工作日前报送')).toEqual([['每月最后一个工作日前', null, 'monthly']]);
    expect(only(monthly, '逐月调度项目进度')).toEqual([['逐月', null, 'monthly']]);
    expect(only(monthly, '于次月10日前将上月情况报县应急局')).toEqual([['次月10日前', null, 'monthly']]);
    expect(only(monthly, '每月结束后3个工作日内报送')).toEqual([['每月结束后3个工作日内', null, 'monthly']]);
    expect(all('次月起施行')).toEqual([]);
  });
  it('deadline/quarterly: the report of a quarter due after it (每季度结束后, 季度结束后, 季后, 次季度首月); not a named quarter', () => {
    expect(only(quarterly, '每季度结束后7日内报送工作小结')).toEqual([['每季度结束后7日内', null, 'quarterly']]);
    expect(only(quarterly, '于季度结束后10个工作日内上报')).toEqual([['季度结束后10个工作日内', null, 'quarterly']]);
    expect(only(quarterly, '季后15日内报送')).toEqual([['季后15日内', null, 'quarterly']]);
    expect(only(quarterly, '次季度首月5日前报送上季度进展')).toEqual([['次季度首月5日前', null, 'quarterly']]);
    expect(only(quarterly, '二季度结束后10日内报送')).toEqual([]);
  });
  it('deadline/quarterly: 每季度, 每季度末, 每季度最后一个月20日前, 按季度', () => {
    expect(only(quarterly, '每季度报送一次')).toEqual([['每季度', null, 'quarterly']]);
    expect(only(quarterly, '每季度最后一个月20日前提交')).toEqual([['每季度最后一个月20日前', null, 'quarterly']]);
    expect(only(quarterly, '按季度调度')).toEqual([['按季度', null, 'quarterly']]);
  });
  it('deadline/twice-yearly: 每半年, 每年两次', () => {
    expect(only(twiceYearly, '每半年开展一次评估')).toEqual([['每半年', null, 'twice-yearly']]);
    // a school year has two terms
    expect(all('各校每学期举办一次消防演练')).toEqual([['每学期', null, 'twice-yearly', 'deadline/twice-yearly']]);
    expect(all('每个学期末报送一次')).toEqual([['每个学期', null, 'twice-yearly', 'deadline/twice-yearly']]);
    expect(all('每学年评选一次')).toEqual([['每学年', null, 'yearly', 'deadline/yearly']]);
  });
  it('deadline/yearly-*: 每年1月底前, 每年年末', () => {
    expect(only(yearlyMonth, '每年1月底前报送上年度情况')).toEqual([['每年1月底前', '2022-01-31', 'yearly']]);
    expect(only(yearlyYearEnd, '每年年末总结')).toEqual([['每年年末', '2021-12-31', 'yearly']]);
  });
  it('deadline/weekly and deadline/daily: 每周, 每周五前, 每个星期, 每日, 每天; not 日均', () => {
    expect(all('每周调度一次进展')).toEqual([['每周', null, 'weekly', 'deadline/weekly']]);
    expect(all('每周五前报送本周情况')).toEqual([['每周五前', null, 'weekly', 'deadline/weekly']]);
    expect(all('每个星期通报一次')).toEqual([['每个星期', null, 'weekly', 'deadline/weekly']]);
    expect(all('汛期每日报告雨情')).toEqual([['每日', null, 'daily', 'deadline/daily']]);
    expect(all('值班人员每天巡查两次')).toEqual([['每天', null, 'daily', 'deadline/daily']]);
    expect(all('每日均客流量达到五万人次')).toEqual([]);
  });
  it('每两月 (every two months) is none of them', () => {
    expect(all('每两月检查一次')).toEqual([]);
  });
});
