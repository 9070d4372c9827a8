/**
 * A build with a cache streams (kb/load.ts): files extracted one at a time, tasks spooled to disk and
 * written out with their counterparts, the search index built from the fields kept. It must give the
 * knowledge base, the search index and the report counts of a build that keeps everything in memory.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScaleCorpus } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { SearchIndex, searchFields } from '../../src/query/search/index.js';
import { encodeSearch } from '../../src/query/search/persist.js';
import { writeSearchIndex } from '../../src/kb/search-write.js';
import { TextStore } from '../../src/kb/text-store.js';
import type { Task } from '../../src/types.js';

describe('a build streamed into the cache', () => {
  const corpus = mkdtempSync(join(tmpdir(), 'plans-stream-'));
  generateScaleCorpus({ outDir: corpus, plans: 14, seed: 9 });
  const dir = mkdtempSync(join(tmpdir(), 'plans-stream-cache-'));
  const streamed = loadKnowledgeBase({ corpusDir: corpus, cachePath: join(dir, 'kb.json') });
  const mem = loadKnowledgeBase({ corpusDir: corpus, cachePath: null });

  it('gives the knowledge base of an in-memory build, its tasks parsed on demand', () => {
    expect(streamed.rebuilt).toBe(true);
    expect(streamed.tasks?.count).toBe(mem.kb.tasks.length);
    expect(Object.getOwnPropertyDescriptor(streamed.kb, 'tasks')!.get).toBeDefined(); // not read back by the build
    expect(mem.kb.tasks.some((t) => (t.counterparts ?? []).length > 0)).toBe(true);
    expect(JSON.stringify(streamed.kb)).toBe(JSON.stringify(mem.kb));
    expect(streamed.skipped).toEqual(mem.skipped);
  });

  it('persists the search index an in-memory build makes', () => {
    // read back whole from the file (toParts of the persisted index reads every part), equal part for part
    const src = streamed.searchParts();
    expect(src).not.toBeNull();
    expect(SearchIndex.fromParts(streamed.tasks!, src!).toParts()).toEqual(new SearchIndex(mem.kb.tasks).toParts());
  });

  it('the search file written part by part is encodeSearch of the parts, whatever the share of postings filled at once', () => {
    const n = mem.kb.tasks.length;
    const texts = new TextStore();
    const metas = new TextStore();
    for (const t of mem.kb.tasks) {
      const [text, meta] = searchFields(t);
      texts.add(text);
      metas.add(meta);
    }
    expect(texts.count).toBe(n);
    const want = Buffer.from(encodeSearch(new SearchIndex(mem.kb.tasks).toParts(), 'c0de'));
    for (const budget of [500, 20_000, 1 << 23]) {
      const out = join(dir, `search-${budget}.bin`);
      let k = 0;
      writeSearchIndex([texts, metas], out, (what) => join(dir, `${what}.${k++}.tmp`), 'c0de', budget);
      expect(readFileSync(out).equals(want), `budget ${budget}`).toBe(true);
      rmSync(out);
    }
  });

  it('counts each plan’s tasks as `plans index` reports them', () => {
    const by = new Map<string, Task[]>();
    for (const t of mem.kb.tasks) by.set(t.planId, [...(by.get(t.planId) ?? []), t]);
    for (const p of mem.kb.plans) {
      const ts = by.get(p.id) ?? [];
      expect(streamed.planCounts?.get(p.id)).toEqual({
        tasks: ts.length,
        prose: ts.filter((t) => t.source.origin === 'prose').length,
        annex: ts.filter((t) => t.source.origin === 'annex').length,
        dated: ts.filter((t) => t.deadlines.length > 0).length,
        withUnits: ts.filter((t) => t.units.length > 0).length,
      });
    }
  });

  it('a data dir it cannot write to only costs the cache: built in memory', () => {
    const file = join(dir, 'kb.json'); // a file: no folder can be made under it
    const r = loadKnowledgeBase({ corpusDir: corpus, cachePath: join(file, 'sub', 'kb.json') });
    expect(r.tasks).toBeUndefined();
    expect(JSON.stringify(r.kb)).toBe(JSON.stringify(mem.kb));
  });

  it('leaves no temporary file', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir)).toHaveLength(6); // the manifest, meta, units, tasks, table, search
  });
});
