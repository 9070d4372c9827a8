/** Opens the knowledge base for a CLI command from its --corpus / --data-dir flags. */
import { loadKnowledgeBase, defaultCachePath, type KeyedFiles, type LoadOptions, type LoadResult } from '../kb/load.js';
import { PlansQuery } from '../query/index.js';
import { BUNDLED_CORPUS, corpusDir, dataDir } from './context.js';
import type { Io } from './io.js';
import { str, type ParsedArgs } from './args.js';
import { existsSync, statSync } from 'node:fs';

export const KB_FLAGS = ['corpus', 'data-dir'];

export interface Opened {
  query: PlansQuery;
  load: LoadResult;
  corpusDir: string;
  dataDir: string;
}

export class NoPlansError extends Error {}

export function openKb(p: ParsedArgs, io: Io, opts: { force?: boolean; quietSkips?: boolean; onProgress?: LoadOptions['onProgress']; corpus?: KeyedFiles } = {}): Opened {
  const corpus = corpusDir(str(p, 'corpus'));
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) throw new NoPlansError(`corpus folder not found: ${corpus}`);
  const data = dataDir(str(p, 'data-dir'));
  const load = loadKnowledgeBase({ corpusDir: corpus, cachePath: defaultCachePath(data, corpus, BUNDLED_CORPUS), force: opts.force, onProgress: opts.onProgress, corpus: opts.corpus });
  if (!opts.quietSkips) {
    for (const s of load.skipped) io.err(`plans: skipped ${s.file}: ${s.reason}`);
  }
  if (load.kb.plans.length === 0) {
    const why = load.skipped.map((s) => `\n  ${s.file}: ${s.reason}`).join('');
    throw new NoPlansError(`no plan could be loaded from ${corpus}${why || ' (the folder has no files)'}`);
  }
  return { query: new PlansQuery(load.kb, { corpusDir: corpus }), load, corpusDir: corpus, dataDir: data };
}
