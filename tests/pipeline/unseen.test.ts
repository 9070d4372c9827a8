/**
 * A plan in formats the bundled corpus does not use, written the way other provinces publish:
 * no notice header, labelled responsibility lines, quarters, a tab-separated task table, a signature
 * date at the end. The extractor must handle it by its general rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const PLAN = [
  '江西省政务信息系统整合共享工作方案',
  '一、工作目标',
  '2018年第一季度末，基本完成省直部门信息系统清理。',
  '二、重点任务',
  '（一）清理“僵尸”系统。开展政务信息系统普查，摸清系统底数。',
  '责任单位：省发改委、省审计厅',
  '完成时限：2017年12月底前',
  '（二）建设共享交换平台。建成省级数据共享交换平台，年底前实现与国家平台对接。（省信息中心牵头，各设区市人民政府落实）',
  '（三）开放公共数据。二〇一八年六月底前，上线省级数据开放网站。',
  '牵头单位：省网信办',
  '配合单位：省公安厅、省民政厅',
  '（四）省发展改革委和省财政厅完善项目管理办法（省发展改革委和省财政厅负责）',
  '1．2018年底前，完成市县政务数据中心整合。',
  '附件：任务分工表',
  '序号\t工作任务\t责任单位\t完成时间',
  '1\t开展政务信息系统普查\t省发改委\t2017年12月底前',
  '2\t上线省级数据开放网站\t省网信办\t2018年6月底前',
  '3\t省发改委、省财政厅\t省发改委\t2018年6月底前',
  '',
  '江西省人民政府办公厅',
  '2017年11月3日',
].join('\n');

function load(bytes: Buffer) {
  const d = mkdtempSync(join(tmpdir(), 'plans-unseen-'));
  writeFileSync(join(d, 'jiangxi.txt'), bytes);
  return loadKnowledgeBase({ corpusDir: d, cachePath: null }).kb;
}

describe('a plan in unseen formats', () => {
  const kb = load(iconv.encode(PLAN, 'gb18030'));
  const t = (needle: string) => kb.tasks.find((x) => x.source.origin === 'prose' && x.text.includes(needle))!;

  it('metadata from a title line and a signature at the end', () => {
    expect(kb.plans[0]).toMatchObject({ province: '江西省', title: '江西省政务信息系统整合共享工作方案', issuer: '江西省人民政府办公厅', issuedOn: '2017-11-03', docNumber: null });
  });
  it('quarters', () => {
    expect(t('基本完成省直部门信息系统清理').deadlines[0]).toMatchObject({ date: '2018-03-31', precision: 'month' });
    expect(t('基本完成省直部门信息系统清理').kind).toBe('goal');
  });
  it('labelled 责任单位 / 完成时限 lines govern the text above them', () => {
    const x = t('开展政务信息系统普查');
    expect(x.units.map((u) => `${u.canonical}:${u.role}`)).toEqual(['省发展改革委:responsible', '省审计厅:responsible']);
    expect(x.deadlines.map((d) => d.date)).toEqual(['2017-12-31']);
    expect(x.themes).toContain('zombie');
  });
  it('落实 is a responsible role; a year-less 年底前 takes the plan year', () => {
    const x = t('建成省级数据共享交换平台');
    expect(x.units.map((u) => `${u.name}:${u.role}`)).toEqual(['省信息中心:lead', '各设区市人民政府:responsible']);
    expect(x.deadlines[0]).toMatchObject({ raw: '年底前', date: '2017-12-31' });
  });
  it('several labelled lines in a row govern the same text', () => {
    const x = t('上线省级数据开放网站');
    expect(x.units.map((u) => `${u.canonical}:${u.role}`)).toEqual(['省网信办:lead', '省公安厅:support', '省民政厅:support']);
    expect(x.deadlines[0].date).toBe('2018-06-30');
  });
  it('a parenthetical inside a heading line governs the title; 和 between two units splits them', () => {
    const x = t('完善项目管理办法');
    expect(x.units.map((u) => u.canonical)).toEqual(['省发展改革委', '省财政厅']);
    expect(kb.units.some((u) => u.canonical.includes('和省'))).toBe(false);
  });
  it('a numbered item whose title carries a deadline is a task', () => {
    expect(t('完成市县政务数据中心整合').deadlines[0]).toMatchObject({ date: '2018-12-31', precision: 'year' });
  });
  it('a tab-separated task table becomes annex rows that restate prose tasks', () => {
    const rows = kb.tasks.filter((x) => x.source.origin === 'annex');
    expect(rows.map((r) => [r.source.row, r.text, r.units[0]?.canonical, r.deadlines[0]?.date])).toEqual([
      [1, '开展政务信息系统普查', '省发展改革委', '2017-12-31'],
      [2, '上线省级数据开放网站', '省网信办', '2018-06-30'],
    ]);
    expect(rows[1].restates).toBe(t('上线省级数据开放网站').id);
    // row 3's task cell is a unit list (a broken row): skipped, and said so
    expect(kb.plans[0].warnings.join(' ')).toMatch(/1 annex row\(s\) skipped/);
  });
});
