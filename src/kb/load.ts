/**
 * Loads the knowledge base for a corpus folder: from the cache when its key (content hashes of every
 * corpus file + the extractor's own code) still matches, otherwise by running the pipeline and rewriting
 * the cache atomically. The check stats the corpus files and hashes only those whose size or mtime changed.
 *
 * A build with a cache streams: each corpus file is read, extracted and dropped in turn, its tasks
 * written to a temporary file as JSON, keeping only what the counterpart pass and the search index need
 * of them; the counterpart pass then writes the cache's tasks file task by task, and the search index is
 * built from the fields kept and written part by part (query/search/write.ts). The result is then opened as a cache is (tasks parsed on demand), so the
 * build's memory does not grow with everything the tasks carry.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { buildKnowledgeBase, extractCorpus, KB_VERSION, themeList, type BuildTimings, type PlanCounts } from './build.js';
import { streamCounterparts } from './counterparts.js';
import { FileReader, FileWriter } from './spool.js';
import { TextStore } from './text-store.js';
import { SearchIndex, searchFields } from '../query/search/index.js';
import { encodeSearch, partsSource, type SearchParts, type SearchSource } from '../query/search/persist.js';
import { writeSearchIndex } from './search-write.js';
import { buildTmpPath, corpusFiles, loadCached, searchCodeHash, writeCache, writeCacheData, type LoadOptions, type LoadResult } from './cache.js';

export * from './cache.js';

export function loadKnowledgeBase(opts: LoadOptions): LoadResult {
  const cached = opts.force ? null : loadCached(opts);
  if (cached) return cached;
  const cachePath = opts.cachePath === undefined ? null : opts.cachePath;
  // A build allocates much that dies soon (each file's extraction, each task's features) beside what it
  // keeps; V8 lets the heap grow to up to 4× what is live before collecting, so at thousands of plans the
  // garbage, not the data, set the peak memory (at 2000 plans: ~700 MB with ~150 MB live). Heap growth is
  // held to 1.5× during the build (about 4% more time in collection), then left to V8 again.
  setFlagsFromString('--heap-growing-percent=50');
  try {
    if (cachePath) {
      try {
        const r = buildIntoCache(opts, cachePath);
        if (r) return r;
      } catch {
        /* a read-only data dir (or a full disk) only costs us the cache: built in memory below */
      }
    }
    return buildInMemory(opts, cachePath);
  } finally {
    setFlagsFromString('--heap-growing-percent=0');
  }
}

/** Every task in memory; the cache written from them when it can be (after a streamed build could not write it, it is not tried again). */
function buildInMemory(opts: LoadOptions, cachePath: string | null): LoadResult {
  const t0 = performance.now();
  const corpus = corpusFiles(opts.corpusDir);
  const { kb, skipped, timings, counts } = buildKnowledgeBase(corpus.files, opts.onProgress, corpus.total);
  const { key, stats, at: statsAt } = corpus.keyed();
  let parts: SearchSource | null = null;
  if (cachePath) {
    const ts = performance.now();
    const built = new SearchIndex(kb.tasks).toParts();
    parts = partsSource(built);
    timings.search = performance.now() - ts;
    try {
      writeCache(cachePath, key, stats, statsAt, skipped, kb, encodeSearch(built, searchCodeHash()));
    } catch {
      /* a read-only data dir only costs us the cache */
    }
  }
  return { kb, skipped, rebuilt: true, ms: performance.now() - t0, cachePath, timings, planCounts: counts, searchParts: () => parts, searchPartsAsync: async () => parts };
}

/** A build streamed into the cache (see the head of this file), then opened from it; null when the cache written cannot be opened (a concurrent build replaced it). */
function buildIntoCache(opts: LoadOptions, cachePath: string): LoadResult | null {
  const t0 = performance.now();
  mkdirSync(dirname(cachePath), { recursive: true });
  const tmps: string[] = [];
  const tmp = (what: string) => {
    const p = buildTmpPath(cachePath, what);
    tmps.push(p);
    return p;
  };
  let corpusKey: ReturnType<ReturnType<typeof corpusFiles>['keyed']>;
  let counts: Map<string, PlanCounts>;
  const timings: BuildTimings = { extract: 0, counterparts: 0, units: 0 };
  try {
    // Extraction: the tasks' JSON to the spool, their counterpart inputs and search fields kept.
    const spoolPath = tmp('spool');
    const spool = new FileWriter(spoolPath);
    const lens: number[] = [];
    const texts = new TextStore();
    const metas = new TextStore();
    const corpus = corpusFiles(opts.corpusDir);
    let ex: ReturnType<typeof extractCorpus>;
    try {
      ex = extractCorpus(
        corpus.files,
        corpus.total,
        (t) => {
          lens.push(spool.write(JSON.stringify(t)));
          const [text, meta] = searchFields(t);
          texts.add(text);
          metas.add(meta);
        },
        opts.onProgress,
      );
    } finally {
      spool.close();
    }
    corpusKey = corpus.keyed();
    for (const s of [texts, metas, ex.inputs.texts, ex.inputs.titles]) s.trim();
    counts = ex.counts;
    const t1 = performance.now();
    timings.extract = t1 - t0;

    // Counterparts: each task's JSON read back from the spool, its counterparts added (as the last key,
    // where assigning them puts them), written to the tasks file, with the table of byte offsets.
    const n = ex.inputs.length;
    const tasksPath = tmp('tasks');
    const off = new Float64Array(n + 1);
    const out = new FileWriter(tasksPath);
    const back = new FileReader(spoolPath);
    try {
      out.write('[');
      streamCounterparts(ex.inputs, (i, list) => {
        if (i) out.write(',');
        off[i] = out.pos;
        const json = back.read(lens[i]);
        out.write(json.subarray(0, json.length - 1));
        out.write(`,"counterparts":${JSON.stringify(list)}}`);
      });
      off[n] = out.pos;
      out.write(']');
    } finally {
      out.close();
      back.close();
    }
    rmSync(spoolPath, { force: true });
    if (off[n] > 0xffffffff) throw new Error('tasks file over 4 GB');
    const head = new Uint32Array([n]);
    const table = Buffer.concat([Buffer.from(head.buffer), Buffer.from(Uint32Array.from(off).buffer), Buffer.from(ex.inputs.ids.join('\n'))]);
    const t2 = performance.now();
    timings.counterparts = t2 - t1;
    const { plans, skipped, units: unitDir } = ex;
    ex = undefined!; // the counterpart inputs: no longer needed
    const t3 = performance.now();

    // The search index over the fields kept, written part by part.
    const searchPath = tmp('search');
    writeSearchIndex([texts, metas], searchPath, tmp, searchCodeHash());
    const t4 = performance.now();
    timings.search = t4 - t3;
    const units = unitDir.entries(); // (plain objects only now: see UnitDirectory)
    timings.units = performance.now() - t4;

    writeCacheData(cachePath, corpusKey.key, corpusKey.stats, corpusKey.at, skipped, { version: KB_VERSION, plans, units, themes: themeList(), taskCount: n }, { file: tasksPath }, table, { file: searchPath });
    timings.write = performance.now() - t4 - timings.units;
  } finally {
    for (const p of tmps) rmSync(p, { force: true });
  }
  const loaded = loadCached({ corpusDir: opts.corpusDir, cachePath, corpus: { ...corpusKey, read: 0 } });
  if (!loaded) return null;
  return { ...loaded, rebuilt: true, ms: performance.now() - t0, timings, planCounts: counts };
}
