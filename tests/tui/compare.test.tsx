import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { assertFrameIntact, KEY, realQuery, renderApp, type Driven } from './helpers.js';
import { shortUnit } from '../../src/tui/format.js';
import { compareMatrix, obligationCell } from '../../src/tui/views/compare.js';
import { displayWidth, truncateWidth } from '../../src/util/text.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

/** Display columns at which a line has the column separator │ (its box borders excluded). */
function separatorColumns(line: string): number[] {
  const cols: number[] = [];
  let w = 0;
  const chars = [...line];
  chars.forEach((ch, i) => {
    if (ch === '│' && i > 0 && i < chars.length - 1) cols.push(w);
    w += displayWidth(ch);
  });
  return cols;
}

describe('对比 view (real corpus)', () => {
  it('2 opens the matrix: themes × all five plans, each cell earliest deadline (YYYY-MM), count, lead unit', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.press(KEY.esc, '2');
    const f = app.frame();
    const q = realQuery();
    expect(f).toContain('对比 Compare');
    const header = f.split('\n').find((l) => l.includes('主题 \\ 方案'))!;
    for (const p of q.plans()) expect(header).toContain(q.planTag(p.id));
    expect(f).toContain(`${q.themes().length} 个主题 × ${q.plans().length} 个方案`);

    // The first theme's row: first line holds "YYYY-MM n项" per plan, second line the lead unit.
    const theme = q.themes()[0];
    const lines = f.split('\n');
    const i = lines.findIndex((l) => l.includes(`› ${theme.label}`));
    expect(i).toBeGreaterThan(0);
    for (const p of q.plans()) {
      const c = q.matrixCell(theme.id, p.id);
      if (c.count === 0) continue;
      expect(lines[i]).toContain(`${c.earliest ? c.earliest.slice(0, 7) : '无期限'} ${c.count}`);
      if (c.lead) expect(lines[i + 1]).toContain(truncateWidth(shortUnit(c.lead), 8, '').slice(0, 3));
    }
    assertFrameIntact(f, 100, 30);
  });

  it('shows — for an empty cell', async () => {
    const q = realQuery();
    const empty = q.themes().flatMap((t) => q.plans().map((p) => ({ t, p, c: q.matrixCell(t.id, p.id) }))).find((x) => x.c.count === 0);
    app = await renderApp({ columns: 160, rows: 48 });
    await app.press(KEY.esc, '2');
    if (empty) {
      const row = app.frame().split('\n').find((l) => l.includes(empty.t.label))!;
      expect(row).toContain('—');
    }
    assertFrameIntact(app.frame(), 160, 48);
  });

  it('Enter opens the side-by-side view of the theme; space hides a plan; columns scroll together; Esc returns', async () => {
    app = await renderApp({ columns: 120, rows: 36 });
    await app.press(KEY.esc, '2', KEY.enter);
    const q = realQuery();
    const theme = q.themes()[0];
    let f = app.frame();
    expect(f).toContain(`并排 ${theme.label}`);
    expect(f).toContain('[x]安徽');
    const cols = q.compare(theme.id).columns;
    for (const c of cols) expect(f).toContain(`${q.planTag(c.planId)} ${c.tasks.length}项`);
    expect(f).toContain('5/5 个方案');
    assertFrameIntact(f, 120, 36);

    await app.press(' ');
    f = app.frame();
    expect(f).toContain('[ ]安徽');
    expect(f).toContain('4/5 个方案');
    expect(f).not.toContain(`安徽 ${cols[0].tasks.length}项`);
    await app.press(KEY.right, KEY.right, ' ');
    expect(app.frame()).toContain('[ ]福建');
    expect(app.frame()).toContain('3/5 个方案');
    await app.press('a');
    expect(app.frame()).toContain('5/5 个方案');

    const bodyBefore = app.lines().slice(4, 8).join('\n');
    await app.press(KEY.pageDown);
    const bodyAfter = app.lines().slice(4, 8).join('\n');
    expect(bodyAfter).not.toEqual(bodyBefore);

    await app.press(KEY.esc);
    expect(app.frame()).toContain('对比 Compare');
  });

  it('side-by-side columns stay aligned at 80x24 however far they scroll', async () => {
    app = await renderApp({ columns: 80, rows: 24 });
    await app.press(KEY.esc, '2');
    for (let theme = 0; theme < 3; theme++) {
      await app.press(KEY.enter);
      for (let page = 0; page < 3; page++) {
        const body = app.lines().slice(4, 22);
        const expected = separatorColumns(app.lines()[3]);
        expect(expected.length).toBe(4);
        for (const l of body) expect(separatorColumns(l), l).toEqual(expected);
        assertFrameIntact(app.frame(), 80, 24);
        await app.press(KEY.pageDown);
      }
      await app.press(KEY.esc, KEY.down);
    }
  });
});

describe('对比 obligation by obligation (real corpus)', () => {
  it('o shows a row per requirement with a cell per plan (deadline, lead unit, — where a plan has none); Enter opens the cell; s sorts; Esc back', async () => {
    app = await renderApp({ columns: 120, rows: 30 });
    await app.press(KEY.esc, '2', 'o');
    const q = realQuery();
    const rows = q.obligations('plans');
    expect(rows.length).toBeGreaterThan(10);
    // every task stands in one row at most, and the rows with the most plans come first
    const ids = rows.flatMap((r) => r.cells.filter(Boolean).map((t) => t!.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1].plans).toBeGreaterThanOrEqual(rows[i].plans);
    const f = app.frame();
    expect(f).toContain('逐项对比 Obligation by obligation');
    expect(f).toContain(`${rows.length} 项义务 × ${q.plans().length} 个方案`);
    const first = rows[0];
    expect(f).toContain(`› ${first.plans}/${q.plans().length}`);
    assertFrameIntact(f, 120, 30);
    // a row that some plan lacks shows — in that plan's cell
    expect(rows.some((r) => r.cells.includes(null))).toBe(true);
    // Enter on the first cell opens that plan's task of the row
    await app.press(KEY.enter);
    const t = first.cells[0] ?? null;
    if (t) expect(app.frame()).toContain(`详情 ${q.planTag(t.planId)} ${t.source.file}:${t.source.line}`);
    await app.press(KEY.esc);
    expect(app.frame()).toContain('逐项对比');
    await app.press('s');
    expect(app.frame()).toContain('按期限差排序');
    const spread = q.obligations('spread');
    for (let i = 1; i < spread.length; i++) expect(spread[i - 1].spreadDays ?? -1).toBeGreaterThanOrEqual(spread[i].spreadDays ?? -1);
    await app.press(KEY.esc);
    expect(app.frame()).toContain('对比 Compare');
  });
});

describe('对比 on plans of another topic (no themed task)', () => {
  it('opens obligation by obligation, with the shared requirement in one row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-tui-topic-'));
    writeFileSync(join(dir, 'p.txt'), '平江县2024年河湖长制工作要点\n一、重点任务\n1.开展河道清四乱。6月底前完成县域河道乱占乱采乱堆乱建问题清理。（县水利局负责）\n2.加强饮用水源保护。年底前完成乡镇级饮用水水源地规范化建设。（县生态环境分局负责）');
    writeFileSync(join(dir, 'q.txt'), '安溪县2024年河湖长制实施方案\n一、主要任务\n1.整治河湖四乱问题。8月底前完成全县河湖乱占、乱采、乱堆、乱建问题清理整治。（县水利局负责）\n2.推进河湖智慧监管。年底前建成河湖视频监控平台。（县大数据中心负责）');
    const q = new PlansQuery(loadKnowledgeBase({ corpusDir: dir, cachePath: null }).kb, {});
    expect(q.tasks().every((t) => t.themes.length === 0)).toBe(true);
    app = await renderApp({ columns: 100, rows: 24, env: { query: q, corpusDir: dir, asOf: '2024-03-01' } });
    await app.press(KEY.esc, '2');
    const f = app.frame();
    expect(f).toContain('逐项对比 Obligation by obligation');
    expect(f).toMatch(/› 2\/2 .*2024-06 +县水利局 +2024-08 +县水利局/);
    assertFrameIntact(f, 100, 24);
  });
});

describe('an obligation cell', () => {
  const t = (lead: string | null, role: 'lead' | 'support' = 'lead') =>
    ({ id: 'x', deadlines: [{ raw: '6月底前', date: '2024-06-30', recurring: null, precision: 'month' }], units: lead ? [{ name: lead, canonical: lead, kind: null, role }] : [] }) as unknown as Parameters<typeof obligationCell>[0];
  it('deadline and lead unit; a long unit cut with …, none shown when the task names no lead', () => {
    const wide = obligationCell(t('县水利局'), 30, false)[0];
    expect(wide).toBe(`2024-06 ${shortUnit('县水利局')}`);
    const narrow = obligationCell(t('县农业农村和水利水产局'), 14, false)[0];
    expect(narrow.endsWith('…')).toBe(true);
    expect(displayWidth(narrow)).toBeLessThanOrEqual(14);
    expect(obligationCell(t('县财政局', 'support'), 30, false)[0]).not.toContain('财政');
    expect(obligationCell(t(null), 30, false)[0]).not.toContain('—');
    // 市委 is part of the name: the short form of 市委宣传部 is not 委宣传部
    expect(shortUnit('市委宣传部')).toBe('市委宣传部');
    expect(shortUnit('省发展改革委')).toBe('发展改革委');
  });
  it('— for a plan without the obligation, ↗ 另见 when its counterpart stands in another row', () => {
    expect(obligationCell(null, 20, false)).toEqual(['—']);
    expect(obligationCell(null, 20, false, t('县水利局'))).toEqual(['↗ 另见']);
  });
});

describe('the theme matrix on plans of another topic', () => {
  it('lists the themes some plan has first, in their order; those no plan has after them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-matrix-'));
    writeFileSync(join(dir, 'fire.txt'), ['某县2025年消防工作要点', '一、重点任务', '（一）严格考核评价。县政府将消防工作纳入年度目标考核，2025年12月底前完成考核。', '（二）加强组织领导。县消防安全委员会牵头，2025年3月底前成立工作专班。'].join('\n'));
    const q = new PlansQuery(loadKnowledgeBase({ corpusDir: dir, cachePath: null }).kb);
    const rows = compareMatrix(q);
    const some = rows.filter((r) => r.total > 0).map((r) => r.theme.id);
    expect(some.length).toBeGreaterThan(0);
    expect(rows.slice(0, some.length).map((r) => r.theme.id)).toEqual(some);
    expect(rows.length).toBe(q.themes().length);
    const order = q.themes().map((t) => t.id);
    expect(some).toEqual(order.filter((id) => some.includes(id)));
  });
});
