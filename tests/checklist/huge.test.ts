/**
 * A huge checklist (issue 12, item 9: 100k orphaned entries, `plans mine` 46 s / 3.4 GB, one `mark` grew the
 * file from 179 to 242 MB). What made it slow and big, each pinned down by a count, not a clock:
 * - an update serialised the whole checklist twice to see whether it changed, and once more (indented) to write;
 * - the file was written indented, so the first change of a compact file grew it by a third;
 * - every orphan's re-link suggestion was ranked to build the list, read or not;
 * - `plans mine` printed every orphan (100k of them), and did not say how to prune them.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Checklist } from '../../src/checklist/api.js';
import { ChecklistStore } from '../../src/checklist/store.js';
import { applyChange, SimilarityIndex, type ChecklistData } from '../../src/checklist/model.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { ORPHANS_LISTED } from '../../src/cli/commands/mine.js';
import { generateChecklist } from '../../bench/checklist-data.js';
import { plansInProcess } from '../cli/helpers.js';
import { ROOT, tmp } from './helpers.js';

const realStringify = JSON.stringify;
const CORPUS = join(ROOT, 'corpus');
const kb = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
const query = new PlansQuery(kb);
const tag = (id: string) => query.planTag(id);

/** A data dir whose checklist.json has `n` entries (20 live, the rest orphans), as `format` writes them. */
function seeded(n: number, format: 'compact' | 'indented' = 'compact', opts: { freshOrphans?: boolean } = {}) {
  const dataDir = tmp('plans-huge-');
  const data = generateChecklist(n, kb.tasks, tag, opts);
  const file = join(dataDir, 'checklist.json');
  writeFileSync(file, format === 'compact' ? JSON.stringify(data) : JSON.stringify(data, null, 1) + '\n', { mode: 0o600 });
  return { dataDir, file, data, cl: new Checklist(new ChecklistStore({ dataDir }), query, { asOf: '2018-01-15' }) };
}

describe('a huge checklist', () => {
  it('an update serialises the checklist once, to write it (it compared two whole serialisations before); a mark only its entry', () => {
    const { file, cl } = seeded(3000);
    const id = kb.tasks[0].id;
    let chars = 0;
    const stringify = vi.spyOn(JSON, 'stringify').mockImplementation((...args: Parameters<typeof JSON.stringify>) => {
      const out = realStringify(...args);
      chars += typeof out === 'string' ? out.length : 0;
      return out;
    });
    const update = vi.spyOn(ChecklistStore.prototype, 'update');
    try {
      cl.store.update((d, now) => void applyChange(d.entries[id], { status: 'done' }, now));
      const written = readFileSync(file, 'utf8').length;
      expect(chars).toBeGreaterThan(written * 0.9); // it was written, entry by entry
      expect(chars).toBeLessThan(written * 1.2); // and nothing else of that size was serialised
      update.mockClear();
      chars = 0;
      cl.mark(id, { status: 'doing', note: '已报送' });
      expect(chars).toBeLessThan(10_000); // the entry (its snapshot compared, then written) and the units
      expect(update).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
      update.mockRestore();
    }
    expect(cl.entry(id)).toMatchObject({ status: 'doing', note: '已报送' });
  });

  it('a change to a big file keeps its size (an indented rewrite grew a compact file by a third); a whole rewrite is compact', () => {
    for (const format of ['compact', 'indented'] as const) {
      const { file, cl, data } = seeded(3000, format);
      const before = statSync(file).size;
      cl.mark(kb.tasks[0].id, { status: 'doing', note: '已报送' });
      const after = statSync(file).size;
      expect(Math.abs(after - before), format).toBeLessThan(5000); // one entry's change (the rest is copied as it was)
      const d = JSON.parse(readFileSync(file, 'utf8')) as ChecklistData; // plain JSON of the same schema
      expect(Object.keys(d.entries)).toEqual(Object.keys(data.entries));
      expect(d.entries[kb.tasks[0].id]).toMatchObject({ status: 'doing', note: '已报送' });
      if (format === 'indented') {
        cl.store.update((x, now) => void applyChange(x.entries[kb.tasks[1].id], { status: 'done' }, now));
        expect(statSync(file).size).toBeLessThan(after * 0.9);
      }
    }
  });

  it('a no-op change writes nothing; a change inside an entry is seen without serialising', () => {
    const { file, cl } = seeded(500);
    const id = kb.tasks[0].id;
    cl.mark(id, { status: 'done' });
    const stamp = cl.stamp();
    const text = readFileSync(file, 'utf8');
    cl.mark(id, { status: 'done' }); // the same status, the same snapshot
    expect(cl.stamp()).toBe(stamp);
    expect(readFileSync(file, 'utf8')).toBe(text);
    cl.store.update((d) => void d.entries[id].history.push({ at: '2026-01-01T00:00:00.000Z', field: 'note', from: '', to: 'x' }));
    expect(cl.entry(id)?.history.at(-1)?.to).toBe('x');
    cl.store.update((d) => void (d.units = [...d.units, { type: 'kind', value: '财政' }]));
    expect(cl.data().units).toContainEqual({ type: 'kind', value: '财政' });
  });

  it('the list ranks no re-link suggestion until one is read (it ranked every orphan against the tasks)', () => {
    const { cl } = seeded(2000);
    const rank = vi.spyOn(SimilarityIndex.prototype, 'rank');
    try {
      const st = cl.state();
      expect(st.ok).toBe(true);
      const items = st.ok ? st.items : [];
      const orphans = items.filter((i) => i.orphan);
      expect(orphans).toHaveLength(1980);
      expect(rank).not.toHaveBeenCalled();
      const sug = orphans[5].suggestion;
      expect(sug?.taskId).toBeTruthy(); // a reworded task text finds its task
      expect(rank).toHaveBeenCalledTimes(1);
      expect(orphans[5].suggestion).toBe(sug); // ranked once
      expect(rank).toHaveBeenCalledTimes(1);
      expect(Object.keys(orphans[6])).not.toContain('index'); // nothing but the item's fields
    } finally {
      rank.mockRestore();
    }
  });

  it('the first list after a re-index marks every orphan, reading the file once (it read it three times)', () => {
    const { cl, file } = seeded(1000, 'compact', { freshOrphans: true });
    const st = cl.state();
    expect(st.ok && st.summary.orphans).toBe(980);
    expect(cl.store.parses).toBe(1); // what it read is written: nobody changed the file meanwhile
    const d = JSON.parse(readFileSync(file, 'utf8')) as ChecklistData;
    expect(Object.values(d.entries).filter((e) => e.orphanedAt).length).toBe(980);
  });

  it('plans mine lists the first orphans (those holding something of mine first), counts the rest, and names plans mine prune', async () => {
    const { dataDir } = seeded(ORPHANS_LISTED * 3);
    const r = await plansInProcess(['mine', '--corpus', CORPUS, '--data-dir', dataDir]);
    expect(r.code, r.err).toBe(0);
    const orphanRows = r.out.split('\n').filter((l) => / 孤立 /.test(l));
    expect(orphanRows).toHaveLength(ORPHANS_LISTED);
    const hidden = ORPHANS_LISTED * 3 - 20 - ORPHANS_LISTED;
    expect(r.out).toContain(`… 另有 ${hidden} 个孤立条目未列出 more orphaned entries not listed`);
    expect(r.out).toMatch(/`plans mine prune --yes` 删除其中 \d+ 个无状态、备注或期限的 removes the \d+ that hold nothing of yours/);
    // The ones listed first hold a status, a note or a due date.
    expect(orphanRows[0]).toMatch(/^(进行中|已完成|不适用)|✎/);
    const out = (await plansInProcess(['mine', '--json', '--corpus', CORPUS, '--data-dir', dataDir])).out;
    const json = JSON.parse(out);
    expect(out).toBe(JSON.stringify(json, null, 2)); // written an entry at a time, as one JSON.stringify would have
    expect(json.entries.filter((e: { orphan: boolean }) => e.orphan)).toHaveLength(ORPHANS_LISTED * 3 - 20); // --json has every one
  });

  it('plans mine relink lists every orphan with its suggestions from one read of the file (it read the file once per orphan)', async () => {
    const { dataDir } = seeded(300);
    const reads = (['read', 'readStamped', 'readEntries'] as const).filter((m) => m in ChecklistStore.prototype).map((m) => vi.spyOn(ChecklistStore.prototype, m));
    try {
      const r = await plansInProcess(['mine', 'relink', '--corpus', CORPUS, '--data-dir', dataDir]);
      expect(r.code, r.err).toBe(0);
      expect(r.out.split('\n').filter((l) => /^\S+-1[0-9a-f]{7}  /.test(l))).toHaveLength(280);
      expect(r.out.match(/^ {3}→ /gm)?.length).toBeGreaterThan(280); // suggestions, up to three each
      const calls = reads.reduce((n, s) => n + s.mock.calls.length, 0);
      expect(calls).toBeLessThanOrEqual(3); // read() is readStamped(): one read counted twice, and some slack
      const out = (await plansInProcess(['mine', 'relink', '--json', '--corpus', CORPUS, '--data-dir', dataDir])).out;
      const json = JSON.parse(out);
      expect(json).toHaveLength(280);
      expect(out).toBe(JSON.stringify(json, null, 2));
      expect(json[0].suggestions.length).toBeGreaterThan(0);
    } finally {
      for (const s of reads) s.mockRestore();
    }
  });
});
