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
    expect(head).toMatch(/^方案 plan\s+地方 place\s+任务 tasks\s+正文 prose\s+附件 annex\s+有期限 dated\s+有单位 with units\s+提示 warnings$/);
    expect(r.stdout).toMatch(/1 个方案 plans，2 项任务 tasks，0 个文件跳过 files skipped，用时 built in \d+ ms/);
    expect(r.stdout).not.toMatch(/\(s\)/);
    const j = JSON.parse(plans(['index', '--json', '--corpus', corpus], env).stdout) as { plans: { tasks: number }[] };
    expect(j.plans[0].tasks).toBe(2); // JSON unchanged
    // where the build's time went (additive): the counterpart pass is reported on its own
    const t = (JSON.parse(plans(['index', '--json', '--corpus', corpus], env).stdout) as { timings: Record<string, number> }).timings;
    expect(Object.keys(t).sort()).toEqual(['counterparts', 'extract', 'search', 'units', 'write']);
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

/** Every line a person reads carries Chinese (the English term may stand beside it). */
function everyLineChinese(text: string): void {
  for (const line of text.split('\n').filter((l) => l.trim())) expect(line, `English-only line: ${line}`).toMatch(/[\u4e00-\u9fff]/);
}

describe('checklist maintenance messages: Chinese first, the English term beside it', () => {
  it('relink, prune, mark on an orphan, drop and move-aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-language-mine-'));
    writeFileSync(join(dir, 'shuju.txt'), PLAN);
    const e = { ...env, PLANS_DATA_DIR: tempDataDir() };
    const run = (args: string[]) => {
      const r = plans([...args, '--corpus', dir], e);
      if (!args.includes('--json')) everyLineChinese(r.stdout);
      everyLineChinese(r.stderr);
      return r;
    };
    const ids = JSON.parse(run(['search', '考核机制', '--json']).stdout) as Array<{ task: { id: string } }>;
    const oldId = ids[0].task.id;
    expect(run(['mark', oldId, 'done']).code).toBe(0);
    // The paragraph is edited: the entry is orphaned, with the edited task as its suggestion.
    writeFileSync(join(dir, 'shuju.txt'), PLAN.replace('每季度通报一次工作进展', '每季度通报一次全市工作进展'));
    let r = run(['mine', 'relink']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^重新关联 Re-link：/m);
    r = run(['mine', 'prune']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^plans mine prune：将删除 would remove 0 个孤立条目 orphaned entries（无状态、备注或期限 without status, note or due date）；另有 1 个孤立条目/);
    expect(r.stdout).toMatch(/无需处理 nothing to do。$/m);
    r = run(['mark', oldId, 'doing']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shuju-\S+ {2}进行中/);
    r = run(['mine', 'relink', oldId]);
    expect(r.code, r.stderr).toBe(0);
    const m = /^plans mine：已重新关联 re-linked (\S+) → (\S+)（状态 status 进行中，保留 \d+ 条历史 history events kept）$/m.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    const newId = m![2];
    expect(run(['mine', 'relink']).stdout).toMatch(/^plans mine：没有孤立条目 no orphaned entries/);
    r = run(['mine', 'drop', newId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`plans mine：已删除 ${newId} 的条目 removed the entry。\n`);
    r = run(['mine', 'drop', newId]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`没有 ${newId} 的清单条目 no checklist entry for ${newId}`);
    r = run(['mine', 'move-aside']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/读取正常，无需移开 reads fine/);
  });
  it('plans index --explain: the warnings of the header read 提示 warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-language-warn-'));
    // One stray 0xA0 byte in otherwise UTF-8 text: the plan loads with a warning that names the line.
    const bytes = Buffer.concat([Buffer.from(PLAN.replace('形成数据资源目录', '形成数据资源目录X'), 'utf8')]);
    const at = bytes.indexOf(Buffer.from('X'));
    bytes[at] = 0xa0;
    writeFileSync(join(dir, 'shuju.txt'), bytes);
    const r = plans(['index', '--explain', 'shuju.txt', '--corpus', dir], env);
    expect(r.code, r.stderr).toBe(0);
    const head = r.stdout.split('\n')[0];
    expect(head).toMatch(/^== shuju\.txt: 2 项任务 tasks；提示 warnings：\S/);
    expect(head).not.toContain('; warnings:');
  });
  it('other human messages: units, search without a match, unknown command, show', () => {
    const e = { ...env, PLANS_DATA_DIR: tempDataDir() };
    let r = plans(['search', '不存在的内容', '--corpus', corpus], e);
    expect(r.code).toBe(0); // no match is not an error
    expect(r.stderr).toContain('没有匹配“不存在的内容”的任务 no task matches');
    r = plans(['nosuch'], e);
    expect(r.code).toBe(2);
    everyLineChinese(r.stderr);
    r = plans(['mine', 'units', 'set', '市审计局', '--corpus', corpus], e);
    expect(r.stdout).toMatch(/^我的单位 My units：市审计局 {2}→ 2 项任务 tasks$/m);
    const id = (JSON.parse(plans(['search', '数据普查', '--json', '--corpus', corpus], e).stdout) as Array<{ task: { id: string } }>)[0].task.id;
    r = plans(['show', id, '--corpus', corpus], e);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`编号 id ${id}`);
    expect(r.stdout).toMatch(/shuju\.txt:3（第 1 段 paragraph）|shuju\.txt:3$/m);
  });
});
