/**
 * Issue 2's figures on the bundled corpus:
 *   index_ms          the pipeline alone, in process (cold: first run in a fresh process; warm: median of 10)
 *   export_process_ms `plans export --format json` as a whole process, with the cache fresh and after a rebuild
 *
 *   npm run build && node dist/bench/kb.js [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/kb/load.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const corpus = join(root, 'corpus');
const cli = join(root, 'dist', 'src', 'cli', 'main.js');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeProcess(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`plans ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

export function benchKb(): { index_cold_ms: number; index_warm_ms: number; export_cached_ms: number; export_rebuild_ms: number; tasks: number } {
  const cold = loadKnowledgeBase({ corpusDir: corpus, cachePath: null });
  const warm: number[] = [];
  for (let i = 0; i < 10; i++) warm.push(loadKnowledgeBase({ corpusDir: corpus, cachePath: null }).ms);
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-bench-kb-'));
  const env = { ...process.env, PLANS_DATA_DIR: dataDir, NO_COLOR: '1' };
  const rebuild: number[] = [];
  const cached: number[] = [];
  for (let i = 0; i < 5; i++) {
    rmSync(join(dataDir, 'kb.json'), { force: true });
    rebuild.push(timeProcess(['export', '--format', 'json'], env));
    cached.push(timeProcess(['export', '--format', 'json'], env));
  }
  rmSync(dataDir, { recursive: true, force: true });
  return {
    index_cold_ms: Math.round(cold.ms),
    index_warm_ms: Math.round(median(warm) * 10) / 10,
    export_cached_ms: Math.round(median(cached)),
    export_rebuild_ms: Math.round(median(rebuild)),
    tasks: cold.kb.tasks.length,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = benchKb();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r));
  else {
    console.log(`bundled corpus: ${r.tasks} tasks`);
    console.log(`indexing (pipeline, in process): first run ${r.index_cold_ms} ms, warm median ${r.index_warm_ms} ms   (target < 100 ms)`);
    console.log(`plans export --format json, whole process: ${r.export_cached_ms} ms with the cache, ${r.export_rebuild_ms} ms rebuilding   (target < 1 s)`);
  }
}
