import { describe, expect, it } from 'vitest';
import { period } from '../../../src/pipeline/deadlines/parsers/period.js';
import { tenDay } from '../../../src/pipeline/deadlines/parsers/ten-day.js';
import { all, CTX, NO_YEAR, only } from './helpers.js';

describe('deadline/period: a stage of work is due when its period ends', () => {
  it('X年M月—N月, X年M月至N月, X年M月-Y年N月 → the end month', () => {
    expect(only(period, '集中攻坚阶段（2022年3月—8月）。逐村开展')).toEqual([['2022年3月—8月', '2022-08-31', null]]);
    expect(only(period, '2022年3月至8月，组织开展拉网式排查')).toEqual([['2022年3月至8月', '2022-08-31', null]]);
    expect(only(period, '2022年9月-2023年6月完成全部改造')).toEqual([['2022年9月-2023年6月', '2023-06-30', null]]);
  });
  it('days, ten-day parts and month ends at either side', () => {
    expect(only(period, '2021年7月1日—9月15日，开展夏季行动')).toEqual([['2021年7月1日—9月15日', '2021-09-15', null]]);
    expect(only(period, '2021年4月中旬至5月上旬完成自查')).toEqual([['2021年4月中旬至5月上旬', '2021-05-10', null]]);
    expect(only(period, '6月底至9月底开展巡查')).toEqual([['6月底至9月底', '2021-09-30', null]]);
  });
  it('an end month before the start falls in the next year; 次年 names it', () => {
    expect(only(period, '2021年11月—2月开展冬季攻势')).toEqual([['2021年11月—2月', '2022-02-28', null]]);
    expect(only(period, '2021年12月至次年3月，落实供暖保障')).toEqual([['2021年12月至次年3月', '2022-03-31', null]]);
  });
  it('每年M月至N月 recurs yearly, due at the end of the period', () => {
    expect(only(period, '每年6月至9月开展防汛检查')).toEqual([['每年6月至9月', '2021-09-30', 'yearly']]);
  });
  it('the default configuration gives the end only, not the start as a second deadline', () => {
    expect(all('2022年9月-2023年6月完成全部改造')).toEqual([['2022年9月-2023年6月', '2023-06-30', null, 'deadline/period']]);
    expect(all('自2022年5月至10月，开展专项整治')).toEqual([['2022年5月至10月', '2022-10-31', null, 'deadline/period']]);
  });
  it('no period: a span of years, a statistics period, a start until now', () => {
    expect(all('2023年至2025年，持续推进')).toEqual([]);
    expect(all('2022年1-6月，全市完成固定资产投资')).toEqual([]);
    expect(all('2021年5月至今，已累计整改隐患300处')).toEqual([]);
  });
  it('without a year known the date is null, the period still read', () => {
    expect(only(period, '7月至9月开展集中整治', NO_YEAR)).toEqual([['7月至9月', null, null]]);
  });
});

describe('deadline/ten-day', () => {
  it('上旬 → the 10th, 中旬 → the 20th, 下旬 → the month end', () => {
    expect(only(tenDay, '2021年10月上旬前完成')).toEqual([['2021年10月上旬前', '2021-10-10', null]]);
    expect(only(tenDay, '2021年10月中旬完成验收')).toEqual([['2021年10月中旬', '2021-10-20', null]]);
    expect(only(tenDay, '11月下旬前报送', CTX)).toEqual([['11月下旬前', '2021-11-30', null]]);
    expect(all('2021年10月中旬前完成')[0][3]).toBe('deadline/ten-day');
  });
});

describe('deadline/event: a limit set by an event of the calendar', () => {
  it('开学前, 春节前, 入汛前 …: no date (it depends on the calendar or the region), the raw text kept', () => {
    expect(all('秋季学期开学前，完成校舍维修')).toEqual([['秋季学期开学前', null, null, 'deadline/event']]);
    expect(all('2022年春节前，完成农民工工资清欠')).toEqual([['2022年春节前', null, null, 'deadline/event']]);
    expect(all('入汛前完成水库除险加固')).toEqual([['入汛前', null, null, 'deadline/event']]);
    expect(all('每年供暖季前完成管网检修')).toEqual([['每年供暖季前', null, 'yearly', 'deadline/event']]);
    // a school year has two terms
    expect(all('每学期开学前，对校车开展一次安全排查')).toEqual([['每学期开学前', null, 'twice-yearly', 'deadline/event']]);
  });
  it('before a noun it names the work, no limit (开展汛前隐患排查, 汛前检查)', () => {
    expect(all('开展汛前隐患排查整治，落实汛前检查制度')).toEqual([]);
    expect(all('汛期前，全面排查河道隐患')).toEqual([['汛期前', null, null, 'deadline/event']]);
  });
  it('not 前后 (around), and not 当前 / 目前 / 提前', () => {
    expect(all('开学前后加强校园周边巡逻')).toEqual([]);
    expect(all('当前和今后一个时期，要提前谋划，目前已完成')).toEqual([]);
  });
});

describe('deadline/after-issue: a limit counted from the plan\'s issue', () => {
  it('印发后2个月内, 印发之日起30日内, 下发后两周内 → the issue date plus the span', () => {
    expect(all('各县要在本方案印发后2个月内制定实施细则')).toEqual([['本方案印发后2个月内', '2021-05-10', null, 'deadline/after-issue']]);
    expect(all('自印发之日起30日内报送自查报告')).toEqual([['印发之日起30日内', '2021-04-09', null, 'deadline/after-issue']]);
    expect(all('本通知下发后两周内完成摸底')).toEqual([['本通知下发后两周内', '2021-03-24', null, 'deadline/after-issue']]);
  });
  it('no issue date, or working days: no date, the raw kept', () => {
    expect(all('印发后1个月内完成', NO_YEAR)).toEqual([['印发后1个月内', null, null, 'deadline/after-issue']]);
    expect(all('印发后15个工作日内反馈')).toEqual([['印发后15个工作日内', null, null, 'deadline/after-issue']]);
  });
});
