import { describe, expect, it } from 'vitest';
import { yearMonth } from '../../../src/pipeline/deadlines/parsers/year-month.js';
import { all, only } from './helpers.js';

describe('deadline/year-month', () => {
  it('X年M月底前, X年M月底, X年M月底完成, X年M月前 → the month end', () => {
    expect(only(yearMonth, '2022年9月底前完成平台迁移')).toEqual([['2022年9月底前', '2022-09-30', null]]);
    expect(only(yearMonth, '力争2023年2月底建成')).toEqual([['2023年2月底', '2023-02-28', null]]);
    expect(only(yearMonth, '2024年2月底完成验收')).toEqual([['2024年2月底', '2024-02-29', null]]);
    expect(only(yearMonth, '到2019年6月底，实现全覆盖')).toEqual([['2019年6月底', '2019-06-30', null]]);
  });
  it('not when a day follows (that is a day form)', () => {
    expect(only(yearMonth, '2022年9月15日前')).toEqual([]);
  });
  it('the default configuration tags it', () => {
    expect(all('2022年9月底前完成')[0][3]).toBe('deadline/year-month');
  });
});
