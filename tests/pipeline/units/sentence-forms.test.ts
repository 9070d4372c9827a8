import { describe, expect, it } from 'vitest';
import { byUnit } from '../../../src/pipeline/units/parsers/by-unit.js';
import { rolePhrase } from '../../../src/pipeline/units/parsers/role-phrase.js';
import { subjectSupervise } from '../../../src/pipeline/units/parsers/subject-supervise.js';
import { roles } from './helpers.js';

describe('unit attributions inside sentences', () => {
  it('unit/role-phrase: bare role clauses closing a sentence (a flattened table row)', () => {
    const r = rolePhrase.parse('完善公共资源交易平台功能，市数据局牵头，各有关部门配合。')!;
    expect(r.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市数据局:lead', '各有关部门:support']);
    expect('完善公共资源交易平台功能，市数据局牵头，各有关部门配合。'.slice(0, r.cut)).toBe('完善公共资源交易平台功能，');
  });
  it('unit/role-phrase is strict: an action clause ending in 负责 is no attribution', () => {
    expect(rolePhrase.parse('各级干部要对本地区工作负责。')).toBeNull();
    expect(rolePhrase.parse('加强统筹协调，确保工作落实。')).toBeNull();
  });
  it('unit/by-unit: 由X负责 / 由X、Y跟踪督办; a person is not a unit', () => {
    expect(roles(byUnit, '具体工作由市人社局负责。')).toEqual(['市人社局:responsible']);
    expect(roles(byUnit, '逾期未整改的，由市政府办公室、市政府督查室跟踪督办。')).toEqual(['市政府办公室:supervise', '市政府督查室:supervise']);
    expect(byUnit.parse('由张某某同志负总责')).toBeNull();
  });
  it('unit/subject-supervise: a unit supervising as the subject of its clause', () => {
    expect(roles(subjectSupervise, '市委督查室每月对进展情况进行一次督查通报。')).toEqual(['市委督查室:supervise']);
    expect(roles(subjectSupervise, '区政府办、区督查室要加强跟踪督办。')).toEqual(['区政府办:supervise', '区督查室:supervise']);
  });
  it('unit/subject-supervise: X将会同Y进行督办 → both supervise', () => {
    expect(roles(subjectSupervise, '市政府办公室将会同市委督查室进行专项督办。')).toEqual(['市政府办公室:supervise', '市委督查室:supervise']);
  });
  it('unit/role-phrase: bare places sharing the last name\'s suffix', () => {
    expect(roles(rolePhrase, '开展森林防火检查，东山、西山、南山县人民政府负责，市林业局配合。')).toEqual(['东山:responsible', '西山:responsible', '南山县人民政府:responsible', '市林业局:support']);
  });
  it('a clause whose "name" holds 由 or 情况 is no unit list', () => {
    expect(rolePhrase.parse('本方案执行情况由市政府督查室负责督办。')).toBeNull();
    expect(roles(byUnit, '本方案执行情况由市政府督查室负责督办。')).toEqual(['市政府督查室:supervise']);
  });
  it('a subject that merely has to do something gets no role; a person is no unit', () => {
    expect(subjectSupervise.parse('各部门要加强协调配合。')).toBeNull();
    expect(subjectSupervise.parse('各地主要领导要亲自督办。')).toBeNull();
  });
});
