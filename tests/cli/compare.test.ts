import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, plans, tempDataDir } from './helpers.js';
import { parseCsv } from '../csv.js';
import type { Task } from '../../src/types.js';

let env: Record<string, string>;
beforeAll(() => {
  ensureBuilt();
  env = { PLANS_DATA_DIR: tempDataDir() };
});

describe('plans compare', () => {
  it('a cell\'s deadline says how it recurs, and a lead unit too long for the column continues under its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-cmp-wrap-'));
    for (const [id, place] of [['a', '岭北县'], ['b', '河东县']])
      writeFileSync(join(dir, `${id}.txt`), [`${place}2025年食品安全工作要点`, '一、重点任务', `（一）严格信息报送。${place}市场监督管理局食品安全协调处牵头，每月5日前报送上月食品安全工作进展，每年12月20日前报送年度总结。`].join('\n'));
    const r = plans(['compare', 'reporting', '--corpus', dir], { ...env, COLUMNS: '44' });
    expect(r.code, r.stderr).toBe(0);
    const col = r.stdout.split('\n').slice(3).map((l) => l.slice(0, 21));
    expect(col.map((l) => l.trim()).join('')).toContain('2025-12-20（每月、每年）');
    const lead = col.findIndex((l) => l.startsWith('  ▸ '));
    expect(lead).toBeGreaterThan(0);
    expect(col[lead + 1]).toMatch(/^ {4}\S/);
  });
  it('--json prints {theme, columns:[{planId, province, tasks}]}, one column per plan', () => {
    const r = plans(['compare', 'audit', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { theme: { id: string; label: string }; columns: Array<{ planId: string; province: string | null; tasks: Task[] }> };
    expect(Object.keys(out).sort()).toEqual(['columns', 'theme']);
    expect(out.theme.id).toBe('audit');
    expect(out.columns.map((c) => c.planId).sort()).toEqual(['anhui', 'chongqing', 'fujian', 'hebei', 'hunan']);
    for (const c of out.columns) {
      expect(Object.keys(c).sort()).toEqual(['place', 'planId', 'province', 'tasks']);
      for (const t of c.tasks) {
        expect(t.planId).toBe(c.planId);
        expect(t.themes).toContain('audit');
      }
    }
    expect(out.columns.reduce((n, c) => n + c.tasks.length, 0)).toBeGreaterThan(5);
  });

  it('prints side-by-side columns with deadlines and lead units', () => {
    const r = plans(['compare', 'audit'], { ...env, NO_COLOR: '1' });
    expect(r.code).toBe(0);
    const head = r.stdout.split('\n')[1];
    for (const tag of ['安徽', '重庆', '福建', '河北', '湖南']) expect(head).toContain(tag);
    expect(r.stdout).toContain('省审计厅');
    expect(r.stdout).toMatch(/⏱ \d{4}-\d{2}-\d{2}/);
    expect(r.stdout).not.toContain('\u001b');
  });

  it('--plans keeps only those plans (by tag or a part of one), in the theme view and obligation by obligation; one that matches nothing is bad usage', () => {
    const r = plans(['compare', 'audit', '--plans', '安徽,河北', '--json'], env);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { columns: Array<{ planId: string }> }).columns.map((c) => c.planId)).toEqual(['anhui', 'hebei']);
    const o = plans(['compare', '--plans', '安徽，湖南', '--json'], env);
    expect(o.code).toBe(0);
    const rows = JSON.parse(o.stdout) as Array<{ plans: number; cells: Array<{ planId: string; task: Task | null }> }>;
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect(row.cells.map((c) => c.planId)).toEqual(['anhui', 'hunan']);
      expect(row.plans).toBe(row.cells.filter((c) => c.task).length);
    }
    const bad = plans(['compare', '--plans', '火星'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no plan matches "火星"');
  });

  it('a word that is no theme compares the requirements whose tasks match it as a search', () => {
    const r = plans(['compare', '年度报告', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ plans: number; cells: Array<{ planId: string; task: Task | null }> }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.cells.some((c) => c.task && /年度/.test(c.task.text) && /报告/.test(c.task.text))).toBe(true);
    // the annual report obligations of several plans stand in one row
    expect(Math.max(...rows.map((x) => x.plans))).toBeGreaterThanOrEqual(3);
    const text = plans(['compare', '年度报告'], { ...env, NO_COLOR: '1' });
    expect(text.stdout.split('\n')[0]).toContain('不是主题');
  });

  it('accepts a theme label too', () => {
    const id = plans(['compare', 'audit', '--json'], env);
    const label = (JSON.parse(id.stdout) as { theme: { label: string } }).theme.label;
    const r = plans(['compare', label, '--json'], env);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).theme.id).toBe('audit');
  });

  it('an unknown theme is bad usage (exit 2) and lists the theme ids', () => {
    const r = plans(['compare', 'nope'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown theme "nope"');
    expect(r.stderr).toContain('zombie');
  });

  it('a theme and --obligations together, or a --sort it does not know, are bad usage (exit 2)', () => {
    expect(plans(['compare', 'audit', '--obligations'], env).code).toBe(2);
    expect(plans(['compare', '--sort', 'date'], env).code).toBe(2);
  });
});

describe('plans compare without a theme: obligation by obligation, on plans of any topic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plans-cmp-ob-'));
  writeFileSync(join(dir, 'p.txt'), '平江县2024年河湖长制工作要点\n一、重点任务\n1.开展河道清四乱。6月底前完成县域河道乱占乱采乱堆乱建问题清理。（县水利局负责）\n2.加强饮用水源保护。年底前完成乡镇级饮用水水源地规范化建设。（县生态环境分局负责）\n3.建设幸福河湖。9月底前建成幸福河湖示范段2条。（县水利局牵头）');
  writeFileSync(join(dir, 'q.txt'), '安溪县2024年河湖长制实施方案\n一、主要任务\n1.整治河湖四乱问题。8月底前完成全县河湖乱占、乱采、乱堆、乱建问题清理整治。（县水利局负责）\n2.推进河湖智慧监管。年底前建成河湖视频监控平台。（县大数据中心负责）');
  it('--json: a row per requirement with a cell per plan (null where a plan has none), most plans first', () => {
    const r = plans(['compare', '--json', '--corpus', dir], env);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ plans: number; spreadDays: number | null; anchor: string; cells: Array<{ planId: string; task: Task | null }> }>;
    expect(rows[0].plans).toBe(2);
    expect(rows[0].cells.map((c) => c.planId)).toEqual(['p', 'q']);
    expect(rows[0].cells.every((c) => c.task!.text.includes('乱'))).toBe(true);
    expect(rows[0].spreadDays).toBe(62);
    expect(rows.slice(1).every((x) => x.plans === 1 && x.cells.filter((c) => c.task).length === 1)).toBe(true);
    expect(rows.length).toBe(4);
  });
  it('as text: the plan tags, deadlines, lead units and — for a plan without it; --limit cuts the rows', () => {
    const r = plans(['compare', '--corpus', dir, '--limit', '2'], { ...env, NO_COLOR: '1' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ {2}平江 +2024-06-30 +县水利局/m);
    expect(r.stdout).toMatch(/^ {2}安溪 +2024-08-31 +县水利局/m);
    expect(r.stdout).toMatch(/^ {2}(平江|安溪) +—$/m);
    expect(r.stdout).toContain('… 2 more');
  });
});

describe('plans export --format csv: the knowledge base as a 任务台账', () => {
  it('a BOM, the ledger header, one CRLF row per task with its units by role, deadlines and source', () => {
    const json = JSON.parse(plans(['export', '--format', 'json'], env).stdout) as { tasks: Task[] };
    const r = plans(['export', '--format', 'csv'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.startsWith('\ufeff序号,任务编号,方案,章节,工作任务,牵头单位,责任单位,配合单位,督查单位,时限,截止日期,重复,主题,复述,出处\r\n')).toBe(true);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    // (task texts hold commas, so such cells are quoted)
    const rows = parseCsv(r.stdout.slice(1));
    expect(rows.length - 1).toBe(json.tasks.length);
    for (const x of rows) expect(x.length).toBe(15);
    const byId = new Map(rows.slice(1).map((x) => [x[1], x]));
    for (const t of json.tasks) {
      const x = byId.get(t.id)!;
      expect(x[4]).toBe(t.text);
      expect(x[5]).toBe([...new Set(t.units.filter((u) => u.role === 'lead').map((u) => u.name))].join('、'));
      expect(x[10]).toBe(t.deadlines.map((d) => d.date).filter(Boolean).sort()[0] ?? '');
      expect(x[14]).toContain(t.source.file);
      // an annex row that restates a task of the text names it: filtered out, each obligation counts once
      expect(x[13]).toBe(t.restates ?? '');
    }
    expect(plans(['export', '--format', 'xml'], env).code).toBe(2);
  });
});
