/** `plans show ID --explain` and `plans index --explain [FILE]`: the spans and the rules that fired. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, plans, tempDataDir } from './helpers.js';
import type { Task } from '../../src/types.js';

const PLAN = [
  '某市2022年数据治理工作要点',
  '一、夯实数据基础',
  '1.开展数据普查。6月底前，摸清各部门数据资源底数，形成数据资源目录。（牵头单位：市数据局；配合单位：市财政局）',
  '2.建立考核机制。每季度通报一次工作进展，由市政府督查室负责督办。',
].join('\n');

let env: Record<string, string>;
let corpus: string;
beforeAll(() => {
  ensureBuilt();
  corpus = mkdtempSync(join(tmpdir(), 'plans-explain-'));
  writeFileSync(join(corpus, 'shuju.txt'), PLAN);
  env = { PLANS_DATA_DIR: tempDataDir() };
});

describe('--explain', () => {
  it('plans show ID --explain names the task rule, each deadline and unit with its rule, and the source span', () => {
    const hits = JSON.parse(plans(['search', '数据普查', '--json', '--corpus', corpus], env).stdout) as Array<{ task: Task }>;
    const t = hits[0].task;
    const r = plans(['show', t.id, '--explain', '--corpus', corpus], { ...env, NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${t.id}  task  task/governed-text`);
    expect(r.stdout).toMatch(/deadline 「6月底前」 → 2022-06-30 {2}deadline\/yearless-month/);
    expect(r.stdout).toMatch(/unit {5}「市数据局」 lead {2}unit\/parenthetical/);
    expect(r.stdout).toMatch(/unit {5}「市财政局」 support {2}unit\/parenthetical/);
    expect(r.stdout).toContain('source   shuju.txt:3');
    expect(r.stdout).toContain('span     开展数据普查。6月底前，摸清各部门数据资源底数，形成数据资源目录。（牵头单位：市数据局；配合单位：市财政局）');
  });
  it('plans index --explain FILE prints every task of that file, sentence-level rules included', () => {
    const r = plans(['index', '--explain', 'shuju.txt', '--corpus', corpus], { ...env, NO_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('== shuju.txt: 2 项任务 tasks');
    expect(r.stdout).toMatch(/deadline 「每季度」 → \(no date\) every quarterly {2}deadline\/quarterly/);
    expect(r.stdout).toMatch(/unit {5}「市政府督查室」 supervise {2}unit\/by-unit/);
  });
  it('an unknown FILE is an error that lists the plans', () => {
    const r = plans(['index', '--explain', 'nope.txt', '--corpus', corpus], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('shuju.txt');
  });
});
