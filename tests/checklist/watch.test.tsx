/** 我的清单 and changes made from another shell (issue 12, item 8). */
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvContext, type AppEnv } from '../../src/tui/context.js';
import { MineViewCore } from '../../src/tui/views/mine.js';
import { Checklist } from '../../src/checklist/api.js';
import { ChecklistStore } from '../../src/checklist/store.js';
import { PlansQuery } from '../../src/query/index.js';
import { syntheticKb, tmp } from './helpers.js';

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));
let unmount: (() => void) | null = null;
afterEach(() => {
  unmount?.();
  unmount = null;
});

/** A checklist with my unit 审计 already set, as `plans mine units set 审计` in another shell would leave it. */
function prepared() {
  const dataDir = tmp();
  const query = new PlansQuery(syntheticKb());
  const other = new Checklist(new ChecklistStore({ dataDir }), query, { asOf: '2018-01-15' });
  other.setUnits([{ type: 'kind', value: '审计' }]);
  return { dataDir, query, other };
}

function open(dataDir: string, query: PlansQuery, props: { pollMs: number; watch?: boolean }) {
  const env: AppEnv = { query, asOf: '2018-01-15', color: false, dataDir, upcomingDays: 30 };
  const api = new Checklist(new ChecklistStore({ dataDir }), query, { asOf: env.asOf });
  const ui = render(
    <EnvContext.Provider value={env}>
      <MineViewCore api={api} active width={110} height={24} top={1} openTask={() => {}} setCapture={() => {}} {...props} />
    </EnvContext.Provider>,
  );
  unmount = () => ui.unmount();
  return ui;
}

async function frameHas(ui: ReturnType<typeof render>, want: RegExp | string, ms: number): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const f = ui.lastFrame() ?? '';
    if (typeof want === 'string' ? f.includes(want) : want.test(f)) return f;
    if (Date.now() - t0 > ms) throw new Error(`not on screen within ${ms} ms: ${String(want)}\n${f}`);
    await tick(10);
  }
}

describe('我的清单 follows the file', () => {
  it('a change made right after the view opens shows up at once (file watch), long before the poll', async () => {
    const { dataDir, query, other } = prepared();
    const ui = open(dataDir, query, { pollMs: 60_000 });
    await frameHas(ui, '完成 0/3', 2000);
    other.mark('ah-001', { status: 'done' }); // within the first moments: the old poll took its baseline after 1.5 s and missed it
    await frameHas(ui, '完成 1/3', 2000);
    other.mark('hb-001', { status: 'na' });
    await frameHas(ui, '[-] 不适用', 2000);
  });
  it('without a file watch, the poll still catches a change made before its first tick', async () => {
    const { dataDir, query, other } = prepared();
    const ui = open(dataDir, query, { pollMs: 150, watch: false });
    await frameHas(ui, '完成 0/3', 2000);
    other.mark('ah-001', { status: 'done' });
    await frameHas(ui, '完成 1/3', 2000);
  });
  it('n and d start from the note and due date in the file, not the ones on screen', async () => {
    const { dataDir, query, other } = prepared();
    const ui = open(dataDir, query, { pollMs: 0, watch: false }); // nothing refreshes the screen
    await frameHas(ui, /› \[ \] 待办/, 2000);
    await tick(30);
    other.mark('ah-001', { note: '另一窗口写的备注', due: '2018-03-31' });
    ui.stdin.write('n');
    await frameHas(ui, '备注› 另一窗口写的备注', 2000);
    ui.stdin.write('\u001b');
    await tick(50);
    ui.stdin.write('d');
    await frameHas(ui, /2018-03-31/, 2000);
  });
  it('space cycles from the status in the file', async () => {
    const { dataDir, query, other } = prepared();
    const ui = open(dataDir, query, { pollMs: 0, watch: false });
    await frameHas(ui, /› \[ \] 待办/, 2000);
    await tick(30);
    other.mark('ah-001', { status: 'done' }); // the screen still says 待办
    ui.stdin.write(' ');
    await frameHas(ui, /› \[-\] 不适用/, 2000); // done → na, not todo → doing
    expect(new ChecklistStore({ dataDir }).read().entries['ah-001'].status).toBe('na');
  });
});
