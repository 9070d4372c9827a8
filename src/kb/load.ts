/**
 * Loads the knowledge base for a corpus folder: from the cache file when its key (content hashes of
 * every corpus file + the extractor's own code) still matches, otherwise by running the pipeline and
 * rewriting the cache atomically.
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase, SkippedFile } from '../types.js';
import { classify } from '../readers/index.js';
import { buildKnowledgeBase, type BuildTimings, type CorpusFile } from './build.js';

export interface LoadOptions {
  corpusDir: string;
  /** Cache file; null disables caching. */
  cachePath?: string | null;
  force?: boolean;
  /** The corpus already read (checkCache), when the caller has it. */
  corpus?: KeyedFiles;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface LoadResult {
  kb: KnowledgeBase;
  skipped: SkippedFile[];
  rebuilt: boolean;
  ms: number;
  cachePath: string | null;
  /** Set when the knowledge base was rebuilt: where the build's time went. */
  timings?: BuildTimings;
}

interface CacheFile {
  key: string;
  skipped: SkippedFile[];
  kb: KnowledgeBase;
}

/** Corpus files: every regular file directly in the folder (hidden ones aside), in name order. */
export function listCorpus(corpusDir: string): string[] {
  return readdirSync(corpusDir)
    .filter((f) => !f.startsWith('.') && !f.startsWith('~$'))
    .filter((f) => {
      try {
        return statSync(join(corpusDir, f)).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

let codeHashMemo: string | null = null;
/** Hash of the pipeline's own code, so a changed extractor invalidates every cache. */
function codeHash(): string {
  if (codeHashMemo) return codeHashMemo;
  const h = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  const walk = (dir: string): void => {
    let names: string[] = [];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(dir, n);
      if (/\.(js|ts)$/.test(n)) {
        h.update(n);
        h.update(readFileSync(p));
      } else if (!n.includes('.')) walk(p);
    }
  };
  for (const n of readdirSync(here).sort()) if (/\.(js|ts)$/.test(n)) h.update(readFileSync(join(here, n)));
  walk(join(here, '..', 'pipeline'));
  walk(join(here, '..', 'readers'));
  codeHashMemo = h.digest('hex').slice(0, 16);
  return codeHashMemo;
}

export function defaultCachePath(dataDir: string, corpusDir: string, bundledCorpus: string): string {
  if (resolve(corpusDir) === resolve(bundledCorpus)) return join(dataDir, 'kb.json');
  const h = createHash('sha1').update(resolve(corpusDir)).digest('hex').slice(0, 12);
  return join(dataDir, 'kb-cache', `${h}.json`);
}

/** The corpus as read once: its files and the cache key they give. */
export interface KeyedFiles {
  key: string;
  files: CorpusFile[];
}

export function readCorpus(corpusDir: string): KeyedFiles {
  const names = listCorpus(corpusDir);
  const files: CorpusFile[] = [];
  const keyHash = createHash('sha256').update(codeHash());
  for (const name of names) {
    const c = classify(name);
    if (!c.read) {
      // Not a plan, or a format no reader takes: listed with its reason, never read.
      files.push({ name, bytes: Buffer.alloc(0), error: c.reason });
      keyHash.update(name + '\0' + c.reason + '\0');
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(corpusDir, name));
    } catch (e) {
      bytes = Buffer.alloc(0);
      files.push({ name, bytes, error: `cannot read: ${(e as Error).message}` });
      keyHash.update(name + '\0unreadable\0');
      continue;
    }
    files.push({ name, bytes });
    keyHash.update(name + '\0').update(createHash('sha256').update(bytes).digest()).update('\0');
  }
  return { key: keyHash.digest('hex'), files };
}

/**
 * Is the cache file current for this corpus? Reads only the head of the cache (the key is written
 * first), so a large knowledge base is not parsed twice. Returns the corpus as read, to pass on to
 * loadKnowledgeBase so the files are not read and hashed again.
 */
export function checkCache(corpusDir: string, cachePath: string): { fresh: boolean; corpus: KeyedFiles } {
  const corpus = readCorpus(corpusDir);
  try {
    const fd = openSync(cachePath, 'r');
    try {
      const buf = Buffer.alloc(200);
      const n = readSync(fd, buf, 0, 200, 0);
      return { fresh: buf.subarray(0, n).toString('utf8').startsWith(`{"key":"${corpus.key}"`), corpus };
    } finally {
      closeSync(fd);
    }
  } catch {
    return { fresh: false, corpus };
  }
}

export function loadKnowledgeBase(opts: LoadOptions): LoadResult {
  const t0 = performance.now();
  const { key, files } = opts.corpus ?? readCorpus(opts.corpusDir);
  const cachePath = opts.cachePath === undefined ? null : opts.cachePath;
  if (cachePath && !opts.force) {
    try {
      const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as CacheFile;
      if (cached.key === key && cached.kb?.version) {
        return { kb: cached.kb, skipped: cached.skipped ?? [], rebuilt: false, ms: performance.now() - t0, cachePath };
      }
    } catch {
      /* missing or unreadable cache: rebuild */
    }
  }
  const { kb, skipped, timings } = buildKnowledgeBase(files, opts.onProgress);
  if (cachePath) {
    try {
      mkdirSync(dirname(cachePath), { recursive: true });
      const tmp = `${cachePath}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ key, skipped, kb } satisfies CacheFile));
      renameSync(tmp, cachePath);
    } catch {
      /* a read-only data dir only costs us the cache */
    }
  }
  return { kb, skipped, rebuilt: true, ms: performance.now() - t0, cachePath, timings };
}
