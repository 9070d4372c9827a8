import { describe, expect, it } from 'vitest';
import { findDeadlines, opensWithDeadline } from '../../src/pipeline/deadlines/index.js';

const ctx = { issuedOn: '2017-09-22', year: 2017 };
const one = (s: string) => {
  const ds = findDeadlines(s, ctx);
  expect(ds, s).toHaveLength(1);
  const { raw, date, recurring, precision } = ds[0];
  return { raw, date, recurring, precision };
};

describe('deadline forms', () => {
  it('X年M月底前 → last day of the month', () => {
    expect(one('2017年12月底前，基本完成清理')).toEqual({ raw: '2017年12月底前', date: '2017-12-31', recurring: null, precision: 'month' });
    expect(one('于2018年2月底前完成').date).toBe('2018-02-28');
    expect(one('2020年2月底前完成').date).toBe('2020-02-29');
  });
  it('X年底前 and X年年底前 → 12-31, precision year', () => {
    expect(one('2017年底前，完成编制')).toMatchObject({ date: '2017-12-31', precision: 'year' });
    expect(one('2018年年底前建成')).toMatchObject({ raw: '2018年年底前', date: '2018-12-31', precision: 'year' });
  });
  it('X年上半年 / 下半年 → half', () => {
    expect(one('2018年上半年，建立部门信息化项目运维经费管理机制')).toEqual({ raw: '2018年上半年', date: '2018-06-30', recurring: null, precision: 'half' });
    expect(one('2018年下半年完成')).toMatchObject({ date: '2018-12-31', precision: 'half' });
  });
  it('X年M月D日前 → day; a bare date is not a deadline', () => {
    expect(one('2017年11月15日前，完成专项审计')).toMatchObject({ date: '2017-11-15', precision: 'day' });
    expect(findDeadlines('河北省人民政府办公厅2017年9月22日', ctx)).toHaveLength(0);
  });
  it('recurring: 每年M月D日前, 每年M月底前, 每年底前 → first occurrence after the issue date', () => {
    expect(one('每年1月15日前向省工业和信息化厅报送')).toEqual({ raw: '每年1月15日前', date: '2018-01-15', recurring: 'yearly', precision: 'day' });
    expect(one('每年1月底前报告')).toMatchObject({ date: '2018-01-31', recurring: 'yearly', precision: 'month' });
    expect(one('每年12月底前报告')).toMatchObject({ date: '2017-12-31', recurring: 'yearly' });
    expect(one('每年底前向省数字办报送')).toMatchObject({ date: '2017-12-31', recurring: 'yearly', precision: 'year' });
  });
  it('每年 alone is yearly without a day; 每年定期开展两次 is twice-yearly', () => {
    expect(one('每年开展评估工作')).toEqual({ raw: '每年', date: null, recurring: 'yearly', precision: 'year' });
    expect(one('每年定期开展两次全省工作检查')).toMatchObject({ date: null, recurring: 'twice-yearly' });
  });
  it('Chinese numerals', () => {
    expect(one('二〇一八年六月底前完成')).toMatchObject({ date: '2018-06-30', precision: 'month' });
    expect(one('二〇一七年十二月底前')).toMatchObject({ date: '2017-12-31' });
    expect(one('二〇一八年三月十五日前')).toMatchObject({ date: '2018-03-15', precision: 'day' });
  });
  it('year-less deadlines take the year from the plan, the first occurrence after its issue date', () => {
    expect(one('3月底前完成')).toMatchObject({ raw: '3月底前', date: '2018-03-31' });
    expect(one('省发改委汇总情况于11月底前提交')).toMatchObject({ date: '2017-11-30' });
    // no year anywhere in the plan: the deadline is kept, undated
    expect(findDeadlines('3月底前完成', { issuedOn: null, year: null }).map((d) => [d.raw, d.date])).toEqual([['3月底前', null]]);
  });
  it('several deadlines in one text, in order', () => {
    const ds = findDeadlines('2018年6月底前，制定相关工作评价办法，每年开展评估工作', ctx);
    expect(ds.map((d) => d.raw)).toEqual(['2018年6月底前', '每年']);
  });
  it('a sentence that opens with its own deadline', () => {
    expect(opensWithDeadline('2017年12月底前，政府部门基本完成清理。', ctx)).toBe(true);
    expect(opensWithDeadline('每年1月15日前向省工信厅报送。', ctx)).toBe(true);
    expect(opensWithDeadline('各部门要在2017年12月底前完成。', ctx)).toBe(false);
    expect(opensWithDeadline('每年开展评估。', ctx)).toBe(false);
  });
});
