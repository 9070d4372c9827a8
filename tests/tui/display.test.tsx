/** What reaches the screen: bidi and zero-width characters neutralised, no stray Markdown escapes in detail. */
import { afterEach, describe, expect, it } from 'vitest';
import { PlansQuery } from '../../src/query/index.js';
import { clean } from '../../src/tui/layout.js';
import { detailLines, detailMarkdown, loadMarkdown, plainMarkdown } from '../../src/tui/markdown.js';
import type { Task } from '../../src/types.js';
import { assertFrameIntact, KEY, realQuery, renderApp, type Driven } from './helpers.js';
import { corpusReader } from '../../src/kb/source.js';

const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

describe('bidi overrides and zero-width characters', () => {
  it('clean() removes them (U+202E, U+200B, U+2066…U+2069, U+FEFF) and keeps the text', () => {
    expect(clean('省\u202e审计厅\u200b牵头\u2067x\u2069\ufeff')).toBe('省审计厅牵头x');
    expect(INVISIBLE.test(clean('a\u200d\u200e\u200f\u061cb'))).toBe(false);
  });
  it('a task text with U+202E / U+200B keeps the right border in the list, the preview and the detail', async () => {
    const base = realQuery().exportKnowledgeBase();
    const evil: Task = { ...base.tasks[0], id: 'evil-bidi', text: '反转\u202e测试文本\u200b僵尸系统清理\u202c工作', units: [{ name: '省\u202e审计厅', canonical: '省审计厅', kind: '审计', role: 'lead' }] };
    const q = new PlansQuery({ ...base, tasks: [evil, ...base.tasks.slice(1)] }, { source: corpusReader('corpus') });
    app = await renderApp({ columns: 100, rows: 30, env: { query: q } });
    await app.type('反转');
    let f = app.frame();
    expect(f).toContain('反转测试文本僵尸系统清理工作');
    expect(f).not.toMatch(INVISIBLE);
    assertFrameIntact(f, 100, 30);
    await app.press(KEY.enter);
    f = app.frame();
    expect(f).toContain('详情');
    expect(app.raw()).not.toMatch(INVISIBLE);
    assertFrameIntact(f, 100, 30);
  });
});

describe('detail Markdown', () => {
  it('工信/经信 and other punctuation in list items show without a backslash', async () => {
    const render = await loadMarkdown();
    const q = realQuery();
    const t = q.tasks().find((x) => x.units.some((u) => u.kind === '工信/经信'));
    expect(t, 'a task with a 工信/经信 unit in the bundled corpus').toBeDefined();
    const task: Task = { ...t!, deadlines: [{ raw: '2018年6月底前（含）*', date: '2018-06-30', recurring: null, precision: 'month' }] };
    const lines = detailLines(render, detailMarkdown(q, task, null), 100, false).join('\n');
    expect(lines).toContain('[工信/经信]');
    expect(lines).toContain('2018年6月底前（含）*');
    expect(lines).not.toMatch(/\\[/()*\[\]]/);
  });
  it('before marked has loaded, the same facts as plain lines (no markup, no escapes), the span marked', async () => {
    const q = realQuery();
    const t = q.tasks().find((x) => x.units.some((u) => u.kind === '工信/经信') && x.deadlines.length)!;
    const ctx = q.context(t);
    const plain = detailLines(plainMarkdown, detailMarkdown(q, t, ctx), 100, false);
    const styled = detailLines(await loadMarkdown(), detailMarkdown(q, t, ctx), 100, false).map((l) => l.trim()).filter(Boolean);
    const text = plain.join('\n');
    expect(text).not.toMatch(/\*\*|^#|\\/m);
    expect(text).toContain('[工信/经信]');
    expect(text).toContain(t.deadlines[0].raw);
    expect(text).toContain('\u001b[7m');
    // every line marked prints holds its words in the plain rendering too
    const sgr = /\u001b\[[0-9;]*m/g;
    const flat = text.replace(sgr, '').replace(/\s+/g, '');
    for (const l of styled) expect(flat, l).toContain(l.replace(sgr, '').replace(/^[│>]\s*/, '').replace(/\s+/g, ''));
  });
});
