/**
 * The cache keeps tasks as one JSON array plus a table of byte ranges and ids (kb/task-store.ts): a cold
 * search parses only the tasks it returns, anything needing them all parses the file once, and the
 * answers are those of a freshly built knowledge base.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateScaleCorpus } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { TaskStore } from '../../src/kb/task-store.js';
import { PlansQuery, type TaskFilters } from '../../src/query/index.js';
import { CLI, ensureBuilt } from '../cli/helpers.js';
import { CORPUS, PLAN_FILES } from '../pipeline/helpers.js';

let corpus: string;
let cachePath: string;
let fresh: ReturnType<typeof loadKnowledgeBase>;

beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'plans-store-'));
  generateScaleCorpus({ outDir: corpus, plans: 12, seed: 5 });
  cachePath = join(mkdtempSync(join(tmpdir(), 'plans-store-cache-')), 'kb.json');
  fresh = loadKnowledgeBase({ corpusDir: corpus, cachePath });
  expect(fresh.rebuilt).toBe(true);
});

/** A store that records which positions were asked for. */
function watched(store: TaskStore): { store: TaskStore; asked: Set<number> } {
  const asked = new Set<number>();
  return { asked, store: { count: store.count, ids: store.ids, at: (i) => (asked.add(i), store.at(i)), all: () => store.all() } };
}

describe('lazily parsed tasks', () => {
  it('a cold search with the persisted index parses only its hits; kb.tasks is never materialised', () => {
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    expect(r.rebuilt).toBe(false);
    const w = watched(r.tasks!);
    const q = new PlansQuery(r.kb, { search: r.searchParts, tasks: w.store });
    // A word of 公文 the generated plans use in more than 20 tasks (whatever their topics).
    const word = ['推进', '建设', '加强', '完善', '工作', '实施'].find((w) => new PlansQuery(fresh.kb).search(w, {}, 21).length > 20)!;
    expect(word).toBeDefined();
    const hits = q.search(word, {}, 20);
    expect(hits.length).toBe(20);
    expect(w.asked.size).toBe(20);
    expect(Object.getOwnPropertyDescriptor(r.kb, 'tasks')!.get).toBeDefined(); // still the lazy accessor
    const expected = new PlansQuery(fresh.kb).search(word, {}, 20);
    expect(hits.map((h) => [h.task, h.score, h.ranges])).toEqual(expected.map((h) => [h.task, h.score, h.ranges]));
    // a task by id, and a unique prefix, without parsing the rest
    const id = expected[3].task.id;
    expect(q.task(id)).toEqual(expected[3].task);
    expect(q.resolveTask(id.slice(0, id.length - 1)).id).toBe(id);
    expect(w.asked.size).toBeLessThanOrEqual(21);
  });

  it('warmSearchAsync with a persisted index reads it asynchronously and builds nothing; searches then answer as a fresh index', async () => {
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    let syncReads = 0;
    const w = watched(r.tasks!);
    const q = new PlansQuery(r.kb, { search: () => (syncReads++, r.searchParts()), searchAsync: r.searchPartsAsync, tasks: w.store });
    await q.warmSearchAsync();
    expect(syncReads).toBe(0);
    expect(w.asked.size).toBe(0); // no task parsed to warm it (a build would read every task)
    const f = new PlansQuery(fresh.kb);
    for (const text of ['僵尸', 'shenji', 'sjt', '僵户系统']) expect(q.search(text, {}, 10).map((h) => [h.task.id, h.score, h.ranges])).toEqual(f.search(text, {}, 10).map((h) => [h.task.id, h.score, h.ranges]));
    expect(syncReads).toBe(0);
  });

  it('everything at once (export): the same knowledge base as built, and a task handed out earlier is the same object', () => {
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    const early = r.tasks!.at(7);
    expect(r.kb.tasks[7]).toBe(early);
    expect(JSON.stringify(r.kb)).toBe(JSON.stringify(fresh.kb));
    expect(new PlansQuery(r.kb, { tasks: r.tasks }).exportKnowledgeBase()).toEqual(fresh.kb);
    expect(r.tasks!.at(7)).toBe(early);
  });

  it('filters see the tasks they need; results equal those over the built knowledge base', () => {
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    const q = new PlansQuery(r.kb, { search: r.searchParts, tasks: r.tasks });
    const f = new PlansQuery(fresh.kb);
    const plan = fresh.kb.plans[2].id;
    const cases: Array<[string, TaskFilters]> = [['政务', { plans: [plan] }], ['shenji', { after: '2018-01-01' }], ['僵户系统', {}]];
    for (const [text, filters] of cases) {
      expect(q.search(text, filters, 15).map((h) => [h.task.id, h.score])).toEqual(f.search(text, filters, 15).map((h) => [h.task.id, h.score]));
    }
  });

  it('a damaged tasks table or tasks file: the cache is rebuilt, never a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-store-bad-'));
    const cp = join(dir, 'kb.json');
    loadKnowledgeBase({ corpusDir: corpus, cachePath: cp });
    const idx = readdirSync(dir).find((f) => f.endsWith('.tasks.idx'))!;
    writeFileSync(join(dir, idx), Buffer.from([1, 2, 3]));
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath: cp });
    expect(r.rebuilt).toBe(true);
    const json = readdirSync(dir).find((f) => f.endsWith('.tasks.json'))!;
    writeFileSync(join(dir, json), '[{"id":');
    const r2 = loadKnowledgeBase({ corpusDir: corpus, cachePath: cp });
    expect(r2.rebuilt).toBe(true);
    expect(r2.kb.tasks.length).toBe(fresh.kb.tasks.length);
  });

  it('a build replacing the cache does not break a store opened before it (its file stays open)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-store-race-'));
    const cp = join(dir, 'kb.json');
    loadKnowledgeBase({ corpusDir: corpus, cachePath: cp });
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath: cp });
    expect(r.rebuilt).toBe(false);
    loadKnowledgeBase({ corpusDir: corpus, cachePath: cp, force: true }); // removes the old generation's files
    expect(r.tasks!.at(5)).toEqual(fresh.kb.tasks[5]);
    expect(r.kb.tasks.length).toBe(fresh.kb.tasks.length);
  });

  it('two `plans index` runs at once on one data dir leave a whole, fresh cache', async () => {
    ensureBuilt();
    const d = mkdtempSync(join(tmpdir(), 'plans-store-conc-'));
    const hourAgo = (Date.now() - 3600_000) / 1000; // older than the racy window: a fresh start rewrites nothing
    for (const f of PLAN_FILES) {
      copyFileSync(join(CORPUS, f), join(d, f));
      utimesSync(join(d, f), hourAgo, hourAgo);
    }
    const data = mkdtempSync(join(tmpdir(), 'plans-store-conc-data-'));
    const run = () =>
      new Promise<number | null>((res) => {
        const p = spawn(process.execPath, [CLI, 'index', '--corpus', d, '--data-dir', data], { stdio: 'ignore' });
        p.on('exit', (code) => res(code));
      });
    expect(await Promise.all([run(), run()])).toEqual([0, 0]);
    // One manifest, naming files that exist; no temp files, no orphans of the other build.
    const dir = join(data, 'kb-cache');
    const files = readdirSync(dir).sort();
    const manifest = files.find((f) => /^[0-9a-f]{12}\.json$/.test(f))!;
    const m = JSON.parse(readFileSync(join(dir, manifest), 'utf8')) as { data: Record<string, string> };
    expect(files).toEqual([manifest, ...Object.values(m.data)].sort());
    const before = statSync(join(dir, manifest)).mtimeMs;
    // The CLI finds it fresh (no rebuild: the files stay as they are) and answers from it.
    const r = spawnSync(process.execPath, [CLI, 'search', '僵尸', '--json', '--corpus', d, '--data-dir', data], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as Array<{ task: { planId: string; text: string; section: string[] } }>;
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.filter((h) => !(h.task.text + h.task.section.join('')).includes('僵尸'))).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(statSync(join(dir, manifest)).mtimeMs).toBe(before);
  });
});
