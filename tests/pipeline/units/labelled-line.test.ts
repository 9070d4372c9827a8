import { describe, expect, it } from 'vitest';
import { labelledLine } from '../../../src/pipeline/units/parsers/labelled-line.js';
import { roles } from './helpers.js';

describe('unit/labelled-line: every name of the label', () => {
  const cases: Array<[string, string]> = [
    ['牵头单位：市文旅局', 'lead'],
    ['牵头责任单位：市文旅局', 'lead'],
    ['牵头负责部门：市文旅局', 'lead'],
    ['责任单位：市文旅局', 'responsible'],
    ['责任部门：市文旅局', 'responsible'],
    ['责任科室：综合科', 'responsible'],
    ['配合单位：市文旅局', 'support'],
    ['协同责任单位：市文旅局', 'support'],
    ['参与单位：市文旅局', 'support'],
    ['协办单位：市文旅局', 'support'],
    ['督办单位：市文旅局', 'supervise'],
  ];
  for (const [line, role] of cases) {
    it(line, () => {
      expect(roles(labelledLine, line)).toEqual([`${line.split('：')[1]}:${role}`]);
    });
  }
  it('labels in 【】 without a colon, and any office noun (科室, 处室)', () => {
    expect(roles(labelledLine, '【牵头单位】市农业农村局')).toEqual(['市农业农村局:lead']);
    expect(roles(labelledLine, '【配合单位】市财政局、市自然资源局')).toEqual(['市财政局:support', '市自然资源局:support']);
    expect(roles(labelledLine, '牵头处室：规划处')).toEqual(['规划处:lead']);
    expect(roles(labelledLine, '配合科室：综合科、财务科')).toEqual(['综合科:support', '财务科:support']);
  });
  it('indented, with a full stop and 等 before a second list', () => {
    expect(roles(labelledLine, '    协同责任单位：市税务局、市统计局等，各县区政府。')).toEqual(['市税务局:support', '市统计局:support', '各县区政府:support']);
  });
  it('a person line and a time line belong to the block but name no unit', () => {
    expect(labelledLine.parse('牵头负责领导：李某。')).toEqual({ units: [] });
    expect(labelledLine.parse('完成时限：2022年6月底前')).toEqual({ units: [] });
  });
  it('an ordinary line is not a labelled line', () => {
    expect(labelledLine.parse('责任单位要加强统筹')).toBeNull();
  });
});
