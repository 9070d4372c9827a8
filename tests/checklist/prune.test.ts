/** `plans mine prune`: a documented way to remove orphaned entries (issue 12, item 9). */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistStore } from '../../src/checklist/store.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { ROOT } from './helpers.js';
import { plansInProcess } from '../cli/helpers.js';

const plans = plansInProcess;

const CORPUS = join(ROOT, 'corpus');

/** A checklist with one live entry and four orphans: untouched, with a note, done, with a due date. */
function seeded() {
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-prune-'));
  const live = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb.tasks[0].id;
  const store = new ChecklistStore({ dataDir });
  store.update((d, now) => {
    const entry = (id: string, over: object) => ({
      taskId: id,
      status: 'todo' as const,
      note: '',
      due: null,
      origin: 'manual' as const,
      snapshot: { text: `已删除的任务 ${id}`, planId: 'hebei', planTag: '河北', section: [], deadlines: [], units: [] },
      orphanedAt: now,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, field: 'added' as const, from: null, to: 'manual' }],
      ...over,
    });
    d.entries[live] = entry(live, { orphanedAt: null, status: 'doing' });
    d.entries['gone-00000001'] = entry('gone-00000001', {});
    d.entries['gone-00000002'] = entry('gone-00000002', { note: '要保留的备注' });
    d.entries['gone-00000003'] = entry('gone-00000003', { status: 'done' });
    d.entries['gone-00000004'] = entry('gone-00000004', { due: '2018-03-31' });
  });
  return { dataDir, live, base: ['--corpus', CORPUS, '--data-dir', dataDir], ids: () => Object.keys(store.read().entries).sort() };
}

describe('plans mine prune', () => {
  it('without --yes only says what it would remove, and changes nothing', async () => {
    const s = seeded();
    const before = readFileSync(join(s.dataDir, 'checklist.json'), 'utf8');
    const r = await plans(['mine', 'prune', ...s.base]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('将删除 would remove 1 个孤立条目 orphaned entry（无状态、备注或期限 without status, note or due date）');
    expect(r.out).toContain('--yes');
    expect(readFileSync(join(s.dataDir, 'checklist.json'), 'utf8')).toBe(before);
  });
  it('--yes removes the orphans that hold nothing of mine; --all --yes every orphan; live entries stay', async () => {
    const s = seeded();
    let r = await plans(['mine', 'prune', '--yes', ...s.base]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/已删除 removed 1 个孤立条目 orphaned entry/);
    expect(s.ids()).toEqual([s.live, 'gone-00000002', 'gone-00000003', 'gone-00000004'].sort());
    r = await plans(['mine', 'prune', '--all', ...s.base]);
    expect(r.out).toContain('将删除 would remove 3 个孤立条目 orphaned entries。');
    expect(s.ids()).toHaveLength(4);
    r = await plans(['mine', 'prune', '--all', '--yes', ...s.base]);
    expect(r.code, r.err).toBe(0);
    expect(s.ids()).toEqual([s.live]);
    // The state before the change is kept in backups/ (first change of the day).
    expect(readFileSync(join(s.dataDir, 'backups', `checklist-${new Date().toISOString().slice(0, 10)}.json`), 'utf8')).toContain('gone-00000001');
  });
});
