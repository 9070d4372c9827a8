import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/util/text.js';
import { assertFrameIntact, KEY, realQuery, renderApp, type Driven } from './helpers.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const TAGS = ['安徽', '重庆', '福建', '河北', '湖南'];

/** Result rows of the list box: lines "│  安徽 2017-12 …│" / "│› 安徽 …". */
function resultRows(frame: string): string[] {
  return frame.split('\n').filter((l) => /^[│┃][› ] (安徽|重庆|福建|河北|湖南) /.test(l));
}

describe('搜索 view (real corpus)', () => {
  it('starts in the search input and lists every task; the frame is intact at 80x24', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    const f = app.frame();
    expect(f).toContain('1 搜索');
    expect(f).toContain('2 对比');
    expect(f).toContain('3 时间线');
    expect(f).toContain('搜索›');
    expect(f).toMatch(new RegExp(`${realQuery().tasks().length} 条`));
    assertFrameIntact(f, 80, 24);
  });

  it('the as-of date stays in the top row at 80 columns (its English term only where it fits)', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    expect(app.lines()[0]).toMatch(/截至 2018-01-15$/);
    app.unmount();
    app = await renderApp({ columns: 120, rows: 30 });
    expect(app.lines()[0]).toMatch(/截至 as of 2018-01-15$/);
  });

  it('a pasted query wider than the input shows its end (where the cursor is) with … at the start, at 80 columns', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    const query = '开头' + '政务信息系统整合共享'.repeat(4) + '僵尸结尾';
    expect(displayWidth('搜索› ' + query)).toBeGreaterThan(80);
    await app.press(query); // one chunk, as a paste arrives
    const line = app.lines().find((l) => l.startsWith('搜索›'))!;
    expect(line.trimEnd().endsWith('僵尸结尾')).toBe(true);
    expect(line).toMatch(/^搜索› …/);
    expect(line).not.toContain('开头');
    expect(displayWidth(line)).toBeLessThanOrEqual(80);
    assertFrameIntact(app.frame(), 80, 24);
  });

  it('a keystroke ranks a page of hits; moving down towards its end brings the next page, and the count follows', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    const all = realQuery().search('信息', {}, 1000).length;
    expect(all).toBeGreaterThan(100); // the bundled plans have more than a page of them
    await app.type('信息');
    expect(app.frame()).toContain('100+ 条');
    for (let i = 0; i < 12 && !app.frame().includes(`${all} 条`); i++) await app.press(KEY.pageDown);
    expect(app.frame()).toContain(`${all} 条`);
    // a new query starts from one page again
    await app.press(KEY.ctrlU);
    await app.type('政务');
    expect(app.frame()).toContain('100+ 条');
    assertFrameIntact(app.frame(), 80, 24);
  });

  it('typing 僵尸 character by character shows results from all five plans, matched text visible', async () => {
    app = await renderApp({ columns: 120, rows: 40 });
    await app.type('僵尸');
    const f = app.frame();
    expect(f).toContain('搜索› 僵尸');
    const rows = resultRows(f);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const tag of TAGS) expect(rows.some((r) => r.includes(tag)), `a result from ${tag}`).toBe(true);
    expect(rows.some((r) => r.includes('僵尸'))).toBe(true);
    // the count in the status line equals the query API's answer
    const n = realQuery().search('僵尸', {}, 300).length;
    expect(f).toMatch(new RegExp(`\\n${n} 条`));
    // preview of the selected (first) task
    expect(f).toMatch(/\.txt:\d+/);
    assertFrameIntact(f, 120, 40);
  });

  it('a multi-character IME commit arrives as one string; Backspace removes one character', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.press('审计监督');
    expect(app.frame()).toContain('搜索› 审计监督');
    await app.press(KEY.backspace);
    expect(app.frame()).toContain('搜索› 审计监');
    expect(app.frame()).not.toContain('搜索› 审计监督');
    await app.press(KEY.ctrlU);
    expect(app.frame()).toMatch(/搜索› *\n/);
  });

  it('keys typed in the input are text (q does not quit, 2 does not switch views)', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('q2');
    expect(app.frame()).toContain('搜索› q2');
    expect(app.frame()).toContain('搜索');
  });

  it('filters: p cycles plans, o toggles overdue, x clears — shown in the status line', async () => {
    app = await renderApp({ columns: 100, rows: 30, asOf: '2018-01-15' });
    await app.type('僵尸');
    await app.press(KEY.esc);
    await app.press('p');
    let f = app.frame();
    expect(f).toContain('[p 方案:安徽]');
    let rows = resultRows(f);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.includes('安徽'))).toBe(true);
    await app.press('p');
    f = app.frame();
    expect(f).toContain('[p 方案:重庆]');
    expect(resultRows(f).every((r) => r.includes('重庆'))).toBe(true);

    await app.press('x', 'o');
    f = app.frame();
    expect(f).toContain('[o:逾期 <2018-01-15]');
    const q = realQuery();
    const overdue = q.search('僵尸', { due: 'overdue', asOf: '2018-01-15' }, 300).length;
    expect(overdue).toBeGreaterThan(0);
    expect(f).toMatch(new RegExp(`\\n${overdue} 条`));

    await app.press('x', 't');
    f = app.frame();
    const firstTheme = q.themes()[0];
    expect(f).toContain(`[t 主题:${firstTheme.label}]`);
    await app.press('u');
    expect(app.frame()).toContain('[u 单位:');
    await app.press('x');
    f = app.frame();
    expect(f).not.toContain('[p ');
    expect(f).not.toContain('[t ');
    expect(f).not.toContain('[u ');
  });

  it('moves the selection with j/k and arrows; the preview follows; / returns to the input', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('僵尸');
    const selected = () => resultRows(app!.frame()).find((r) => r.includes('›'))?.slice(1, -1);
    const first = selected();
    expect(first).toBeDefined();
    await app.press(KEY.down);
    const second = selected();
    expect(second).toBeDefined();
    expect(second).not.toEqual(first);
    await app.press(KEY.esc, 'k');
    expect(selected()).toEqual(first);
    await app.press('/');
    await app.type('系统');
    expect(app.frame()).toContain('搜索› 僵尸系统');
  });

  it('a in the list adds the selected task to my checklist (view 4 shows it)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'plans-tui-add-'));
    app = await renderApp({ columns: 120, rows: 40, env: { dataDir } });
    await app.type('僵尸');
    await app.press(KEY.esc, 'a');
    expect(app.frame()).toContain('已加入我的清单');
    const saved = JSON.parse(readFileSync(join(dataDir, 'checklist.json'), 'utf8'));
    expect(JSON.stringify(saved)).toContain(realQuery().search('僵尸', {}, 1)[0].task.id);
    await app.press('4');
    expect(app.frame()).toMatch(/手动.*2017年12月底前，基本完成对系统使用/);
  });

  it('keys typed before the search index is built show at once, and their results as soon as it is', async () => {
    // A query API whose index becomes ready only when the test says so (the real one builds in slices).
    const real = realQuery();
    let ready = false;
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const q = Object.create(real) as typeof real;
    q.searchReady = () => ready;
    q.warmSearchAsync = () => gate.then(() => real.warmSearchAsync()).then(() => void (ready = true));
    let searches = 0;
    q.search = (...args: Parameters<typeof real.search>) => {
      searches++;
      if (!ready) throw new Error('search() called before the index was ready: it would block the keys');
      return real.search(...args);
    };
    app = await renderApp({ columns: 100, rows: 30, env: { query: q }, warm: false });
    await app.type('审计');
    expect(app.frame()).toContain('搜索› 审计');
    expect(app.frame()).toContain('索引中');
    expect(resultRows(app.frame())).toEqual([]);
    expect(searches).toBe(0);
    release();
    await gate;
    await app.press(); // let the view take the ready index
    for (let i = 0; i < 100 && !resultRows(app.frame()).length; i++) await new Promise((r) => setTimeout(r, 20));
    const n = real.search('审计', {}, 300).length;
    expect(resultRows(app.frame()).length).toBeGreaterThan(0);
    expect(app.frame()).toMatch(new RegExp(`\\n${n} 条`));
    expect(app.frame()).not.toContain('索引中');
  });
});
