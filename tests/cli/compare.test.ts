import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, plans, tempDataDir } from './helpers.js';
import type { Task } from '../../src/types.js';

let env: Record<string, string>;
beforeAll(() => {
  ensureBuilt();
  env = { PLANS_DATA_DIR: tempDataDir() };
});

describe('plans compare', () => {
  it('--json prints {theme, columns:[{planId, province, tasks}]}, one column per plan', () => {
    const r = plans(['compare', 'audit', '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { theme: { id: string; label: string }; columns: Array<{ planId: string; province: string | null; tasks: Task[] }> };
    expect(Object.keys(out).sort()).toEqual(['columns', 'theme']);
    expect(out.theme.id).toBe('audit');
    expect(out.columns.map((c) => c.planId).sort()).toEqual(['anhui', 'chongqing', 'fujian', 'hebei', 'hunan']);
    for (const c of out.columns) {
      expect(Object.keys(c).sort()).toEqual(['planId', 'province', 'tasks']);
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

  it('a missing theme is bad usage (exit 2)', () => {
    expect(plans(['compare'], env).code).toBe(2);
  });
});
