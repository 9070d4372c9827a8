import { beforeAll, describe, expect, it } from 'vitest';
import { ESC, ensureBuilt, plans, tempDataDir } from './helpers.js';
import type { Plan, Task } from '../../src/types.js';

let env: Record<string, string>;
let task: Task;
beforeAll(() => {
  ensureBuilt();
  env = { PLANS_DATA_DIR: tempDataDir() };
  const r = plans(['search', '省审计厅', '--json', '--limit', '1'], env);
  task = (JSON.parse(r.stdout) as Array<{ task: Task }>)[0].task;
});

describe('plans show', () => {
  it('renders section path, text, deadlines, units by role, source file:line, same theme elsewhere (plain with NO_COLOR)', () => {
    const r = plans(['show', task.id], { ...env, NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toMatch(/^#|\*\*/m);
    expect(r.stdout).toContain(task.section.join(' › '));
    expect(r.stdout).toContain(task.text);
    for (const d of task.deadlines) expect(r.stdout).toContain(`${d.raw} → ${d.date ?? '—'}`);
    expect(r.stdout).toContain('牵头 lead');
    expect(r.stdout).toContain(`${task.source.file}:${task.source.line}`);
    // the task in the other plans: its counterparts (as `plans counterparts` lists them) first, then the theme
    expect(r.stdout).toContain('在其他方案 In other plans');
    const cps = JSON.parse(plans(['counterparts', task.id, '--json'], env).stdout) as Array<{ task: Task; score: number }>;
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('在其他方案'));
    cps.slice(0, 30).forEach((c, i) => expect(lines[at + 1 + i]).toContain(`对应 ${c.score.toFixed(2)} `));
    cps.slice(0, 30).forEach((c, i) => expect(lines[at + 1 + i]).toContain(c.task.id));
    expect(lines[at]).toContain(`(${cps.length} 对应 counterparts`);
  });

  it('renders Markdown through marked-terminal when colour is on', () => {
    const r = plans(['show', task.id], { ...env, FORCE_COLOR: '1' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(ESC);
    expect(r.stdout).toContain(`${task.source.file}:${task.source.line}`);
  });

  it('--json prints {task, plan, sameTheme}', () => {
    const r = plans(['show', task.id, '--json'], env);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { task: Task; plan: Plan; sameTheme: Task[] };
    expect(Object.keys(out).sort()).toEqual(['plan', 'sameTheme', 'task']);
    expect(out.task).toEqual(task);
    expect(out.plan.id).toBe(task.planId);
    expect(out.sameTheme.length).toBeGreaterThan(0);
    for (const o of out.sameTheme) {
      expect(o.planId).not.toBe(task.planId);
      expect(o.themes.some((t) => task.themes.includes(t))).toBe(true);
    }
  });

  it('an unknown id fails with exit 1 and a plain message on stderr', () => {
    const r = plans(['show', 'no-such-task'], { ...env, FORCE_COLOR: '1' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('no task "no-such-task" in the knowledge base');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('a missing id is bad usage (exit 2)', () => {
    const r = plans(['show'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: plans show TASK_ID');
  });
});
