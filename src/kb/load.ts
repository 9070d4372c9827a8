/**
 * Loads the knowledge base for a corpus folder: from the cache when its key (content hashes of every
 * corpus file + the extractor's own code) still matches, otherwise by running the pipeline and rewriting
 * the cache atomically. The check stats the corpus files and hashes only those whose size or mtime changed.
 */
import { buildKnowledgeBase } from './build.js';
import { SearchIndex } from '../query/search/index.js';
import { encodeSearch, partsSource, type SearchSource } from '../query/search/persist.js';
import { loadCached, readCorpus, searchCodeHash, writeCache, type LoadOptions, type LoadResult } from './cache.js';

export * from './cache.js';

export function loadKnowledgeBase(opts: LoadOptions): LoadResult {
  const cached = opts.force ? null : loadCached(opts);
  if (cached) return cached;
  const t0 = performance.now();
  const cachePath = opts.cachePath === undefined ? null : opts.cachePath;
  const { key, stats, files, at: statsAt } = readCorpus(opts.corpusDir);
  const { kb, skipped, timings } = buildKnowledgeBase(files, opts.onProgress);
  let parts: SearchSource | null = null;
  if (cachePath) {
    // The search index is built with the knowledge base and persisted beside it (the next start loads it).
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
  return { kb, skipped, rebuilt: true, ms: performance.now() - t0, cachePath, timings, searchParts: () => parts, searchPartsAsync: async () => parts };
}
