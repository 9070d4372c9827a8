import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { EnvContext, type AppEnv } from '../../src/tui/context.js';
import { MineViewCore, mineView } from '../../src/tui/views/mine.js';
import { Checklist } from '../../src/checklist/api.js';
import { ChecklistStore } from '../../src/checklist/store.js';
import { PlansQuery } from '../../src/query/index.js';
import { syntheticKb, tmp } from './helpers.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
async function waitFor(fn: () => boolean, ms = 2000) {
  const t0 = Date.now();
  while (!fn()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await tick(10);
  }
}

function setup(dataDir = tmp()) {
  const query = new PlansQuery(syntheticKb());
  const env: AppEnv = { query, asOf: '2018-01-15', color: false, dataDir, upcomingDays: 30 };
  const api = new Checklist(new ChecklistStore({ dataDir }), query, { asOf: env.asOf });
  let captured = false;
  const opened: string[] = [];
  const ui = render(
    <EnvContext.Provider value={env}>
      <MineViewCore api={api} active width={110} height={24} top={1} openTask={(id) => opened.push(id)} setCapture={(on) => (captured = on)} pollMs={0} />
    </EnvContext.Provider>,
  );
  return { ui, api, dataDir, query, opened, captured: () => captured };
  // (callers wait a tick before the first key: Ink subscribes to stdin in an effect)
}

async function frameHas(ui: ReturnType<typeof render>, want: string | RegExp, ms = 3000): Promise<string> {
  const t0 = Date.now();
  for (;;) {
    const f = ui.lastFrame() ?? '';
    if (typeof want === 'string' ? f.includes(want) : want.test(f)) return f;
    if (Date.now() - t0 > ms) {
      expect(f).toContain(String(want)); // fails with the frame shown
      return f;
    }
    await tick(10);
  }
}

/** Sends keys and waits for the frame to change (each key is handled by the render it produced). */
async function type(ui: ReturnType<typeof render>, s: string, ms = 1000) {
  const before = ui.lastFrame();
  ui.stdin.write(s);
  const t0 = Date.now();
  while (ui.lastFrame() === before && Date.now() - t0 < ms) await tick(5);
  await tick(15);
}

describe('我的清单 view', () => {
  it('is registered as view 4 with help', () => {
    expect(mineView.key).toBe('4');
    expect(mineView.label).toBe('我的清单');
    expect(mineView.help[0].entries.map((e) => e.keys)).toContain('Space');
  });

  it('pick units, mark, note, due date, detail with history — all saved to the file', async () => {
    const { ui, api, dataDir, captured, opened } = setup();
    await frameHas(ui, '按 u 选择我的单位');
    await tick();
    await type(ui, 'u');
    await waitFor(() => captured());
    await type(ui, '审计');
    await frameHas(ui, '审计（全部方案中的审计类单位）');
    await type(ui, '\r'); // toggle the highlighted candidate: the 审计 kind
    await frameHas(ui, '[x]');
    await type(ui, '\u001b'); // Esc closes the picker
    let f = await frameHas(ui, '我的单位 审计（类）');
    await waitFor(() => !captured());
    expect(f).toContain('我的单位 审计（类）');
    expect(f).toContain('完成 0/3'); // ah-001 (牵头), ah-002 (督查), hb-001 (负责)
    expect(f).toContain('── 安徽 (2)');
    expect(f).toContain('── 河北 (1)');
    expect(f).toMatch(/› \[ \] 待办\s+牵头/);

    await type(ui, ' '); // cycle: 待办 → 进行中
    await frameHas(ui, /› \[~\] 进行中/);
    await type(ui, ' '); // → 已完成
    f = await frameHas(ui, /› \[x\] 已完成/);
    expect(f).toMatch(/› \[x\] 已完成/);
    expect(f).toContain('完成 1/3');

    await type(ui, 'n');
    await type(ui, '已报送审计厅');
    await frameHas(ui, '备注› 已报送审计厅');
    await type(ui, '\r');
    await frameHas(ui, '备注已保存');
    await frameHas(ui, /› \[x\] 已完成.*注 /);

    await type(ui, 'j'); // next item (ah-002, yearly)
    await type(ui, 'd');
    await type(ui, '2018-13-01');
    await type(ui, '\r');
    await frameHas(ui, '日期格式应为');
    await type(ui, '\u0015'); // Ctrl+U clears the input
    await type(ui, '2019-02-29'); // well-formed but not a real day (2019 is not a leap year)
    await type(ui, '\r');
    await frameHas(ui, '没有这一天：2019年2月只有28天（2019-02-29）');
    await type(ui, '\u0015');
    await type(ui, '2018-02-01');
    await type(ui, '\r');
    await frameHas(ui, '我的期限已设为 2018-02-01');

    // The file has it all (another process would see it).
    const d = new ChecklistStore({ dataDir }).read();
    expect(d.units).toEqual([{ type: 'kind', value: '审计' }]);
    expect(d.entries['ah-001']).toMatchObject({ status: 'done', note: '已报送审计厅' });
    expect(d.entries['ah-002']).toMatchObject({ due: '2018-02-01' });
    expect(d.entries['ah-001'].history.map((h) => h.field)).toEqual(['added', 'status', 'status', 'note']);

    // Detail with the history.
    await type(ui, 'k');
    await type(ui, '\r');
    f = await frameHas(ui, '变更历史 History');
    expect(f).toContain('进行中 → 已完成');
    expect(f).toContain('待办 → 进行中');
    expect(f).toContain('— → 已报送审计厅');
    await type(ui, 'o', 100);
    expect(opened).toEqual(['ah-001']);
    await type(ui, '\u001b');
    await frameHas(ui, '── 安徽');

    // Group by deadline.
    await type(ui, 'g');
    f = await frameHas(ui, '分组 按期限');
    expect(f).toContain('分组 按期限');
    expect(f).toMatch(/── (已逾期|30天内到期|以后到期|已完成)/);

    // A change from another process shows up after a refresh.
    api.mark('hb-001', { status: 'na' });
    await type(ui, 'r');
    await frameHas(ui, '[-] 不适用');
    ui.unmount();
  });

  it('shows orphans as such, with the suggestion, and re-links on request', async () => {
    const dataDir = tmp();
    const store = new ChecklistStore({ dataDir });
    const kb = syntheticKb();
    store.update((d, now) => {
      d.units = [{ type: 'unit', value: '省财政厅', planId: 'hebei' }];
      d.entries['hb-old'] = {
        taskId: 'hb-old',
        status: 'doing',
        note: '正在起草',
        due: null,
        origin: 'units',
        snapshot: { text: '推进公共数据资源开放，建设统一的数据开放网站和目录。', planId: 'hebei', planTag: '河北', section: [], deadlines: [], units: [{ canonical: '省财政厅', kind: '财政', role: 'support' }] },
        orphanedAt: null,
        createdAt: now,
        updatedAt: now,
        history: [{ at: now, field: 'added', from: null, to: 'units' }],
      };
    });
    void kb;
    const { ui } = setup(dataDir);
    let f = ui.lastFrame()!;
    expect(f).toContain('孤立 1');
    expect(f).toContain('── 孤立条目（原任务已变更） Orphaned (1)');
    expect(f).toMatch(/孤立 .*推进公共数据资源开放，建设统一的数据开放网站和目录/);
    // go to the orphan and open it
    await type(ui, '\u001b[F'); // End
    await type(ui, '\r');
    f = await frameHas(ui, '孤立条目：');
    expect(f).toContain('建议关联');
    expect(f).toContain('推进公共数据资源开放，建设统一的数据开放网站。');
    await type(ui, 'r');
    await frameHas(ui, '重新关联到 hb-002？');
    await type(ui, 'y');
    f = await frameHas(ui, '已重新关联到 hb-002');
    expect(f).toContain('已重新关联到 hb-002');
    expect(f).not.toContain('孤立条目：');
    const d = store.read();
    expect(d.entries['hb-old']).toBeUndefined();
    expect(d.entries['hb-002']).toMatchObject({ status: 'doing', note: '正在起草' });
    ui.unmount();
  });

  it('a corrupt file: says so, names the file, changes nothing; m moves it aside', async () => {
    const dataDir = tmp();
    const file = join(dataDir, 'checklist.json');
    writeFileSync(file, '{"version":1,"units":[');
    const { ui } = setup(dataDir);
    const f = ui.lastFrame()!.replace(/\n/g, '');
    expect(f).toContain('无法读取我的清单');
    expect(f).toContain('checklist.json');
    expect(f).toContain('m 移到带时间戳的备份');
    await type(ui, ' ', 100);
    await type(ui, 'x', 100);
    const { readFileSync, existsSync } = await import('node:fs');
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"units":[');
    await type(ui, 'm');
    await frameHas(ui, '按 u 选择我的单位');
    expect(existsSync(file)).toBe(false);
    ui.unmount();
  });
});
