import { describe, expect, it } from 'vitest';
import { yearHalf } from '../../../src/pipeline/deadlines/parsers/year-half.js';
import { yearQuarter } from '../../../src/pipeline/deadlines/parsers/year-quarter.js';
import { only } from './helpers.js';

describe('deadline/year-half and deadline/year-quarter', () => {
  it('X年上半年 → 06-30, X年下半年 → 12-31', () => {
    expect(only(yearHalf, '2023年上半年完成招标')).toEqual([['2023年上半年', '2023-06-30', null]]);
    expect(only(yearHalf, '2023年下半年前')).toEqual([['2023年下半年前', '2023-12-31', null]]);
  });
  it('X年第N季度(末)前 → the quarter end', () => {
    expect(only(yearQuarter, '2023年第二季度末前')).toEqual([['2023年第二季度末前', '2023-06-30', null]]);
    expect(only(yearQuarter, '2023年三季度')).toEqual([['2023年三季度', '2023-09-30', null]]);
  });
});
