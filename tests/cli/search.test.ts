import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESC, ROOT, ensureBuilt, plans, tempDataDir } from './helpers.js';
import type { Task } from '../../src/types.js';

let env: Record<string, string>;
beforeAll(() => {
  ensureBuilt();
  env = { PLANS_DATA_DIR: tempDataDir() };
});

const json = (args: string[]) => {
  const r = plans([...args, '--json'], env);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Array<{ task: Task; score: number }>;
};

describe('plans --help / --version', () => {
  it('--help lists the commands, exit 0', () => {
    const r = plans(['--help'], env);
    expect(r.code).toBe(0);
    for (const c of ['search', 'show', 'compare']) expect(r.stdout).toContain(c);
  });
  it('search --help prints its usage, exit 0', () => {
    const r = plans(['search', '--help'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('plans search [QUERY]');
  });
  it('--version prints the package version', () => {
    const r = plans(['--version'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('plans search', () => {
  it('--json prints an array of {task, score}, exact hits first', () => {
    const hits = json(['search', '僵尸']);
    expect(hits.length).toBeGreaterThan(3);
    for (const h of hits) expect(Object.keys(h).sort()).toEqual(['score', 'task']);
    expect(hits[0].score).toBe(0);
    expect(hits[0].task.text).toContain('僵尸');
    expect(typeof hits[0].task.id).toBe('string');
    expect(Array.isArray(hits[0].task.deadlines)).toBe(true);
  });

  it('pinyin and initials: shenji, sjt', () => {
    expect(json(['search', 'shenji'])[0].task.text).toContain('审计');
    const sjt = json(['search', 'sjt', '--limit', '3']);
    expect(sjt).toHaveLength(3);
    for (const h of sjt) expect(JSON.stringify(h.task.units) + h.task.text).toContain('审计厅');
  });

  it('typo: 僵户系统 finds zombie-system tasks', () => {
    const hits = json(['search', '僵户系统', '--limit', '5']);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].task.themes).toContain('zombie');
  });

  it('--province accepts a plan id or a province name/tag', () => {
    for (const p of ['安徽', '安徽省', 'anhui']) {
      const hits = json(['search', '审计', '--province', p]);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.task.planId === 'anhui')).toBe(true);
    }
  });

  it('--theme, --unit, --after, --before, --limit filter the hits', () => {
    expect(json(['search', '系统', '--theme', 'audit']).every((h) => h.task.themes.includes('audit'))).toBe(true);
    expect(json(['search', '系统', '--unit', '审计']).every((h) => h.task.units.some((u) => u.name.includes('审计') || u.kind === '审计'))).toBe(true);
    const dated = json(['search', '系统', '--after', '2018-01-01', '--before', '2018-06-30']);
    expect(dated.length).toBeGreaterThan(0);
    for (const h of dated) expect(h.task.deadlines.some((d) => d.date && d.date >= '2018-01-01' && d.date <= '2018-06-30')).toBe(true);
    expect(json(['search', '系统', '--limit', '2'])).toHaveLength(2);
  });

  it('an unknown theme is bad usage (exit 2) and lists the theme ids on stderr', () => {
    const r = plans(['search', '审计', '--theme', 'nope'], env);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('unknown theme "nope"');
    expect(r.stderr).toContain('zombie');
    expect(r.stderr).toContain('audit');
  });

  it('bad usage exits 2 with the message on stderr', () => {
    for (const args of [['search'], ['search', '审计', '--limit', '0'], ['search', '审计', '--after', 'June'], ['search', '审计', '--bogus'], ['search', '审计', '--province', '火星']]) {
      const r = plans(args, env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/plans search: .+\nUsage: plans search/);
    }
  });

  it('a missing corpus folder is a failure (exit 1) on stderr', () => {
    const r = plans(['search', '审计', '--corpus', join(ROOT, 'no-such-dir')], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('corpus folder not found');
  });

  it('highlights matches in colour, and NO_COLOR turns colour off', () => {
    const colored = plans(['search', '审计', '--limit', '3'], { ...env, FORCE_COLOR: '1' });
    expect(colored.code).toBe(0);
    expect(colored.stdout).toContain(ESC);
    const plain = plans(['search', '审计', '--limit', '3'], { ...env, FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('\u001b');
    expect(plain.stdout).toContain('审计');
  });

  it('no match is not an error: exit 0, [] in JSON', () => {
    expect(json(['search', '不存在的东西xyzzy'])).toEqual([]);
  });
});
