/** Language of the CLI's human output: Chinese first, the English term beside it; JSON stays as it is. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, plans, tempDataDir } from './helpers.js';

const PLAN = [
  '某市2022年数据治理工作要点',
  '一、夯实数据基础',
  '1.开展数据普查。6月底前，摸清各部门数据资源底数，形成数据资源目录。（牵头单位：市数据局；配合单位：市审计局）',
  '2.建立考核机制。每季度通报一次工作进展，由市审计局负责督办。',
].join('\n');

let env: Record<string, string>;
let corpus: string;
beforeAll(() => {
  ensureBuilt();
  corpus = mkdtempSync(join(tmpdir(), 'plans-language-'));
  writeFileSync(join(corpus, 'shuju.txt'), PLAN);
  env = { PLANS_DATA_DIR: tempDataDir(), NO_COLOR: '1' };
});

describe('human output: Chinese first, the English term where it helps', () => {
  it('plans index: table header and counts read 中文 English', () => {
    const r = plans(['index', '--corpus', corpus], env);
    expect(r.code, r.stderr).toBe(0);
    const [head] = r.stdout.split('\n');
    expect(head).toMatch(/^方案 plan\s+省份 province\s+任务 tasks\s+正文 prose\s+附件 annex\s+有期限 dated\s+有单位 with units\s+提示 warnings$/);
    expect(r.stdout).toMatch(/1 个方案 plans，2 项任务 tasks，0 个文件跳过 files skipped，用时 built in \d+ ms/);
    expect(r.stdout).not.toMatch(/\(s\)/);
    const j = JSON.parse(plans(['index', '--json', '--corpus', corpus], env).stdout) as { plans: { tasks: number }[] };
    expect(j.plans[0].tasks).toBe(2); // JSON unchanged
    // where the build's time went (additive): the counterpart pass is reported on its own
    const t = (JSON.parse(plans(['index', '--json', '--corpus', corpus], env).stdout) as { timings: Record<string, number> }).timings;
    expect(Object.keys(t).sort()).toEqual(['counterparts', 'extract', 'search', 'units']);
    expect(r.stdout).toMatch(/对应任务 counterparts \d+ ms/);
  });
  it('plans index --explain FILE: "== FILE: N 项任务 tasks"', () => {
    const r = plans(['index', '--explain', 'shuju.txt', '--corpus', corpus], env);
    expect(r.stdout).toContain('== shuju.txt: 2 项任务 tasks');
  });
  it('plans search: the count line reads "N 项任务 tasks"', () => {
    const r = plans(['search', '数据普查', '--corpus', corpus], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^1 项任务 tasks$/m);
    expect(r.stdout).not.toMatch(/task\(s\)/);
  });
  it('plans mine: summary lines read 中文 English', () => {
    const dataDir = tempDataDir();
    expect(plans(['mine', 'units', 'set', '市审计局', '--corpus', corpus], { ...env, PLANS_DATA_DIR: dataDir }).code).toBe(0);
    const r = plans(['mine', '--corpus', corpus, '--as-of', '2022-01-15'], { ...env, PLANS_DATA_DIR: dataDir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^我的清单 My checklist {2}/m);
    expect(r.stdout).toMatch(/^我的单位 My units：市审计局/m);
    expect(r.stdout).toMatch(/^完成 done 0\/2　逾期 overdue \d+/m);
    const out = join(mkdtempSync(join(tmpdir(), 'plans-language-out-')), 'a.csv');
    const x = plans(['mine', 'export', '--format', 'csv', '--out', out, '--corpus', corpus, '--as-of', '2022-01-15'], { ...env, PLANS_DATA_DIR: dataDir });
    expect(x.code, x.stderr).toBe(0);
    expect(x.stderr).toContain(`已写入 wrote 2 项任务 tasks → ${out}`);
  });
});
