import { afterEach, describe, expect, it } from 'vitest';
import { assertFrameIntact, KEY, realQuery, renderApp, tick, type Driven } from './helpers.js';
import { loadMarkdown } from '../../src/tui/markdown.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

async function waitFor(pred: () => boolean, ms = 3000) {
  const t0 = Date.now();
  while (!pred()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for: ${String(pred)}`);
    await tick(20);
  }
}

describe('详情 detail (real corpus)', () => {
  it('Enter opens the task rendered with marked-terminal: section, text, deadlines raw → normalized, units by role, source, paragraph', async () => {
    await loadMarkdown();
    app = await renderApp({ columns: 100, rows: 60 });
    await app.type('僵尸');
    await app.press(KEY.enter);
    await waitFor(() => app!.frame().includes('期限 Deadlines'));
    const q = realQuery();
    const task = q.search('僵尸', {}, 1)[0].task;
    const f = app.frame();
    expect(f).toContain(`${q.planTag(task.planId)} · 任务`);
    expect(f).toContain('章节');
    expect(f).toContain(task.section[0]);
    expect(f).toContain('期限 Deadlines');
    const d = task.deadlines.find((x) => x.date)!;
    expect(f).toContain(`${d.raw} → ${d.date}`);
    expect(f).toContain('责任单位 Units');
    expect(f).toContain('牵头');
    expect(f).toContain(`出处 Source  ${task.source.file}:${task.source.line}`);
    expect(f).toContain('在其他方案');
    // the counterparts come first, marked ≈, each with its plan, deadline and lead unit
    const cps = q.counterparts(task);
    expect(cps.length).toBeGreaterThan(0);
    expect(f).toMatch(new RegExp(`≈ ${q.planTag(cps[0].task.planId)}`));
    assertFrameIntact(f, 100, 60);
  });

  it("the source paragraph shows the task's span in inverse video", async () => {
    await loadMarkdown();
    app = await renderApp({ columns: 100, rows: 60 });
    await app.type('僵尸');
    await app.press(KEY.enter);
    await waitFor(() => app!.frame().includes('出处'));
    // ANSI is stripped by frame(); the raw frame keeps the inverse-video span.
    const q = realQuery();
    const task = q.search('僵尸', {}, 1)[0].task;
    const ctx = q.context(task)!;
    expect(ctx).not.toBeNull();
    const span = ctx.paragraph.slice(ctx.start, ctx.end);
    expect(span.length).toBeGreaterThan(0);
    expect(app.frame()).toContain(span.slice(0, 6));
    // The span opens with inverse video right before its first characters, and closes after it.
    expect(app.raw()).toContain('\u001b[7m' + span.slice(0, 4));
    expect(app.raw()).toContain('\u001b[27m');
  });

  it('Tab focuses the same-theme list; Enter jumps to a task of another plan; Esc goes back step by step', async () => {
    await loadMarkdown();
    app = await renderApp({ columns: 100, rows: 40 });
    await app.type('僵尸');
    await app.press(KEY.enter);
    await waitFor(() => app!.frame().includes('出处'));
    const q = realQuery();
    const task = q.search('僵尸', {}, 1)[0].task;
    const first = app.frame();
    expect(first).toContain(`详情 ${q.planTag(task.planId)} ${task.source.file}:${task.source.line}`);
    await app.press(KEY.tab);
    expect(app.frame()).toContain('Enter 跳转');
    await app.press(KEY.enter);
    await waitFor(() => app!.frame().includes('第2层'));
    const f = app.frame();
    expect(f).toContain('第2层');
    const m = f.match(/详情 (\S+) (\S+\.txt):(\d+)/);
    expect(m).not.toBeNull();
    expect(m![1]).not.toBe(q.planTag(task.planId));
    await app.press(KEY.esc);
    expect(app.frame()).toContain(`详情 ${q.planTag(task.planId)} ${task.source.file}:${task.source.line}`);
    await app.press(KEY.esc);
    expect(app.frame()).toContain('搜索› 僵尸');
  });

  it('scrolls with j/k and PgDn inside a small terminal without breaking the boxes', async () => {
    await loadMarkdown();
    app = await renderApp({ columns: 80, rows: 24 });
    await app.type('僵尸');
    await app.press(KEY.enter);
    await waitFor(() => app!.frame().includes('行'));
    const before = app.frame();
    expect(before).toMatch(/ 1-\d+\/\d+ 行/);
    await app.press(KEY.pageDown);
    expect(app.frame()).not.toMatch(/ 1-\d+\/\d+ 行/);
    assertFrameIntact(app.frame(), 80, 24);
  });
});
