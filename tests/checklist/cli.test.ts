import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/app/io.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { build, distPath, ROOT, tmp } from './helpers.js';
import { spawn } from 'node:child_process';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: Io = { out: (s) => void out.push(s), err: (s) => void err.push(s), color: false, isTTY: false };
  return { io: x, out, err, text: () => out.join('\n'), errText: () => err.join('\n') };
}

async function plans(args: string[]) {
  const c = io();
  const code = await main(args, c.io);
  return { code, ...c };
}

describe('plans mine / plans mark on the real corpus', () => {
  it('units, mark, list, json, exports; orphaning and re-linking after a corpus edit', async () => {
    const corpus = tmp('plans-corpus-');
    cpSync(join(ROOT, 'corpus'), corpus, { recursive: true });
    const data = tmp();
    const base = ['--corpus', corpus, '--data-dir', data];

    let r = await plans(['mine', 'units', 'set', '审计', ...base]);
    expect(r.code, r.errText()).toBe(0);
    expect(r.text()).toMatch(/审计（类）.*→ \d+ 项任务/);

    r = await plans(['mine', '--json', ...base]);
    expect(r.code, r.errText()).toBe(0);
    const list = JSON.parse(r.text());
    expect(list.entries.length).toBeGreaterThan(3);
    expect(list.entries.every((e: { roles: string[] }) => e.roles.length > 0)).toBe(true);
    const [a, b, c] = list.entries as { taskId: string; text: string }[];

    expect((await plans(['mark', a.taskId, 'done', '--note', '已报送', ...base])).code).toBe(0);
    expect((await plans(['mark', b.taskId, 'doing', '--due', '2026-12-31', ...base])).code).toBe(0);
    expect((await plans(['mark', c.taskId.slice(0, c.taskId.length - 2), 'na', ...base])).code).toBe(0); // unique prefix
    r = await plans(['mark', a.taskId.split('-')[0] + '-', 'done', ...base]); // ambiguous prefix
    expect(r.code).toBe(2);
    expect(r.errText()).toMatch(/matches \d+ tasks/);
    r = await plans(['mark', a.taskId, 'finished', ...base]);
    expect(r.code).toBe(2);
    r = await plans(['mark', a.taskId, 'done', '--due', '2026-13-45', ...base]);
    expect(r.code).toBe(2);

    r = await plans(['mine', '--json', ...base]);
    const after = JSON.parse(r.text());
    const byId = new Map(after.entries.map((e: { taskId: string }) => [e.taskId, e]));
    expect(byId.get(a.taskId)).toMatchObject({ status: 'done', note: '已报送' });
    expect(byId.get(b.taskId)).toMatchObject({ status: 'doing', due: '2026-12-31' });
    expect(byId.get(c.taskId)).toMatchObject({ status: 'na' });
    expect((byId.get(a.taskId) as { history: { field: string }[] }).history.map((h) => h.field)).toEqual(['added', 'status', 'note']);

    r = await plans(['mine', ...base, '--as-of', '2018-01-01']);
    expect(r.code).toBe(0);
    expect(r.text()).toContain('完成 done 1/');
    expect(r.text()).toContain(a.taskId);

    // Exports, read back.
    for (const f of ['csv', 'md', 'ics', 'xlsx']) {
      r = await plans(['mine', 'export', '--format', f, '--out', join(data, `mine.${f}`), ...base]);
      expect(r.code, r.errText()).toBe(0);
    }
    const csv = readFileSync(join(data, 'mine.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(a.taskId);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(data, 'mine.xlsx'));
    expect(wb.getWorksheet('任务台账')!.rowCount).toBe(1 + list.entries.length);
    expect(readFileSync(join(data, 'mine.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);

    // Edit the paragraph of the task marked done: its id changes at the next index.
    const kb = loadKnowledgeBase({ corpusDir: corpus, cachePath: null }).kb;
    const task = kb.tasks.find((t) => t.id === a.taskId)!;
    const file = join(corpus, task.source.file);
    let raw = readFileSync(file, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    const mid = bom + task.source.start + Math.floor((task.source.end - task.source.start) / 2);
    raw = raw.slice(0, mid) + '切实' + raw.slice(mid);
    writeFileSync(file, raw);
    const kb2 = loadKnowledgeBase({ corpusDir: corpus, cachePath: null }).kb;
    expect(kb2.tasks.some((t) => t.id === a.taskId)).toBe(false);

    r = await plans(['mine', '--json', ...base]);
    const orphaned = JSON.parse(r.text());
    const o = orphaned.entries.find((e: { taskId: string }) => e.taskId === a.taskId);
    expect(o).toMatchObject({ orphan: true, status: 'done', note: '已报送', text: task.text });
    expect(o.suggestion).not.toBeNull();
    const newTask = kb2.tasks.find((t) => t.id === o.suggestion.taskId)!;
    expect(newTask.text).toContain('切实');
    expect(o.history.map((h: { field: string }) => h.field)).toContain('orphaned');

    r = await plans(['mine', ...base]);
    expect(r.text()).toContain('孤立');
    expect(r.text()).toContain(`plans mine relink ${a.taskId}`);

    r = await plans(['mine', 'relink', ...base]);
    expect(r.text()).toContain(newTask.id);

    r = await plans(['mine', 'relink', a.taskId, ...base]);
    expect(r.code, r.errText()).toBe(0);
    r = await plans(['mine', '--json', ...base]);
    const relinked = JSON.parse(r.text());
    expect(relinked.entries.find((e: { taskId: string }) => e.taskId === a.taskId)).toBeUndefined();
    const moved = relinked.entries.find((e: { taskId: string }) => e.taskId === newTask.id);
    expect(moved).toMatchObject({ orphan: false, status: 'done', note: '已报送' });
    expect(moved.history.map((h: { field: string }) => h.field)).toEqual(['added', 'status', 'note', 'orphaned', 'relinked']);
    expect(relinked.summary.orphans).toBe(0);
  });

  // The CLI is compiled before the race (tsc takes many seconds on a busy machine; it is not what is tested).
  beforeAll(() => build());

  it('two shells running `plans mark` at the same time (built CLI, 12 marks each): all 24 kept', async () => {
    const data = tmp();
    const kb = loadKnowledgeBase({ corpusDir: join(ROOT, 'corpus'), cachePath: null }).kb;
    const ids = kb.tasks.slice(0, 24).map((t) => t.id);
    const cli = distPath('cli/main.js');
    const loop = (mine: string[], status: string) =>
      new Promise<number>((res) => {
        // one shell per "user", each running the real CLI once per task, back to back
        const script = mine.map((id) => `"${process.execPath}" "${cli}" mark ${id} ${status} --note "${status} by $$" --data-dir "${data}" >/dev/null || exit 1`).join('\n');
        const ch = spawn('sh', ['-c', script], { stdio: ['ignore', 'ignore', 'inherit'] });
        ch.on('exit', (code) => res(code ?? 1));
      });
    // warm the KB cache first so both shells only race on the checklist
    expect((await plans(['mine', '--data-dir', data])).code).toBe(0);
    const t0 = Date.now();
    const [a, b] = await Promise.all([loop(ids.filter((_, i) => i % 2 === 0), 'done'), loop(ids.filter((_, i) => i % 2 === 1), 'doing')]);
    expect([a, b]).toEqual([0, 0]);
    const r = await plans(['mine', '--json', '--data-dir', data]);
    const got = new Map(JSON.parse(r.text()).entries.map((e: { taskId: string; status: string }) => [e.taskId, e.status]));
    ids.forEach((id, i) => expect(got.get(id), id).toBe(i % 2 === 0 ? 'done' : 'doing'));
    console.log(`[measure] 2 shells × 12 \`plans mark\` processes: ${Date.now() - t0} ms (${Math.round((Date.now() - t0) / 12)} ms per mark incl. node start-up)`);
  });

  it('a corrupt checklist: every command refuses with the file name, nothing is overwritten, move-aside on request', async () => {
    const data = tmp();
    const file = join(data, 'checklist.json');
    writeFileSync(file, '{ not json');
    const base = ['--data-dir', data];
    for (const args of [['mine'], ['mine', '--json'], ['mine', 'units', 'set', '审计'], ['mark', 'anything', 'done']]) {
      const r = await plans([...args, ...base]);
      if (args[0] === 'mark') expect(r.code).not.toBe(0);
      else expect(r.code).toBe(1);
      if (r.code === 1) expect(r.errText()).toContain(file);
      expect(readFileSync(file, 'utf8')).toBe('{ not json');
    }
    const r = await plans(['mine', 'move-aside', ...base]);
    expect(r.code).toBe(0);
    expect(r.text()).toMatch(/已将 .* 移至 moved aside to .*checklist\.corrupt-/);
    expect((await plans(['mine', 'units', 'set', '审计', ...base])).code).toBe(0);
  });
});
