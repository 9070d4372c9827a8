import { describe, expect, it } from 'vitest';
import { textKey } from '../../src/pipeline/ids.js';
import { bundledKb, rawOf, taskWith, tasksOf } from './helpers.js';

describe('plan metadata of the bundled plans', () => {
  const plan = (id: string) => bundledKb().plans.find((p) => p.id === id)!;
  it.each([
    ['hebei', '河北省', '河北省政务信息系统整合共享实施方案', null, '河北省人民政府办公厅', '2017-09-22'],
    ['anhui', '安徽省', '安徽省政务信息系统整合共享实施方案', '皖政办〔2017〕69号', '安徽省人民政府办公厅', '2017-08-23'],
    ['hunan', '湖南省', '湖南省政务信息系统整合共享实施方案', '湘政办发〔2017〕78号', '湖南省人民政府办公厅', '2017-12-19'],
    ['chongqing', '重庆市', '重庆市政务信息系统整合共享工作方案', '渝府办发〔2017〕154号', '重庆市人民政府办公厅', '2017-10-09'],
    ['fujian', '福建省', '福建省政务信息系统整合共享实施方案', null, '福建省人民政府办公厅', '2017-10-25'],
  ])('%s', (id, province, title, docNumber, issuer, issuedOn) => {
    expect(plan(id)).toMatchObject({ province, title, docNumber, issuer, issuedOn, file: `${id}.txt` });
  });
});

describe('worked examples', () => {
  it('河北 二（一）: the audit task (no deadline) and the dated clean-up task', () => {
    const audit = taskWith('hebei', '组织开展信息系统审计');
    expect(audit.deadlines).toEqual([]);
    expect(audit.units.filter((u) => u.role === 'lead').map((u) => u.canonical)).toEqual(['省审计厅']);
    expect(audit.units.filter((u) => u.role === 'support').map((u) => u.canonical)).toEqual(['省政府有关部门']);
    expect(audit.themes).toEqual(expect.arrayContaining(['zombie', 'audit']));
    expect(audit.section.join(' ')).toMatch(/二、.*（一）/);
    const zombie = taskWith('hebei', '“僵尸”信息系统的清理工作');
    expect(zombie.text.startsWith('2017年12月底前')).toBe(true);
    expect(zombie.deadlines.map((d) => d.date)).toEqual(['2017-12-31']);
    expect(zombie.units).toEqual([{ rule: 'unit/parenthetical', name: '省政府各部门', canonical: '省政府各部门', kind: '各部门', role: 'responsible' }]);
  });
  it('福建: 2018年上半年 → 2018-06-30, precision half', () => {
    const t = taskWith('fujian', '建立部门信息化项目运维经费管理机制');
    expect(t.deadlines[0]).toEqual({ rule: 'deadline/year-half', raw: '2018年上半年', date: '2018-06-30', recurring: null, precision: 'half' });
  });
  it('安徽 annex row 2 restates the prose task of 二（二）', () => {
    const row = tasksOf('anhui').find((t) => t.source.row === 2)!;
    expect(row.text).toMatch(/^省政府各部门根据自身.*整合共享清单$/);
    expect(row.units).toEqual([{ rule: 'unit/table-column', name: '省政府各部门', canonical: '省政府各部门', kind: '各部门', role: 'lead' }]);
    expect(row.deadlines.map((d) => d.date)).toEqual(['2017-10-31']);
    expect(row.source.origin).toBe('annex');
    const prose = bundledKb().tasks.find((t) => t.id === row.restates)!;
    expect(prose.source.origin).toBe('prose');
    expect(prose.section.join('')).toContain('（二）');
    expect(prose.text).toContain('整合共享清单');
  });
});

describe('annex table (安徽, one cell per line)', () => {
  const rows = () => tasksOf('anhui').filter((t) => t.source.origin === 'annex');
  it('parses all 21 rows in order, each with text, a lead unit and a deadline', () => {
    expect(rows().map((t) => t.source.row)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    for (const t of rows()) {
      expect(t.text.length, `row ${t.source.row}`).toBeGreaterThan(8);
      expect(t.units.some((u) => u.role === 'lead'), `row ${t.source.row}`).toBe(true);
      expect(t.deadlines.length, `row ${t.source.row}`).toBeGreaterThan(0);
    }
  });
  it('rows without a 配合单位 cell have no support units and keep their deadline', () => {
    for (const n of [2, 11, 12, 13, 16, 21]) {
      const t = rows().find((r) => r.source.row === n)!;
      expect(t.units.filter((u) => u.role === 'support'), `row ${n}`).toEqual([]);
      expect(t.deadlines[0].raw, `row ${n}`).toMatch(/前$/);
    }
  });
  it('rows with 配合单位 keep them as support', () => {
    const r9 = rows().find((r) => r.source.row === 9)!;
    expect(r9.units.filter((u) => u.role === 'support').map((u) => u.name)).toEqual(['合肥市人民政府', '芜湖市人民政府', '阜阳市人民政府']);
  });
  it('recurring rows: 每年1月底前 / 每年2月底前', () => {
    const r20 = rows().find((r) => r.source.row === 20)!;
    expect(r20.deadlines[0]).toMatchObject({ recurring: 'yearly', date: '2018-01-31' });
  });
  it('annex rows point at their source lines', () => {
    const raw = rawOf('anhui.txt');
    for (const t of rows()) expect(raw.slice(t.source.start, t.source.end)).toContain(t.text);
  });
  it('most rows restate a prose task', () => {
    expect(rows().filter((r) => r.restates).length).toBeGreaterThanOrEqual(15);
  });
});

describe('de-duplication', () => {
  it.each(['hebei', 'anhui', 'hunan', 'chongqing', 'fujian'])('%s: no two prose tasks are equal or contain each other', (id) => {
    const keys = tasksOf(id).filter((t) => t.source.origin === 'prose').map((t) => textKey(t.text));
    for (let i = 0; i < keys.length; i++)
      for (let j = 0; j < keys.length; j++) if (i !== j) expect(keys[i].includes(keys[j]), `${keys[i].slice(0, 30)} ⊇ ${keys[j].slice(0, 30)}`).toBe(false);
  });
  it('scraped plans report merged repeats', () => {
    for (const id of ['chongqing', 'fujian']) expect(bundledKb().plans.find((p) => p.id === id)!.warnings.join(' ')).toMatch(/repeated/);
  });
  it('each obligation once: a sentence repeated in the scrape appears in one task only', () => {
    const hits = tasksOf('fujian').filter((t) => t.text.includes('建成省级政务数据汇聚共享平台，省直各部门整合后的政务信息系统接入'));
    expect(hits).toHaveLength(1);
  });
});

describe('structure, units and sources on the real plans', () => {
  it('headings glued mid-line still give a section path', () => {
    const t = taskWith('chongqing', '2017年10月底前，发布市电子政务外网建设规范');
    expect(t.section.some((s) => s.startsWith('（三）设施共建'))).toBe(true);
    const f = taskWith('fujian', '建设政务信息网与政务外网边界安全接入平台');
    expect(f.section.some((s) => s.startsWith('二、'))).toBe(true);
    expect(f.section.some((s) => s.startsWith('（一）'))).toBe(true);
  });
  it('of two scraped copies, the one whose units come from its own paragraph wins over one glued to another task', () => {
    const t = taskWith('fujian', '省直部门完成僵尸信息系统消除');
    expect(t.units.map((u) => `${u.canonical}:${u.role}`)).toEqual(['省直各部门:responsible']);
  });
  it('a parenthetical right after a heading governs the heading title', () => {
    const t = taskWith('fujian', '推进形成统一的非密电子政务网络');
    expect(t.units.map((u) => u.name)).toContain('省委编办（省审改办）');
  });
  it('湖南 half-width parentheticals and 督查落实', () => {
    const t = taskWith('hunan', '予以通报并责令整改');
    expect(t.units.filter((u) => u.role === 'supervise').map((u) => u.canonical)).toEqual(['省政府办公厅', '省发展改革委']);
  });
  it('goals under 工作目标 are kind "goal"', () => {
    const goals = tasksOf('hebei').filter((t) => t.kind === 'goal');
    expect(goals.map((g) => g.deadlines[0]?.date)).toEqual(['2017-12-31', '2018-06-30']);
  });
  it('preamble text produces no task', () => {
    for (const p of bundledKb().plans) expect(tasksOf(p.id).some((t) => /^为贯彻|制定本(实施)?方案/.test(t.text)), p.id).toBe(false);
  });
  it('every source span points into the raw file at the task text', () => {
    for (const p of bundledKb().plans) {
      const raw = rawOf(p.file);
      for (const t of tasksOf(p.id)) {
        const span = textKey(raw.slice(t.source.start, t.source.end));
        expect(span.includes(textKey(t.text).slice(0, 20)), `${t.id}`).toBe(true);
        expect(raw.slice(0, t.source.start).split('\n').length).toBe(t.source.line);
      }
    }
  });
  it('task counts are plausible (25–55 per plan, annex aside; the 重庆 scrape is truncated)', () => {
    for (const p of bundledKb().plans) {
      const prose = tasksOf(p.id).filter((t) => t.source.origin === 'prose').length;
      expect(prose, p.id).toBeGreaterThanOrEqual(p.id === 'chongqing' ? 15 : 22);
      expect(prose, p.id).toBeLessThanOrEqual(55);
    }
  });
  it('themes cover every task of the 10 national tasks somewhere in each plan', () => {
    for (const t of bundledKb().tasks) expect(t.themes.length, t.text.slice(0, 30)).toBeGreaterThan(0);
  });
});
