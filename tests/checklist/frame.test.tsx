/** 我的清单 inside the real app frame (real corpus): view 4, keys routed through the frame, layout intact. */
import { afterEach, describe, expect, it } from 'vitest';
import { assertFrameIntact, KEY, renderApp, type Driven } from '../tui/helpers.js';
import { VIEWS } from '../../src/tui/views/registry.js';
import { ChecklistStore } from '../../src/checklist/store.js';
import { tmp } from './helpers.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

async function until(fn: () => boolean, ms = 3000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for: ${String(fn)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('我的清单 in the app', () => {
  it('is view 4 of the registry', () => {
    expect(VIEWS.map((v) => `${v.key} ${v.label}`)).toContain('4 我的清单');
  });

  it('choose 审计, mark, type q/1/? into a note without quitting or switching; the frame stays intact', async () => {
    const dataDir = tmp();
    app = await renderApp({ columns: 100, rows: 30, env: { dataDir } });
    await app.press(KEY.esc, '4');
    await until(() => app!.frame().includes('按 u 选择我的单位'));
    expect(app.frame()).toContain('按 u 选择我的单位');
    await app.press('u');
    await app.type('审计');
    await until(() => app!.frame().includes('审计（全部方案中的审计类单位）'));
    await app.press(KEY.enter, KEY.esc);
    await until(() => app!.frame().includes('我的单位 审计（类）'));
    let f = app.frame();
    expect(f).toMatch(/完成 0\/\d+/);
    assertFrameIntact(f, 100, 30);
    await app.press(' ', KEY.down, ' ', ' ', KEY.down, 'n');
    await app.type('q1?已联系');
    await app.press(KEY.enter);
    await until(() => app!.frame().includes('备注已保存'));
    f = app.frame();
    expect(f).toContain('4 我的清单');
    expect(f).toMatch(/完成 1\/\d+/);
    const d = new ChecklistStore({ dataDir }).read();
    const entries = Object.values(d.entries);
    expect(entries.map((e) => e.status).sort()).toEqual(['doing', 'done', 'todo']);
    expect(entries.find((e) => e.note)?.note).toBe('q1?已联系');
    await app.resize(80, 24);
    assertFrameIntact(app.frame(), 80, 24);
    await app.press(KEY.enter); // detail with history
    await until(() => app!.frame().includes('变更历史'));
    expect(app.frame()).toContain('— → q1?已联系');
    assertFrameIntact(app.frame(), 80, 24);
  });
});
