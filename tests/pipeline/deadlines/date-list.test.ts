import { describe, expect, it } from 'vitest';
import { dateList } from '../../../src/pipeline/deadlines/parsers/date-list.js';
import { all, only } from './helpers.js';

describe('deadline/date-list: dates sharing one 前', () => {
  it('a list of days with the year carried forward → one deadline each', () => {
    expect(only(dateList, '分别于2022年3月31日、6月30日、9月30日及2023年1月10日前报送')).toEqual([
      ['2022年3月31日', '2022-03-31', null],
      ['6月30日', '2022-06-30', null],
      ['9月30日', '2022-09-30', null],
      ['2023年1月10日前', '2023-01-10', null],
    ]);
  });
  it('a list of month ends', () => {
    expect(only(dateList, '2022年5月底、8月底前完成两轮检查').map((d) => d[1])).toEqual(['2022-05-31', '2022-08-31']);
  });
  it('wins over the single forms it contains', () => {
    expect(all('于2022年3月31日、6月30日前报送').map((d) => d[3])).toEqual(['deadline/date-list', 'deadline/date-list']);
  });
  it('one date is not a list', () => {
    expect(only(dateList, '2022年3月31日前报送')).toEqual([]);
  });
});
