import { afterEach, describe, expect, it } from 'vitest';
import { assertFrameIntact, KEY, realQuery, renderApp, type Driven } from './helpers.js';
import { padEndWidth } from '../../src/util/text.js';
import { cellText } from '../../src/tui/views/timeline.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const AS_OF = '2018-01-15';

describe('时间线 view (real corpus)', () => {
  it('3 shows months from the data, a row per plan, a marker per deadline (x overdue / o later), the as-of line', async () => {
    app = await renderApp({ columns: 100, rows: 30, asOf: AS_OF });
    await app.press(KEY.esc, '3');
    const q = realQuery();
    const tl = q.timeline({ asOf: AS_OF, upcomingDays: 30 });
    const f = app.frame();
    expect(f).toContain('时间线 · 按方案');
    expect(f).toContain(`as of ${AS_OF} │`);
    expect(f).toContain(`${tl.months[0]} … ${tl.months.at(-1)}`);
    expect(tl.months.length).toBeGreaterThan(6);

    const iw = 98;
    const cw = Math.max(1, Math.min(6, Math.floor((iw - 8) / tl.months.length)));
    const lines = f.split('\n');
    for (const row of tl.rows) {
      const label = padEndWidth(row.label, 7) + ' ';
      const line = lines.find((l) => l.startsWith('│' + label))!;
      expect(line, `row for ${row.label}`).toBeDefined();
      const body = line.slice(1 + label.length);
      tl.months.forEach((m, i) => {
        const cell = body.slice(i * cw, i * cw + cw).trimEnd();
        const ms = row.cells[m];
        if (ms?.length) expect(cell, `${row.label} ${m}`).toBe(cellText(ms, cw));
        else if (m === tl.asOfMonth) expect(cell).toBe('│');
        else expect(cell).toBe(cw >= 2 ? '·' : '');
      });
    }
    // Overdue markers before the as-of month, later ones after it, told apart without colour.
    const all = Object.values(tl.byMonth).flat();
    expect(all.some((m) => m.status === 'overdue')).toBe(true);
    expect(all.some((m) => m.status === 'later')).toBe(true);
    expect(f).toMatch(/x\d? /);
    expect(f).toMatch(/o\d? /);
    assertFrameIntact(f, 100, 30);
  });

  it('moving the month cursor lists the tasks due that month; Enter opens one', async () => {
    app = await renderApp({ columns: 100, rows: 30, asOf: AS_OF });
    await app.press(KEY.esc, '3');
    const q = realQuery();
    const tl = q.timeline({ asOf: AS_OF, upcomingDays: 30 });
    expect(app.frame()).toContain(`光标 ${tl.asOfMonth}`);
    await app.press(']');
    const next = tl.months.slice(tl.months.indexOf(tl.asOfMonth) + 1).find((m) => tl.byMonth[m]?.length)!;
    let f = app.frame();
    expect(f).toContain(`${next} 到期 ${tl.byMonth[next].length} 项`);
    const firstTask = q.task(tl.byMonth[next][0].taskId)!;
    expect(f).toContain(firstTask.text.slice(0, 8));
    await app.press(KEY.left);
    const prev = tl.months[tl.months.indexOf(next) - 1];
    expect(app.frame()).toContain(`${prev} 到期 ${(tl.byMonth[prev] ?? []).length} 项`);
    await app.press(']', KEY.enter);
    await new Promise((r) => setTimeout(r, 300));
    f = app.frame();
    expect(f).toContain('详情');
    await app.press(KEY.esc);
    expect(app.frame()).toContain('时间线');
  });

  it('g groups rows by theme', async () => {
    app = await renderApp({ columns: 160, rows: 48, asOf: AS_OF });
    await app.press(KEY.esc, '3', 'g');
    const q = realQuery();
    const tl = q.timeline({ asOf: AS_OF, groupBy: 'theme' });
    const f = app.frame();
    expect(f).toContain('按主题');
    for (const r of tl.rows.slice(0, 5)) expect(f).toContain(r.label.slice(0, 4));
    assertFrameIntact(f, 160, 48);
  });

  it('at 80x24 the theme rows that do not fit scroll with J / K', async () => {
    app = await renderApp({ columns: 80, rows: 24, asOf: AS_OF });
    await app.press(KEY.esc, '3', 'g');
    const q = realQuery();
    const rows = q.timeline({ asOf: AS_OF, groupBy: 'theme' }).rows;
    expect(app.frame()).toMatch(new RegExp(`行1-\\d+/${rows.length}`));
    expect(app.frame()).toContain(rows[0].label.slice(0, 4));
    await app.press('J', 'J');
    expect(app.frame()).toMatch(new RegExp(`行3-\\d+/${rows.length}`));
    expect(app.lines().some((l) => l.startsWith('│' + rows[0].label.slice(0, 4)))).toBe(false);
    await app.press('K');
    expect(app.frame()).toMatch(/行2-/);
    assertFrameIntact(app.frame(), 80, 24);
  });

  it('an as-of date after the data range is shown at the edge', async () => {
    app = await renderApp({ columns: 80, rows: 24, asOf: '2026-11-24' });
    await app.press(KEY.esc, '3');
    expect(app.frame()).toContain('as of 2026-11-24 → 晚于范围');
    assertFrameIntact(app.frame(), 80, 24);
  });
});
