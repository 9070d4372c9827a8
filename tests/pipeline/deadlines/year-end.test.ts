import { describe, expect, it } from 'vitest';
import { yearEnd } from '../../../src/pipeline/deadlines/parsers/year-end.js';
import { all, only } from './helpers.js';

describe('deadline/year-end', () => {
  it('到X年底, X年年底前, X年内, X年末 → 12-31', () => {
    expect(only(yearEnd, '到2025年底，建成统一平台')).toEqual([['2025年底', '2025-12-31', null]]);
    expect(only(yearEnd, '2022年年底前全面完成')).toEqual([['2022年年底前', '2022-12-31', null]]);
    expect(only(yearEnd, '2021年内完成改造')).toEqual([['2021年内', '2021-12-31', null]]);
  });
  it('a bare target year (到2025年 / 2019年建成) is a horizon, not a deadline', () => {
    expect(only(yearEnd, '到2025年，基本实现')).toEqual([]);
    expect(all('2019年建成城市绿道')).toEqual([]);
  });
  it('关于2023年…的通知 names a document, not a limit', () => {
    expect(all('市政府关于2023年重点工作的通知')).toEqual([]);
  });
  it('a period (2023年度) is no deadline', () => {
    expect(all('到2023年度考核')).toEqual([]);
  });
});
