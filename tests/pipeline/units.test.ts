import { describe, expect, it } from 'vitest';
import { parenthetical } from '../../src/pipeline/units/parsers/parenthetical.js';
const parseUnitParen = (s: string) => parenthetical.parse(s)?.units.map((u) => ({ ...u, canonical: canonicalName(u.prefix + u.name + u.suffix) })) ?? null;
import { canonicalName, unitKind } from '../../src/pipeline/tables/units.js';

const roles = (inner: string) => parseUnitParen(inner)?.map((u) => `${u.name}:${u.role}`);

describe('unit parentheticals', () => {
  it('…牵头，…配合', () => {
    expect(roles('省审计厅牵头，省政府有关部门配合')).toEqual(['省审计厅:lead', '省政府有关部门:support']);
  });
  it('half-width commas (normalized) and 牵头组织 / 按职责分工负责', () => {
    expect(roles('省发改委、省政府发展研究中心牵头组织，各有关部门按职责分工负责')).toEqual([
      '省发改委:lead',
      '省政府发展研究中心:lead',
      '各有关部门:responsible',
    ]);
  });
  it('…负责，…会同…督查落实', () => {
    expect(roles('各市、县政府，省政府各部门负责，省政府办公厅会同省工业和信息化厅、省发展改革委督查落实')).toEqual([
      '各市、县政府:responsible',
      '省政府各部门:responsible',
      '省政府办公厅:supervise',
      '省工业和信息化厅:supervise',
      '省发展改革委:supervise',
    ]);
  });
  it('…等按职责负责: trailing 等 stripped', () => {
    expect(roles('省工业和信息化厅牵头，省编委办、省公安厅、省地理信息局等按职责负责')).toEqual([
      '省工业和信息化厅:lead',
      '省编委办:responsible',
      '省公安厅:responsible',
      '省地理信息局:responsible',
    ]);
  });
  it('labelled: 牵头责任单位：…，配合单位：…等。', () => {
    expect(roles('牵头责任单位：省发展改革委、省网信办，配合单位：省政府办公厅等。')).toEqual([
      '省发展改革委:lead',
      '省网信办:lead',
      '省政府办公厅:support',
    ]);
  });
  it('the role covers the whole list: （省数字办，省直各部门负责）', () => {
    expect(roles('省数字办，省直各部门负责')).toEqual(['省数字办:responsible', '省直各部门:responsible']);
  });
  it('roles inside a 、-list: （省审计厅负责、省数字办配合）', () => {
    expect(roles('省审计厅负责、省数字办配合')).toEqual(['省审计厅:responsible', '省数字办:support']);
  });
  it('nested names stay whole: 省委编办（省审改办）', () => {
    const us = parseUnitParen('省数字办、省委编办（省审改办）、省财政厅，各设区市人民政府、平潭综合实验区管委会负责')!;
    expect(us.map((u) => u.name)).toEqual(['省数字办', '省委编办（省审改办）', '省财政厅', '各设区市人民政府', '平潭综合实验区管委会']);
    expect(us[1].canonical).toBe('省委编办');
  });
  it('a level prefix is inherited by bare names: 省工商局、人社厅 → 省人社厅', () => {
    const us = parseUnitParen('省工商局、人社厅、交通运输厅负责')!;
    expect(us.map((u) => u.canonical)).toEqual(['省工商局', '省人社厅', '省交通运输厅']);
    // …not by one that names its level already
    expect(parseUnitParen('市委宣传部、团市委负责')!.map((u) => u.canonical)).toEqual(['市委宣传部', '团市委']);
  });
  it('notes that are not unit lists are rejected', () => {
    for (const s of ['包括政务信息资源目录编制情况、数据对接共享和支撑协同应用情况等', '以下简称市共享交换平台', '国办发〔2017〕39号', '含平潭综合实验区，下同', '此件公开发布', '电力等'])
      expect(parseUnitParen(s), s).toBeNull();
  });
});

describe('canonical names and kinds', () => {
  it('folds aliases', () => {
    expect(canonicalName('省发改委')).toBe(canonicalName('省发展改革委'));
    expect(canonicalName('省委网信办')).toBe(canonicalName('省网信办'));
    expect(new Set(['省编办', '省委编办', '省编委办'].map(canonicalName)).size).toBe(1);
    expect(canonicalName('各市人民政府')).toBe('各市政府');
    // a bracket that names the scope stays (each county, city and district is not each county)
    expect(canonicalName('各县（市、区）人民政府')).toBe('各县（市、区）政府');
    expect(canonicalName('各县(市、区)人民政府')).toBe('各县（市、区）政府');
    expect(canonicalName('各村（社区）')).toBe('各村（社区）');
  });
  it('folds the full names of the bodies of the 2018 reform and their short forms', () => {
    const same = (...names: string[]) => expect(new Set(names.map(canonicalName)).size, names.join(' ')).toBe(1);
    same('市住房和城乡建设局', '市住房城乡建设局', '市住建局');
    same('省住房和城乡建设厅', '省住房城乡建设厅', '省住建厅');
    same('县应急管理局', '县应急局');
    same('区市场监督管理局', '区市场监管局');
    same('省卫生健康委员会', '省卫生健康委', '省卫健委');
    same('市医疗保障局', '市医保局');
    same('市文化和旅游局', '市文旅局');
    // 应急管理部 is not a 局; a 住建 office keeps what follows
    expect(canonicalName('应急管理部')).toBe('应急管理部');
    expect(unitKind('市住房和城乡建设局')).toBe(unitKind('市住建局'));
  });
  it('gives cross-province kinds', () => {
    expect(unitKind('省审计厅')).toBe('审计');
    expect(unitKind('市审计局')).toBe('审计');
    expect(unitKind('省发展改革委')).toBe('发展改革');
    expect(unitKind('省政府办公厅')).toBe('办公厅');
    expect(unitKind('省工业和信息化厅')).toBe(unitKind('市经济信息委'));
    expect(unitKind('省政府各部门')).toBe('各部门');
    expect(unitKind('各设区市政府')).toBe('市县政府');
    expect(unitKind('省委编办')).toBe('编办');
    expect(unitKind('省数字办')).toBe('政务服务/大数据');
    // medical insurance is its own department (since 2018), not health
    expect(unitKind('市医疗保障局')).toBe('医保');
    expect(unitKind('县医保局')).toBe('医保');
    expect(unitKind('市卫生健康委员会')).toBe('卫健');
    // a weather bureau is no emergency office; hydrology is water; a flood HQ is emergency management
    expect(unitKind('省气象局')).toBe('气象');
    expect(unitKind('市水文局')).toBe(unitKind('县水利局'));
    expect(unitKind('县防指')).toBe(unitKind('县应急管理局'));
    expect(unitKind('区人武部')).toBe('人武');
  });
  it('各街道、乡镇 is one collective, as 各县、市、区政府 is', () => {
    expect(parenthetical.parse('各街道、乡镇负责')!.units.map((u) => u.name)).toEqual(['各街道、乡镇']);
  });
});
