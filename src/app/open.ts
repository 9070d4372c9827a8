/**
 * Opening what every front end needs, from the --corpus / --data-dir flags: the knowledge base (cached,
 * rebuilt when the corpus changed) behind the query API, with source paragraphs read through the kb
 * layer's reader; and the checklist over it.
 */
import { existsSync, statSync } from 'node:fs';
import { checkCache, defaultCachePath, loadCached, type KeyedFiles, type LoadOptions, type LoadResult } from '../kb/cache.js';
import { corpusReader } from '../kb/source.js';
import { isNotAPlan } from '../readers/not-a-plan.js';
import { PlansQuery } from '../query/index.js';
import { Checklist, type ChecklistApiOptions } from '../checklist/api.js';
import { openStore } from '../checklist/store.js';
import { BUNDLED_CORPUS, corpusDir, dataDir } from './paths.js';
import type { Io } from './io.js';
import { str, type ParsedArgs } from './args.js';

export const KB_FLAGS = ['corpus', 'data-dir'];

export interface Opened {
  query: PlansQuery;
  load: LoadResult;
  corpusDir: string;
  dataDir: string;
}

export class NoPlansError extends Error {}

/** Why `dir` cannot be the corpus folder, in plain words (null when it can). */
export function corpusFolderProblem(dir: string): string | null {
  if (!existsSync(dir)) return `corpus folder not found: ${dir}`;
  if (!statSync(dir).isDirectory()) return `--corpus wants a folder of plans, and ${dir} is a file: put it in a folder of its own and pass the folder (or copy it into the corpus with \`plans add FILE\`)`;
  return null;
}

/**
 * The knowledge base of the flags' corpus: from a current cache without loading the pipeline (what a
 * start usually is), else built (kb/load.ts and the pipeline, imported only then).
 */
export async function openKb(p: ParsedArgs, io: Io, opts: { force?: boolean; quietSkips?: boolean; onProgress?: LoadOptions['onProgress']; corpus?: KeyedFiles } = {}): Promise<Opened> {
  const corpus = corpusDir(str(p, 'corpus'));
  const problem = corpusFolderProblem(corpus);
  if (problem) throw new NoPlansError(problem);
  const data = dataDir(str(p, 'data-dir'));
  const loadOpts: LoadOptions = { corpusDir: corpus, cachePath: defaultCachePath(data, corpus, BUNDLED_CORPUS), force: opts.force, onProgress: opts.onProgress, corpus: opts.corpus };
  const load = (!opts.force && loadCached(loadOpts)) || (await import('../kb/load.js')).loadKnowledgeBase(loadOpts);
  if (!opts.quietSkips) {
    // A file that cannot be read is reported every time; a note beside the plans only when the folder is read again
    // (it is there on purpose: `plans index` lists it).
    for (const s of load.skipped) if (load.rebuilt || !isNotAPlan(s.reason)) io.err(`plans: 跳过 skipped ${s.file}: ${s.reason}`);
  }
  if (load.kb.plans.length === 0) {
    const why = load.skipped.map((s) => `\n  ${s.file}: ${s.reason}`).join('');
    throw new NoPlansError(`no plan could be loaded from ${corpus}${why || ' (the folder has no files)'}`);
  }
  return { query: new PlansQuery(load.kb, { source: corpusReader(corpus), search: load.searchParts, searchAsync: load.searchPartsAsync, tasks: load.tasks }), load, corpusDir: corpus, dataDir: data };
}

/** Where the cache of these flags lives and whether it is fresh (the corpus read once, handed on to openKb); null without a corpus folder. */
export function cacheState(p: ParsedArgs): { corpusDir: string; cachePath: string; fresh: boolean; corpus: KeyedFiles } | null {
  const corpus = corpusDir(str(p, 'corpus'));
  if (!existsSync(corpus)) return null;
  const cachePath = defaultCachePath(dataDir(str(p, 'data-dir')), corpus, BUNDLED_CORPUS);
  const check = checkCache(corpus, cachePath);
  return { corpusDir: corpus, cachePath, fresh: check.fresh, corpus: check.corpus };
}

/** The checklist in `dir` (default: the data dir of the environment) over the query API. */
export function openChecklist(query: PlansQuery, dir: string | undefined, opts: ChecklistApiOptions = {}): Checklist {
  return new Checklist(openStore(dir ?? dataDir()), query, opts);
}
