/**
 * Whole-process, cold CLI timings on generated corpora (bench/generate.ts), one size at a time:
 *  - `plans index --corpus DIR --data-dir D`: wall time and the child's maximum RSS (`/usr/bin/time -v`,
 *    else python3's getrusage(RUSAGE_CHILDREN); not measured when neither is there);
 *  - `plans search Q --json` with the cache built by that index (Chinese exact, no-hit, typo, pinyin): wall
 *    time of the whole process, median of R runs, each run paired (in the same round, one after the other)
 *    with `grep -rlF Q DIR` and `rg -lF Q DIR` (when installed) over the same files;
 *  - `plans export --format json` (output to /dev/null), median of R runs.
 * A step that fails or takes longer than its timeout is reported as not measured, with the reason.
 */
import { spawnSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { percentile } from './pty.js';

export interface CliQuery {
  q: string;
  kind: 'chinese' | 'nohit' | 'typo' | 'pinyin';
}

/** Queries for the generated corpus's vocabulary. */
export const CLI_QUERIES: CliQuery[] = [
  { q: '高标准农田', kind: 'chinese' },
  { q: '量子通信卫星', kind: 'nohit' },
  { q: '老旧小趋改造', kind: 'typo' },
  { q: 'baozhangxing', kind: 'pinyin' },
];

export interface Timed {
  ms: number;
  /** Max RSS of the child in MB (null: not measured). */
  rss_mb: number | null;
  ok: boolean;
  error?: string;
}

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
export const tools = {
  time: has('/usr/bin/time') && spawnSync('/usr/bin/time', ['-v', 'true'], { stdio: 'ignore' }).status === 0,
  python: has('python3'),
  grep: has('grep'),
  rg: has('rg'),
};

const r1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : NaN);

/** Runs argv to completion, stdout to /dev/null; wall ms and, with `rss`, the child's max RSS. */
export function timed(argv: string[], opts: { rss?: boolean; timeoutMs?: number; okStatus?: number[] } = {}): Timed {
  let cmd = argv;
  let how: 'time' | 'python' | null = null;
  if (opts.rss && tools.time) {
    cmd = ['/usr/bin/time', '-v', ...argv];
    how = 'time';
  } else if (opts.rss && tools.python) {
    cmd = ['python3', '-c', 'import resource,subprocess,sys\nr=subprocess.call(sys.argv[1:],stdout=subprocess.DEVNULL)\nsys.stderr.write("\\nMAXRSS_KB=%d\\n"%resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\nsys.exit(r)', ...argv];
    how = 'python';
  }
  const devnull = openSync('/dev/null', 'w');
  try {
    const t0 = performance.now();
    const r = spawnSync(cmd[0], cmd.slice(1), { stdio: ['ignore', devnull, 'pipe'], encoding: 'utf8', timeout: opts.timeoutMs ?? 600_000, maxBuffer: 64 * 2 ** 20 });
    const ms = performance.now() - t0;
    const err = r.stderr ?? '';
    let rss: number | null = null;
    if (how === 'time') {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
      rss = m ? Number(m[1]) / 1024 : null;
    } else if (how === 'python') {
      const m = /MAXRSS_KB=(\d+)/.exec(err);
      rss = m ? Number(m[1]) / 1024 : null;
    }
    const okStatus = opts.okStatus ?? [0];
    if (r.error) return { ms, rss_mb: rss, ok: false, error: (r.error as Error).message };
    if (r.status === null) return { ms, rss_mb: rss, ok: false, error: `killed (${r.signal})` };
    if (!okStatus.includes(r.status)) return { ms, rss_mb: rss, ok: false, error: `exit ${r.status}: ${err.trim().split('\n').slice(-2).join(' ').slice(0, 200)}` };
    return { ms, rss_mb: rss, ok: true };
  } finally {
    closeSync(devnull);
  }
}

export interface SizeResult {
  plans: number;
  bytes: number;
  index: { ms: number; rss_mb: number | null } | { error: string };
  /** Per query kind: the app's and grep's / rg's medians. */
  search: Record<string, { q: string; plans_ms: number; grep_ms: number | null; rg_ms: number | null } | { q: string; error: string }>;
  export: { ms: number; rss_mb: number | null } | { error: string };
}

export function benchCliSize(opts: { cli: string; corpus: string; dataDir: string; plans: number; bytes: number; runs: number; log: (m: string) => void; indexTimeoutMs: number }): SizeResult {
  const { cli, corpus, dataDir, runs, log } = opts;
  const flags = ['--corpus', corpus, '--data-dir', dataDir];
  log(`cli ${opts.plans}: plans index …`);
  const ix = timed(['node', cli, 'index', ...flags], { rss: true, timeoutMs: opts.indexTimeoutMs });
  const out: SizeResult = { plans: opts.plans, bytes: opts.bytes, index: ix.ok ? { ms: r1(ix.ms), rss_mb: ix.rss_mb === null ? null : r1(ix.rss_mb) } : { error: ix.error! }, search: {}, export: { error: 'not run' } };
  if (!ix.ok) {
    log(`cli ${opts.plans}: index not measured (${ix.error}); search and export skipped`);
    for (const cq of CLI_QUERIES) out.search[cq.kind] = { q: cq.q, error: 'no index' };
    out.export = { error: 'no index' };
    return out;
  }
  log(`cli ${opts.plans}: index ${Math.round(ix.ms)} ms, RSS ${ix.rss_mb === null ? '?' : Math.round(ix.rss_mb)} MB; cold search × ${runs} …`);
  for (const cq of CLI_QUERIES) {
    const p: number[] = [];
    const g: number[] = [];
    const r: number[] = [];
    let error: string | undefined;
    for (let i = 0; i < runs && !error; i++) {
      const a = timed(['node', cli, 'search', cq.q, '--json', ...flags], { timeoutMs: 120_000 });
      if (!a.ok) error = a.error;
      p.push(a.ms);
      // grep/rg exit 1 when nothing matches: that is a result, not a failure
      if (tools.grep) g.push(timed(['grep', '-rlF', '--', cq.q, corpus], { okStatus: [0, 1] }).ms);
      if (tools.rg) r.push(timed(['rg', '-lF', '--', cq.q, corpus], { okStatus: [0, 1] }).ms);
    }
    out.search[cq.kind] = error
      ? { q: cq.q, error }
      : { q: cq.q, plans_ms: r1(percentile(p, 50)), grep_ms: tools.grep ? r1(percentile(g, 50)) : null, rg_ms: tools.rg ? r1(percentile(r, 50)) : null };
  }
  log(`cli ${opts.plans}: export × ${runs} …`);
  const ex: Timed[] = [];
  for (let i = 0; i < runs; i++) ex.push(timed(['node', cli, 'export', '--format', 'json', ...flags], { rss: i === 0, timeoutMs: 300_000 }));
  const bad = ex.find((x) => !x.ok);
  out.export = bad ? { error: bad.error! } : { ms: r1(percentile(ex.map((x) => x.ms), 50)), rss_mb: ex[0].rss_mb === null ? null : r1(ex[0].rss_mb) };
  return out;
}

export const cliPath = (root: string) => join(root, 'dist', 'src', 'cli', 'main.js');
