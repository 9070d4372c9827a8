import { describe, expect, it } from 'vitest';
import { parenthetical } from '../../../src/pipeline/units/parsers/parenthetical.js';
import { canonicals, roles } from './helpers.js';

describe('unit/parenthetical (the inside of any bracket)', () => {
  it('labelled fields with ；/， and a time clause that is no unit', () => {
    expect(roles(parenthetical, '牵头单位：市数据局；责任单位：市公安局、市民政局，各区人民政府，9月底前完成')).toEqual([
      '市数据局:lead',
      '市公安局:responsible',
      '市民政局:responsible',
      '各区人民政府:responsible',
    ]);
  });
  it('a generic label before role words: （责任单位：A牵头，B、C配合） — the role word decides', () => {
    expect(roles(parenthetical, '责任单位：县林业局牵头，县财政局、县自然资源局配合')).toEqual(['县林业局:lead', '县财政局:support', '县自然资源局:support']);
    expect(roles(parenthetical, '责任单位：市水务局（牵头），市城管局')).toEqual(['市水务局:lead', '市城管局:responsible']);
    expect(roles(parenthetical, '责任单位：区民政局、区卫健委、区残联按职责分工负责')).toEqual(['区民政局:responsible', '区卫健委:responsible', '区残联:responsible']);
    expect(roles(parenthetical, '牵头单位：市商务局负责')).toEqual(['市商务局:lead']);
  });
  it('a label carries on over the comma-separated lists after it', () => {
    expect(roles(parenthetical, '配合单位：市财政局、市人社局，各县（市、区）人民政府')).toEqual(['市财政局:support', '市人社局:support', '各县（市、区）人民政府:support']);
  });
  it('分别负责 and an ongoing note: （各区政府分别负责，长期坚持）', () => {
    expect(roles(parenthetical, '各区政府分别负责，长期坚持')).toEqual(['各区政府:responsible']);
  });
  it('A会同B负责 names two units', () => {
    expect(roles(parenthetical, '市交通局会同市公安局负责')).toEqual(['市交通局:responsible', '市公安局:responsible']);
  });
  it('X负责督办 supervises', () => {
    expect(roles(parenthetical, '市政府督查室负责督办')).toEqual(['市政府督查室:supervise']);
  });
  it('指导 / 监督 oversee: the role word is not part of the name', () => {
    expect(roles(parenthetical, '各乡镇政府负责，县水利局指导')).toEqual(['各乡镇政府:responsible', '县水利局:supervise']);
    expect(roles(parenthetical, '县应急局业务指导，县市场监管局监督')).toEqual(['县应急局:supervise', '县市场监管局:supervise']);
  });
  it('a shared suffix: 甲乙、丙丁市人民政府 → separate units, canonical names completed', () => {
    expect(roles(parenthetical, '临江、安平、青河市人民政府负责')).toEqual(['临江:responsible', '安平:responsible', '青河市人民政府:responsible']);
    expect(canonicals(parenthetical, '临江、安平、青河市人民政府负责')).toEqual(['临江市政府', '安平市政府', '青河市政府']);
    // a place that already carries its level takes only the organisation
    expect(canonicals(parenthetical, '临江市、青河市人民政府负责')).toEqual(['临江市政府', '青河市政府']);
  });
  it('各县、市、区政府 is one unit (level words sharing a suffix)', () => {
    expect(roles(parenthetical, '市发展改革委牵头，各县、市、区政府配合')).toEqual(['市发展改革委:lead', '各县、市、区政府:support']);
  });
  it('a specific unit "and the related ones" stays one attribution; two named bodies split', () => {
    expect(roles(parenthetical, '区财政局及区直有关单位负责')).toEqual(['区财政局及区直有关单位:responsible']);
    expect(roles(parenthetical, '区财政局和区审计局负责')).toEqual(['区财政局:responsible', '区审计局:responsible']);
  });
  it('trailing notes are not units', () => {
    expect(parenthetical.parse('以下任务均需各区落实，不再一一列出')).toBeNull();
    expect(parenthetical.parse('试行')).toBeNull();
  });
  it('a person is not a unit', () => {
    expect(roles(parenthetical, '牵头负责领导：王某某；牵头单位：市商务局')).toEqual(['市商务局:lead']);
  });
});
