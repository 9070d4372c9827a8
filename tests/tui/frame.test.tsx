import { corpusReader } from '../../src/kb/source.js';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { assertFrameIntact, KEY, realQuery, renderApp, tick, type Driven } from './helpers.js';
import { App } from '../../src/tui/app.js';
import { VIEWS } from '../../src/tui/views/registry.js';
import { searchView } from '../../src/tui/views/search.js';
import { compareView } from '../../src/tui/views/compare.js';
import { timelineView } from '../../src/tui/views/timeline.js';
import { Panel } from '../../src/tui/components/Panel.js';
import { Line } from '../../src/tui/components/Line.js';
import { EnvContext } from '../../src/tui/context.js';
import { stripControl } from '../../src/util/text.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('the frame', () => {
  it('views are a registry: 1 搜索 2 对比 3 时间线 first, a 4th slot by one entry', () => {
    expect(VIEWS.slice(0, 3).map((v) => `${v.key} ${v.label}`)).toEqual(['1 搜索', '2 对比', '3 时间线']);
    expect(VIEWS.slice(0, 3)).toEqual([searchView, compareView, timelineView]);
  });

  it('number keys switch views outside the input; each view keeps its state', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('审计');
    await app.press(KEY.esc, '2');
    expect(app.frame()).toContain('对比 Compare');
    await app.press('3');
    expect(app.frame()).toContain('时间线 · 按方案');
    await app.press('1');
    expect(app.frame()).toContain('搜索› 审计');
  });

  it('Esc and a number key arriving as one chunk (a busy app) still switch views', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('僵尸');
    await app.press(KEY.esc + '2');
    expect(app.frame()).toContain('对比 Compare');
    await app.press('1', '/', KEY.esc);
    const t = Date.now();
    while (Date.now() - t < 100) {
      /* busy */
    }
    await app.press('3');
    expect(app.frame()).toContain('时间线 · 按方案');
  });

  it('? toggles a help overlay listing the keys of the current view', async () => {
    app = await renderApp({ columns: 100, rows: 40 });
    await app.press(KEY.esc, '?');
    let f = app.frame();
    expect(f).toContain('帮助 Help — 1 搜索');
    for (const e of searchView.help.flatMap((s) => s.entries)) expect(f).toContain(e.keys);
    expect(f).toContain('Ctrl+C');
    assertFrameIntact(f, 100, 40);
    await app.press('?');
    expect(app.frame()).not.toContain('帮助 Help');
    await app.press('2', '?');
    f = app.frame();
    expect(f).toContain('帮助 Help — 2 对比');
    expect(f).toContain('并排 Side by side');
    await app.press(KEY.esc, '3', '?');
    expect(app.frame()).toContain('帮助 Help — 3 时间线');
    expect(app.frame()).toContain('按方案 / 按主题分行');
  });

  it('below 80x24 a one-line "enlarge the terminal" message replaces the layout; resizing back restores it', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('僵尸');
    await app.resize(60, 20);
    const f = app.frame();
    expect(f.split('\n')).toHaveLength(1);
    expect(f).toContain('enlarge the terminal');
    expect(f).toContain('60×20');
    expect(f.length).toBeLessThanOrEqual(60 * 2);
    await app.resize(79, 30);
    expect(app.frame()).toContain('enlarge the terminal');
    await app.resize(80, 24);
    expect(app.frame()).toContain('搜索› 僵尸');
    assertFrameIntact(app.frame(), 80, 24);
  });

  it('does not crash at tiny or huge sizes', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    for (const [c, r] of [
      [1, 1],
      [10, 3],
      [80, 24],
      [200, 60],
      [81, 25],
    ]) {
      await app.resize(c, r);
      expect(app.frame().length).toBeGreaterThan(0);
    }
    assertFrameIntact(app.frame(), 81, 25);
  });

  it('every view keeps its boxes intact at 80x24 and 160x48', async () => {
    for (const [c, r] of [
      [80, 24],
      [160, 48],
    ]) {
      app = await renderApp({ columns: c, rows: r });
      await app.type('僵尸');
      assertFrameIntact(app.frame(), c, r);
      await app.press(KEY.esc, '2');
      assertFrameIntact(app.frame(), c, r);
      await app.press(KEY.enter);
      assertFrameIntact(app.frame(), c, r);
      await app.press(KEY.esc, '3');
      assertFrameIntact(app.frame(), c, r);
      await app.press('1', KEY.enter);
      await tick(300);
      assertFrameIntact(app.frame(), c, r);
      app.unmount();
      app = null;
    }
  });

  it('CJK text with an ellipsis never eats the right border of a 20-column box (the Ink 6.8 pitfall)', () => {
    const env = { query: realQuery(), asOf: '2018-01-15', color: false, upcomingDays: 30 };
    const ui = render(
      <EnvContext.Provider value={env}>
        <Panel width={20} height={4}>
          <Line width={18} segs={[{ text: '河北省政务信息系统整合共享实施方案' }]} />
          <Line width={18} segs={[{ text: 'ab河北省政务信息系统整合共享实施方案' }]} />
        </Panel>
      </EnvContext.Provider>,
    );
    const lines = ui.lastFrame()!.split('\n');
    expect(lines[1]).toBe('│河北省政务信息系… │');
    expect(lines[2]).toBe('│ab河北省政务信息… │');
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(20);
    ui.unmount();
  });

  it('control and escape sequences in corpus text never reach the screen', async () => {
    const q = realQuery();
    const base = q.exportKnowledgeBase();
    const evil = { ...base.tasks[0], id: 'evil-1', text: '恶意\u001b[2J\u001b]0;title\u0007文本\u0007僵尸 \u009b31m' };
    const { PlansQuery } = await import('../../src/query/index.js');
    const q2 = new PlansQuery({ ...base, tasks: [evil, ...base.tasks.slice(1)] }, { source: corpusReader('corpus') });
    app = await renderApp({ columns: 100, rows: 30, env: { query: q2 } });
    await app.type('恶意');
    const raw = app.raw();
    expect(raw).not.toContain('\u001b[2J');
    expect(raw).not.toContain('\u001b]0;');
    expect(raw).not.toContain('\u0007');
    expect(app.frame()).toContain(stripControl('恶意文本僵尸'));
  });

  it('q quits outside the input; Ctrl+C quits anywhere', async () => {
    let exited = 0;
    const env = { query: realQuery(), asOf: '2018-01-15', color: false, upcomingDays: 30 };
    const ui = render(<App env={env} />);
    // ink-testing-library has no waitUntilExit: the app's exit() unmounts, after which input changes nothing.
    const before = ui.frames.length;
    ui.stdin.write('q');
    await tick();
    expect(ui.lastFrame()).toContain('搜索› q'); // typed into the input
    ui.stdin.write('\u0003');
    await tick();
    const after = ui.frames.length;
    ui.stdin.write('僵尸');
    await tick();
    expect(ui.frames.length).toBe(after);
    expect(after).toBeGreaterThan(before);
    exited++;
    expect(exited).toBe(1);
  });
});

describe('5 方案: every file of the corpus folder', () => {
  it('lists the plans with their counts and the files not read with their reasons', async () => {
    const { mkdtempSync, copyFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadKnowledgeBase } = await import('../../src/kb/load.js');
    const { PlansQuery } = await import('../../src/query/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'plans-status-'));
    copyFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'hebei.txt'), join(dir, 'hebei.txt'));
    writeFileSync(join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    writeFileSync(join(dir, 'README.md'), '# 说明');
    const { kb, skipped } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
    const app = await renderApp({ columns: 100, rows: 30, env: { query: new PlansQuery(kb, {}), skipped, corpusDir: dir } });
    try {
      await app.press(KEY.esc, '5');
      const f = app.frame();
      expect(f).toContain('方案与文件 Plans and files');
      expect(f).toMatch(/河北\s+hebei\.txt\s+27\s+/);
      expect(f).toContain('未读入的文件 Files not read (2)');
      expect(f).toMatch(/old\.doc: cannot be read: an old Word \.doc/);
      expect(f).toMatch(/README\.md: not a plan/);
      assertFrameIntact(f, 100, 30);
    } finally {
      app.unmount();
    }
  });
});
