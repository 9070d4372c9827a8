/**
 * Loads the knowledge base for a corpus folder: from the cache when its key (content hashes of every
 * corpus file + the extractor's own code) still matches, otherwise by running the pipeline and rewriting
 * the cache atomically. The check stats the corpus files and hashes only those whose size or mtime changed.
 */
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase, SkippedFile } from '../types.js';
import { classify } from '../readers/index.js';
import type { BuildTimings, CorpusFile, PlanCounts } from './build.js';
import { encodeTasks, openTaskStore, type TaskStore } from './task-store.js';
import { eagerBytes, openSearch, SEARCH_FORMAT, type ReadAt, type SearchSource } from '../query/search/persist.js';

export interface LoadOptions {
  corpusDir: string;
  /** Cache file; null disables caching. */
  cachePath?: string | null;
  force?: boolean;
  /** The corpus already scanned (checkCache), when the caller has it. */
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
  /** Set when the knowledge base was rebuilt: each plan's task counts (what `plans index` reports, without reading the tasks back). */
  planCounts?: Map<string, PlanCounts>;
  /**
   * The persisted search index, read on first call (null when there is none, or it is corrupt,
   * truncated, of another format or code, or of another knowledge base: the caller builds one then).
   */
  searchParts: () => SearchSource | null;
  /** The same, the file read without blocking the event loop (what warmSearchAsync uses); shares the result with searchParts. */
  searchPartsAsync: () => Promise<SearchSource | null>;
  /** Loaded from the cache: the tasks by position, parsed lazily (kb.tasks parses them all on first access). */
  tasks?: TaskStore;
}

/** Corpus files: every regular file directly in the folder (hidden ones aside), in name order. */
export function listCorpus(corpusDir: string): string[] {
  // The entry types come with the listing: only a symbolic link (or a file system that does not tell) is stat-ed.
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.') && !d.name.startsWith('~$'))
    .filter((d) => {
      if (d.isFile()) return true;
      if (d.isDirectory() || d.isFIFO() || d.isSocket() || d.isCharacterDevice() || d.isBlockDevice()) return false;
      try {
        return statSync(join(corpusDir, d.name)).isFile();
      } catch {
        return false;
      }
    })
    .map((d) => d.name)
    .sort();
}

let codeHashMemo: string | null = null;
/** Hash of the pipeline's own code, so a changed extractor invalidates every cache (and a changed search
 * index: the persisted one would not fit, and every search would build its own in memory). */
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
  walk(join(here, '..', 'query', 'search'));
  codeHashMemo = h.digest('hex').slice(0, 16);
  return codeHashMemo;
}

let searchCodeMemo: string | null = null;
/** Hash of the search index's code (query/search/): a persisted index built by other code is not used. */
export function searchCodeHash(): string {
  if (searchCodeMemo) return searchCodeMemo;
  const h = createHash('sha256').update(`format ${SEARCH_FORMAT}\0`);
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'query', 'search');
  try {
    for (const n of readdirSync(dir).sort()) if (/\.(js|ts)$/.test(n)) h.update(n).update(readFileSync(join(dir, n)));
  } catch {
    /* no sources beside us: the format alone */
  }
  searchCodeMemo = h.digest('hex').slice(0, 16);
  return searchCodeMemo;
}

export function defaultCachePath(dataDir: string, corpusDir: string, bundledCorpus: string): string {
  if (resolve(corpusDir) === resolve(bundledCorpus)) return join(dataDir, 'kb.json');
  const h = createHash('sha1').update(resolve(corpusDir)).digest('hex').slice(0, 12);
  return join(dataDir, 'kb-cache', `${h}.json`);
}

/**
 * What the cache remembers of a corpus file: its size and mtime when it was last hashed, and the hash
 * (sha256 of its bytes), so an unchanged file is not read again; `hash` is "-" for a file never read (not a plan).
 */
export interface FileStat {
  name: string;
  size: number;
  mtimeMs: number;
  hash: string;
}

/** The corpus as scanned once: the cache key its files give, their stats, and how many files had to be read for it. */
export interface KeyedFiles {
  key: string;
  stats: FileStat[];
  /** Files whose contents were read and hashed (0 when every size and mtime matched the cache's). */
  read: number;
  /** When the scan began (ms since the epoch): the stats are at least this recent. */
  at: number;
}

/** An mtime this close (ms) to the moment the stats were taken is not trusted: the file may change again within the clock's granularity (git's "racily clean" rule). */
const RACY_MS = 2000;

function keyOf(stats: FileStat[], reasons: Map<string, string>): string {
  const keyHash = createHash('sha256').update(codeHash());
  for (const f of stats) {
    const reason = reasons.get(f.name);
    if (reason !== undefined) keyHash.update(f.name + '\0' + reason + '\0');
    else if (f.hash === 'unreadable') keyHash.update(f.name + '\0unreadable\0');
    else keyHash.update(f.name + '\0').update(Buffer.from(f.hash, 'hex')).update('\0');
  }
  return keyHash.digest('hex');
}

/**
 * The key of the corpus as it is now. A file whose size and mtime equal those recorded in `known` (taken
 * at `knownAt`, and not within RACY_MS of it) keeps its recorded hash without being read; any other file
 * is read and hashed. The key is content-based: a file touched but unchanged still gives the same key.
 * Not detected: an edit that keeps both the size and the mtime (e.g. `touch -d` back to the old time);
 * `plans index` rebuilds regardless.
 */
export function scanCorpus(corpusDir: string, known: FileStat[] = [], knownAt = 0): KeyedFiles {
  const at = Date.now();
  const byName = new Map(known.map((f) => [f.name, f] as const));
  const reasons = new Map<string, string>();
  const stats: FileStat[] = [];
  let read = 0;
  for (const name of listCorpus(corpusDir)) {
    const c = classify(name);
    if (!c.read) {
      reasons.set(name, c.reason);
      stats.push({ name, size: 0, mtimeMs: 0, hash: '-' });
      continue;
    }
    const path = join(corpusDir, name);
    try {
      const st = statSync(path);
      const k = byName.get(name);
      if (k && k.hash !== '-' && k.hash !== 'unreadable' && k.size === st.size && k.mtimeMs === st.mtimeMs && st.mtimeMs < knownAt - RACY_MS) {
        stats.push(k);
        continue;
      }
      read++;
      const bytes = readFileSync(path);
      stats.push({ name, size: st.size, mtimeMs: st.mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') });
    } catch {
      stats.push({ name, size: 0, mtimeMs: 0, hash: 'unreadable' });
    }
  }
  return { key: keyOf(stats, reasons), stats, read, at };
}

/**
 * The corpus for a build, read one file at a time as `files` is iterated (each stat-ed, then read and
 * hashed; its bytes are the consumer's to drop); once it has been iterated, `keyed()` gives the key and stats.
 */
export function corpusFiles(corpusDir: string): { total: number; files: Iterable<CorpusFile>; keyed: () => KeyedFiles } {
  const at = Date.now();
  const names = listCorpus(corpusDir);
  const stats: FileStat[] = [];
  const reasons = new Map<string, string>();
  function* files(): Generator<CorpusFile> {
    for (const name of names) {
      const c = classify(name);
      if (!c.read) {
        // Not a plan, or a format no reader takes: listed with its reason, never read.
        reasons.set(name, c.reason);
        stats.push({ name, size: 0, mtimeMs: 0, hash: '-' });
        yield { name, bytes: Buffer.alloc(0), error: c.reason };
        continue;
      }
      let file: CorpusFile;
      try {
        const st = statSync(join(corpusDir, name));
        const bytes = readFileSync(join(corpusDir, name));
        stats.push({ name, size: st.size, mtimeMs: st.mtimeMs, hash: createHash('sha256').update(bytes).digest('hex') });
        file = { name, bytes };
      } catch (e) {
        stats.push({ name, size: 0, mtimeMs: 0, hash: 'unreadable' });
        file = { name, bytes: Buffer.alloc(0), error: `cannot read: ${(e as Error).message}` };
      }
      yield file;
    }
  }
  return { total: names.length, files: files(), keyed: () => ({ key: keyOf(stats, reasons), stats, read: names.length, at }) };
}

/** The corpus read in full: every file's bytes, and the key and stats they give. */
export function readCorpus(corpusDir: string): KeyedFiles & { files: CorpusFile[] } {
  const c = corpusFiles(corpusDir);
  const files = [...c.files];
  return { ...c.keyed(), files };
}

/** Bumped whenever the layout of the cache changes: a cache of another format is rebuilt. */
export const CACHE_FORMAT = 5;

/**
 * The cache: a small manifest at `cachePath` (written last, by an atomic rename, so a reader sees a
 * whole old cache or a whole new one, never a mix) naming the data files beside it, which carry a
 * generation in their name, so a concurrent build never overwrites a file another process reads.
 */
interface Manifest {
  format: number;
  key: string;
  /** When the stats were taken (ms since the epoch). */
  statsAt: number;
  files: FileStat[];
  skipped: SkippedFile[];
  /** Data files, relative to the manifest's folder. */
  data: { meta: string; tasks: string; table: string; units: string; search?: string };
}

/** The knowledge base less its tasks (plans, units, themes), as a build gives it to be written. */
export type KbMeta = Omit<KnowledgeBase, 'tasks'> & { taskCount: number };
/** What the cache's meta file holds: that less the unit directory (thousands of entries at scale, needed by
 * unit filters and the checklist, not by a plain search), which has a file of its own, parsed on first use. */
type MetaFile = Omit<KbMeta, 'units'>;

/** The manifest at `cachePath`, or null when it is missing, unreadable, of another format (an old one-file kb.json) or malformed. */
function readManifest(cachePath: string): Manifest | null {
  let fd: number;
  try {
    fd = openSync(cachePath, 'r');
  } catch {
    return null;
  }
  try {
    // An old cache is one large JSON file starting {"key":…: recognised by its head, never parsed.
    const head = Buffer.alloc(32);
    const n = readSync(fd, head, 0, 32, 0);
    if (!head.subarray(0, n).toString('latin1').startsWith(`{"format":${CACHE_FORMAT},`)) return null;
    const m = JSON.parse(readFileSync(cachePath, 'utf8')) as Manifest;
    if (m.format !== CACHE_FORMAT || typeof m.key !== 'string' || !Array.isArray(m.files) || typeof m.data?.meta !== 'string' || typeof m.data.tasks !== 'string' || typeof m.data.table !== 'string' || typeof m.data.units !== 'string') return null;
    return m;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * Is the cache current for this corpus? Reads the small manifest and stats the corpus files; only files
 * whose size or mtime changed since the cache was written are read and hashed. Returns the corpus as
 * scanned, to pass on to loadKnowledgeBase so it is not scanned again.
 */
export function checkCache(corpusDir: string, cachePath: string): { fresh: boolean; corpus: KeyedFiles } {
  const m = readManifest(cachePath);
  const corpus = scanCorpus(corpusDir, m?.files, m?.statsAt);
  return { fresh: m !== null && m.key === corpus.key, corpus };
}

function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = tmpName(path);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function tmpName(path: string): string {
  return `${path}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
}

/** A data file of the cache: its bytes, or a whole temporary file (in the cache's folder) that a build wrote, linked into place. */
export type CacheData = string | Uint8Array | { file: string };

/** A temporary file for a build's data in the cache's folder (named …tmp: a concurrent build's clean-up leaves it for an hour). */
export function buildTmpPath(cachePath: string, what: string): string {
  return tmpName(join(dirname(cachePath), `${basename(cachePath).replace(/\.json$/, '')}.build-${what}`));
}

function place(path: string, data: CacheData): void {
  if (typeof data === 'string' || data instanceof Uint8Array) return writeAtomic(path, data);
  const tmp = tmpName(path);
  try {
    try {
      linkSync(data.file, tmp);
    } catch {
      copyFileSync(data.file, tmp);
    }
    renameSync(tmp, path);
    // When `path` is already a link to the same file (a second placing after a concurrent build's clean-up),
    // rename(2) does nothing and the temporary name stays: remove it.
    rmSync(tmp, { force: true });
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes the data files, then the manifest naming them; then removes the data files of older generations. */
export function writeCache(cachePath: string, key: string, stats: FileStat[], statsAt: number, skipped: SkippedFile[], kb: KnowledgeBase, search: Uint8Array | null): void {
  const { tasks, ...rest } = kb;
  const enc = encodeTasks(tasks);
  writeCacheData(cachePath, key, stats, statsAt, skipped, { ...rest, taskCount: tasks.length }, enc.json, enc.table, search);
}

/** The same with the data given as it was built (kb/load.ts streams the tasks and search files of a build into temporary files). */
export function writeCacheData(cachePath: string, key: string, stats: FileStat[], statsAt: number, skipped: SkippedFile[], meta: KbMeta, tasks: CacheData, table: CacheData, search: CacheData | null): void {
  const dir = dirname(cachePath);
  const base = basename(cachePath).replace(/\.json$/, '');
  mkdirSync(dir, { recursive: true });
  const gen = `${key.slice(0, 8)}-${Date.now().toString(36)}-${process.pid}`;
  const data: Manifest['data'] = { meta: `${base}.${gen}.meta.json`, tasks: `${base}.${gen}.tasks.json`, table: `${base}.${gen}.tasks.idx`, units: `${base}.${gen}.units.json` };
  if (search) data.search = `${base}.${gen}.search.bin`;
  const { units, ...rest } = meta;
  const metaJson = JSON.stringify(rest satisfies MetaFile);
  const unitsJson = JSON.stringify(units);
  /** Writes the data files (`missing`: only those a concurrent clean-up removed). */
  const writeData = (missing = false) => {
    const want = (f: string) => !missing || !existsSync(join(dir, f));
    if (want(data.tasks)) place(join(dir, data.tasks), tasks);
    if (want(data.table)) place(join(dir, data.table), table);
    if (want(data.meta)) writeAtomic(join(dir, data.meta), metaJson);
    if (want(data.units)) writeAtomic(join(dir, data.units), unitsJson);
    if (search && want(data.search!)) place(join(dir, data.search!), search);
  };
  writeData();
  writeAtomic(cachePath, JSON.stringify({ format: CACHE_FORMAT, key, statsAt, files: stats, skipped, data } satisfies Manifest));
  // A concurrent build that wrote its manifest between our data files and ours removed our data files as
  // another generation's: this manifest, the newest, must name files that exist, so they are written again.
  for (let i = 0; i < 3 && !Object.values(data).every((f) => existsSync(join(dir, f))); i++) writeData(true);
  // Data files of other generations: unreferenced now (a reader that read the old manifest just before
  // this retries once, then rebuilds). Temp files of builds that died are removed after an hour.
  const keep = new Set<string>(Object.values(data));
  for (const f of readdirSync(dir)) {
    if (!f.startsWith(`${base}.`) || keep.has(f) || f === basename(cachePath)) continue;
    const p = join(dir, f);
    try {
      if (f.endsWith('.tmp') && Date.now() - statSync(p).mtimeMs < 3600_000) continue;
      rmSync(p, { force: true });
    } catch {
      /* gone already */
    }
  }
}

/** Closes the file of a search source nobody holds any more. */
const searchFiles = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* closed already */
  }
});

/** Reads `len` bytes at `pos` of `fd` into a fresh array; throws when the file is shorter. */
function readFd(fd: number, pos: number, len: number): Uint8Array {
  const out = new Uint8Array(len);
  let got = 0;
  while (got < len) {
    const k = readSync(fd, out, got, len - got, pos + got);
    if (k <= 0) throw new Error('search index file shorter than its header says');
    got += k;
  }
  return out;
}

/**
 * Opens the persisted search index of a manifest on first call (sync or async): its header and the tables
 * every query needs are read then (asynchronously by `async`); posting lists and pinyin are read from the
 * open file when a search needs them (the file stays open while the index is in use: a concurrent build
 * that removes it does not take it away). Null when missing or not valid for these tasks.
 */
function searchReader(cachePath: string, m: Manifest, n: number): { sync: () => SearchSource | null; async: () => Promise<SearchSource | null> } {
  let memo: SearchSource | null | undefined;
  const path = m.data.search ? join(dirname(cachePath), m.data.search) : null;
  const opened = (fd: number, size: number, prefix: Uint8Array | null): SearchSource | null => {
    const readAt: ReadAt = (pos, len) => (prefix && pos + len <= prefix.length ? prefix.slice(pos, pos + len) : readFd(fd, pos, len));
    const src = openSearch(readAt, size, searchCodeHash(), n);
    if (src) searchFiles.register(src, fd);
    else closeSync(fd);
    return src;
  };
  return {
    sync: () => {
      if (memo === undefined) {
        memo = null;
        if (path) {
          try {
            const fd = openSync(path, 'r');
            memo = opened(fd, statSync(path).size, null);
          } catch {
            memo = null;
          }
        }
      }
      return memo;
    },
    async: async () => {
      if (memo !== undefined || !path) return memo ?? null;
      let src: SearchSource | null = null;
      try {
        const fh = await openAsync(path, 'r');
        const size = (await fh.stat()).size;
        const head = new Uint8Array(Math.min(size, 65536));
        await fh.read(head, 0, head.length, 0);
        const eager = eagerBytes(head);
        let prefix: Uint8Array | null = null;
        if (eager !== null && eager <= size) {
          prefix = new Uint8Array(eager);
          let got = 0;
          while (got < eager) {
            const { bytesRead } = await fh.read(prefix, got, eager - got, got);
            if (bytesRead <= 0) break;
            got += bytesRead;
          }
        }
        // The reads on demand that follow are synchronous (small, under a key): a plain descriptor, opened
        // before the FileHandle is closed so that the file cannot go in between.
        const fd = openSync(path, 'r');
        await fh.close().catch(() => {});
        if (memo === undefined) src = opened(fd, size, prefix);
        else closeSync(fd);
      } catch {
        src = null;
      }
      if (memo === undefined) memo = src;
      return memo;
    },
  };
}

/** Rewrites the manifest with the stats of a scan that gave the same key (same data files). */
function refreshStats(cachePath: string, m: Manifest, scan: KeyedFiles): void {
  try {
    writeAtomic(cachePath, JSON.stringify({ ...m, statsAt: scan.at, files: scan.stats } satisfies Manifest));
  } catch {
    /* read-only: the next start hashes them again */
  }
}

/**
 * The knowledge base of a manifest, its tasks behind a lazy `tasks` property (the whole tasks file parsed
 * on first access) and a TaskStore for parsing them one by one; null when a data file is missing or unfit.
 */
function readCached(cachePath: string, m: Manifest): { kb: KnowledgeBase; store: TaskStore } | null {
  try {
    const dir = dirname(cachePath);
    const meta = JSON.parse(readFileSync(join(dir, m.data.meta), 'utf8')) as MetaFile;
    if (!meta?.version || !Array.isArray(meta.plans) || typeof meta.taskCount !== 'number') return null;
    const store = openTaskStore(join(dir, m.data.tasks), join(dir, m.data.table), meta.taskCount);
    if (!store) return null;
    // Keys in the order a built knowledge base has them (the export's JSON keeps its shape); tasks and
    // units parsed on first access (the units file read now: a concurrent build may remove it later).
    const { version, plans, themes, taskCount: _n, ...more } = meta;
    let unitsBytes: Buffer | null = readFileSync(join(dir, m.data.units));
    const kb = { version, plans } as KnowledgeBase;
    const lazy = (key: 'tasks' | 'units', load: () => unknown) =>
      Object.defineProperty(kb, key, {
        enumerable: true,
        configurable: true,
        get() {
          const value = load();
          Object.defineProperty(kb, key, { value, enumerable: true, configurable: true, writable: true });
          return value;
        },
      });
    lazy('tasks', () => store.all());
    lazy('units', () => {
      const units = JSON.parse(unitsBytes!.toString('utf8'));
      unitsBytes = null;
      if (!Array.isArray(units)) throw new Error('the unit directory of the cache is not a list');
      return units;
    });
    Object.assign(kb, { themes, ...more });
    return { kb, store };
  } catch {
    return null;
  }
}

/**
 * The knowledge base from its cache when the cache is current for the corpus (its files stat-ed, only
 * changed ones hashed); null when it must be built (kb/load.ts, which loads the pipeline). Opening a
 * fresh cache never loads the pipeline.
 */
export function loadCached(opts: LoadOptions): LoadResult | null {
  const t0 = performance.now();
  const cachePath = opts.cachePath === undefined ? null : opts.cachePath;
  if (cachePath && !opts.force) {
    // Twice at most: a concurrent build may replace the manifest between reading it and its data file.
    for (let attempt = 0; attempt < 2; attempt++) {
      const m = readManifest(cachePath);
      if (!m) break;
      const corpus = opts.corpus ?? scanCorpus(opts.corpusDir, m.files, m.statsAt);
      if (m.key !== corpus.key) break;
      const got = readCached(cachePath, m);
      // Files that had to be hashed (touched, or too recent to trust their mtime) are recorded anew, so the next start need not hash them again.
      if (got && corpus.read > 0) refreshStats(cachePath, m, corpus);
      if (got) {
        const { kb, store } = got;
        const search = searchReader(cachePath, m, store.count);
        return { kb, skipped: m.skipped ?? [], rebuilt: false, ms: performance.now() - t0, cachePath, searchParts: search.sync, searchPartsAsync: search.async, tasks: store };
      }
    }
  }
  return null;
}
