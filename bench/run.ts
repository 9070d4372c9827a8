/**
 * `npm run bench` — the scale benchmark (issue 5).
 *
 *   npm run bench                 readable table (progress on stderr)
 *   npm run -s bench -- --json    exactly one JSON object on stdout (-s hides npm's own banner):
 *     { bundled: { index_ms, search_p95_ms }, cold_start_first_frame_ms,
 *       scale: { plans, tasks, index_ms, rss_mb, search_p50_ms, search_p95_ms, naive_fuse_p95_ms, linear_scan_p95_ms } }
 *   options: --plans N (default 500), --seed S, --rounds R (default 3), --quick (no TUI latency, no cold start)
 *
 * Method:
 * - scale: bench/generate.ts writes N plans into a temp dir; index_ms = the whole pipeline on it (no cache)
 *   + building the search index (characters and pinyin); rss_mb after that.
 * - search latency: 20 queries (Chinese exact, typo, pinyin, initials, with filters) typed one character
 *   at a time against the in-memory index, limit 50; each keystroke timed R times (fresh
 *   incremental cache per round), its median taken; p50/p95 over all keystrokes.
 * - baselines on the same tasks and keystrokes: plain fuse.js over all tasks (keys text, unit names,
 *   sections; includeMatches, ignoreLocation, otherwise defaults; every other keystroke, as it takes
 *   seconds each), and a linear String.includes scan (timed interleaved with ours).
 * - bundled.search_p95_ms and cold_start_first_frame_ms come from bench/tui.ts (keystroke → frame in the
 *   real TUI; spawn → first frame in a pseudo-terminal, median of 5) when it is there; otherwise the
 *   search index alone and a tmux spawn of the CLI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fuse from 'fuse.js';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { taskPredicate, type TaskFilters } from '../src/query/filters.js';
import { SearchIndex } from '../src/query/search.js';
import type { Task, UnitEntry } from '../src/types.js';
import { generateScaleCorpus } from './generate.js';

export interface BenchResult {
  bundled: { index_ms: number; search_p95_ms: number };
  cold_start_first_frame_ms: number;
  scale: {
    plans: number;
    tasks: number;
    index_ms: number;
    rss_mb: number;
    search_p50_ms: number;
    search_p95_ms: number;
    naive_fuse_p95_ms: number;
    linear_scan_p95_ms: number;
  };
}

export interface BenchQuery {
  q: string;
  kind: 'exact' | 'typo' | 'pinyin' | 'initials' | 'filtered';
  /** Filters, given the scale KB's plan ids. */
  filters?: (planIds: string[]) => TaskFilters;
}

/** The 20 queries typed character by character. */
export const QUERIES: BenchQuery[] = [
  { q: '僵尸信息系统', kind: 'exact' },
  { q: '数据共享交换平台', kind: 'exact' },
  { q: '政务信息资源目录', kind: 'exact' },
  { q: '电子政务外网', kind: 'exact' },
  { q: '互联网+政务服务', kind: 'exact' },
  { q: '审计 经费', kind: 'exact' },
  { q: '僵户系统', kind: 'typo' },
  { q: '共享交换平抬', kind: 'typo' },
  { q: '政务信息系统正合', kind: 'typo' },
  { q: '数据中心见设', kind: 'typo' },
  { q: 'shenji', kind: 'pinyin' },
  { q: 'gongxiangpingtai', kind: 'pinyin' },
  { q: 'zhengwuwaiwang', kind: 'pinyin' },
  { q: 'sjt', kind: 'initials' },
  { q: 'gxjhpt', kind: 'initials' },
  { q: 'zwxxxt', kind: 'initials' },
  { q: '审计', kind: 'filtered', filters: () => ({ themes: ['audit'] }) },
  { q: '系统整合', kind: 'filtered', filters: () => ({ after: '2020-01-01', before: '2021-12-31' }) },
  { q: 'shuju', kind: 'filtered', filters: (ids) => ({ plans: ids.slice(0, 50) }) },
  { q: '省审计厅', kind: 'filtered', filters: () => ({ unit: '审计' }) },
];

const LIMIT = 50;
const NAIVE_STRIDE = 2;

function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const median = (xs: number[]) => percentile(xs, 50);
const r2 = (n: number) => Math.round(n * 100) / 100;

interface Keystroke {
  text: string;
  pred?: (t: Task) => boolean;
}

/** Every prefix of every query (by code point), with its filter predicate. */
export function keystrokes(planIds: string[], queries = QUERIES, directory: readonly UnitEntry[] = []): Keystroke[] {
  const out: Keystroke[] = [];
  for (const bq of queries) {
    const f = bq.filters?.(planIds);
    const pred = f ? taskPredicate(f, directory) : undefined;
    const chars = Array.from(bq.q);
    for (let k = 1; k <= chars.length; k++) out.push({ text: chars.slice(0, k).join(''), pred });
  }
  return out;
}

/** Times `fn` on every keystroke, `rounds` times (calling `reset` before each round); per-keystroke medians. */
function timeKeystrokes(keys: Keystroke[], rounds: number, fn: (k: Keystroke) => unknown, reset?: () => void): number[] {
  const all: number[][] = keys.map(() => []);
  for (let r = 0; r < rounds; r++) {
    reset?.();
    keys.forEach((k, i) => {
      const t0 = performance.now();
      fn(k);
      all[i].push(performance.now() - t0);
    });
  }
  return all.map(median);
}

/** Like timeKeystrokes for two functions, alternating per keystroke. */
function timePairs(keys: Keystroke[], rounds: number, a: (k: Keystroke) => unknown, b: (k: Keystroke) => unknown, reset: () => void): [number[], number[]] {
  const xa: number[][] = keys.map(() => []);
  const xb: number[][] = keys.map(() => []);
  for (let r = 0; r < rounds; r++) {
    reset();
    keys.forEach((k, i) => {
      let t0 = performance.now();
      a(k);
      xa[i].push(performance.now() - t0);
      t0 = performance.now();
      b(k);
      xb[i].push(performance.now() - t0);
    });
  }
  return [xa.map(median), xb.map(median)];
}

export function linearScan(tasks: Task[], k: Keystroke): Task[] {
  const out: Task[] = [];
  const q = k.text.trim();
  for (const t of tasks) if ((!k.pred || k.pred(t)) && t.text.includes(q)) out.push(t);
  return out;
}

function naiveFuse(tasks: Task[]): (k: Keystroke) => unknown {
  const fuse = new Fuse(tasks, { keys: ['text', 'units.name', 'section'], includeScore: true, includeMatches: true, ignoreLocation: true });
  return (k) => {
    const r = fuse.search(k.text.trim());
    return (k.pred ? r.filter((x) => k.pred!(x.item)) : r).slice(0, LIMIT);
  };
}

function log(msg: string): void {
  process.stderr.write(`bench: ${msg}\n`);
}

interface TuiModule {
  keystrokeLatency?: (opts?: object) => Promise<{ p95: number }>;
  coldStart?: (opts?: { runs?: number }) => Promise<{ p50: number }>;
}

async function tuiModule(): Promise<TuiModule | null> {
  const here = dirname(fileURLToPath(import.meta.url));
  const file = join(here, 'tui.js');
  if (!existsSync(file)) return null;
  try {
    return (await import(pathToFileURL(file).href)) as TuiModule;
  } catch (e) {
    log(`bench/tui unavailable (${(e as Error).message}); using the fallbacks`);
    return null;
  }
}

/** Fallback cold start: spawn the CLI in tmux, poll the pane until anything is drawn; median of `runs`. */
export async function tmuxColdStart(runs = 5): Promise<number> {
  const cli = [join(root(), 'dist', 'src', 'cli', 'main.js'), join(root(), 'dist', 'cli', 'main.js')].find(existsSync);
  if (!cli) throw new Error('build first (npm run build)');
  if (spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status !== 0) throw new Error('tmux is not installed');
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-bench-cold-'));
  const once = async (): Promise<number> => {
    const session = `plans-cold-${process.pid}`;
    const t0 = performance.now();
    spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '100', '-y', '30', `node '${cli}' --data-dir '${dataDir}'; sleep 5`]);
    try {
      for (;;) {
        const pane = spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
        if (pane.trim()) return performance.now() - t0;
        if (performance.now() - t0 > 15000) throw new Error('no first frame within 15 s');
        await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      spawnSync('tmux', ['kill-session', '-t', session]);
    }
  };
  try {
    await once(); // builds the KB cache
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await once());
    return median(xs);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runBench(opts: { plans?: number; seed?: number; rounds?: number; quick?: boolean } = {}): Promise<{ result: BenchResult; extra: Record<string, number | string> }> {
  const plans = opts.plans ?? 500;
  const rounds = opts.rounds ?? 3;
  const extra: Record<string, number | string> = {};
  const t00 = performance.now();

  // ---- scale (first, so that RSS reflects it rather than earlier work)
  const dir = mkdtempSync(join(tmpdir(), 'plans-scale-'));
  let scale: BenchResult['scale'];
  try {
    const g = generateScaleCorpus({ outDir: dir, plans, seed: opts.seed ?? 42 });
    log(`generated ${g.files.length} plans (${(g.bytes / 1e6).toFixed(1)} MB) in ${dir}`);
    const t0 = performance.now();
    const load = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
    const t1 = performance.now();
    const index = new SearchIndex(load.kb.tasks).warm();
    const t2 = performance.now();
    const rss = process.memoryUsage().rss / 2 ** 20;
    extra.scale_pipeline_ms = r2(t1 - t0);
    extra.scale_search_index_ms = r2(t2 - t1);
    log(`scale: ${load.kb.plans.length} plans, ${load.kb.tasks.length} tasks; pipeline ${Math.round(t1 - t0)} ms, search index ${Math.round(t2 - t1)} ms, RSS ${Math.round(rss)} MB`);
    const tasks = load.kb.tasks;
    const keys = keystrokes(load.kb.plans.map((p) => p.id), QUERIES, load.kb.units);
    extra.keystrokes = keys.length;
    // JIT warm-up on other queries, then a clean cache.
    const warm = keystrokes([], [{ q: '信息化项目建设', kind: 'exact' }, { q: 'xinxihua', kind: 'pinyin' }, { q: '信息化项木', kind: 'typo' }]);
    for (let i = 0; i < 3; i++) for (const k of warm) index.search(k.text, k.pred, LIMIT);
    for (const k of warm) linearScan(tasks, k);
    // Ours and the linear floor are timed interleaved, keystroke by keystroke, so that load from other
    // processes hits both alike.
    const [ours, linear] = timePairs(keys, rounds, (k) => index.search(k.text, k.pred, LIMIT), (k) => linearScan(tasks, k), () => index.resetCache());
    log(`search p95 ${r2(percentile(ours, 95))} ms; linear scan p95 ${r2(percentile(linear, 95))} ms; timing naive fuse.js …`);
    const fuse = naiveFuse(tasks);
    for (const k of warm.slice(0, 3)) fuse(k);
    // Plain fuse.js costs ~0.5–3 s per keystroke at this size: time every other keystroke (all 20
    // queries, short and long prefixes alike) to keep the whole bench within its 5-minute budget.
    const naiveKeys = keys.filter((_, i) => i % NAIVE_STRIDE === 0);
    extra.naive_keystrokes = naiveKeys.length;
    const naive = timeKeystrokes(naiveKeys, 1, fuse);
    scale = {
      plans: load.kb.plans.length,
      tasks: tasks.length,
      index_ms: r2(t2 - t0),
      rss_mb: r2(rss),
      search_p50_ms: r2(percentile(ours, 50)),
      search_p95_ms: r2(percentile(ours, 95)),
      naive_fuse_p95_ms: r2(percentile(naive, 95)),
      linear_scan_p95_ms: r2(percentile(linear, 95)),
    };
    extra.search_max_ms = r2(Math.max(...ours));
    // per kind p95, for the table
    let i = 0;
    const byKind = new Map<string, number[]>();
    for (const bq of QUERIES) {
      const n = Array.from(bq.q).length;
      const xs = byKind.get(bq.kind) ?? [];
      xs.push(...ours.slice(i, i + n));
      byKind.set(bq.kind, xs);
      i += n;
    }
    for (const [k, xs] of byKind) extra[`search_p95_${k}_ms`] = r2(percentile(xs, 95));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // ---- bundled corpus
  const corpus = join(root(), 'corpus');
  const builds: number[] = [];
  let bundledTasks: Task[] = [];
  let bundledUnits: UnitEntry[] = [];
  for (let i = 0; i < 6; i++) {
    const t0 = performance.now();
    const l = loadKnowledgeBase({ corpusDir: corpus, cachePath: null });
    builds.push(performance.now() - t0);
    bundledTasks = l.kb.tasks;
    bundledUnits = l.kb.units;
  }
  extra.bundled_tasks = bundledTasks.length;
  const bundledIndexMs = median(builds.slice(1));
  const bIndex = new SearchIndex(bundledTasks).warm();
  const bKeys = keystrokes([...new Set(bundledTasks.map((t) => t.planId))], QUERIES, bundledUnits);
  const bOurs = timeKeystrokes(bKeys, rounds, (k) => bIndex.search(k.text, k.pred, LIMIT), () => bIndex.resetCache());
  extra.bundled_search_index_only_p95_ms = r2(percentile(bOurs, 95));
  let bundledSearchP95 = percentile(bOurs, 95);
  extra.bundled_search_source = 'search index';

  const tui = opts.quick ? null : await tuiModule();
  if (tui?.keystrokeLatency) {
    try {
      log('bundled: keystroke → frame in the TUI (bench/tui.ts) …');
      const l = await tui.keystrokeLatency();
      bundledSearchP95 = l.p95;
      extra.bundled_search_source = 'TUI keystroke → frame';
    } catch (e) {
      log(`TUI keystroke latency failed (${(e as Error).message}); reporting the search index alone`);
    }
  }

  let cold = NaN;
  try {
    if (opts.quick) {
      extra.cold_start_source = 'skipped (--quick)';
    } else if (tui?.coldStart) {
      log('cold start (bench/tui.ts, median of 5) …');
      cold = (await tui.coldStart({ runs: 5 })).p50;
      extra.cold_start_source = 'bench/tui.ts';
    } else {
      log('cold start (tmux, median of 5) …');
      cold = await tmuxColdStart(5);
      extra.cold_start_source = 'tmux capture-pane';
    }
  } catch (e) {
    log(`cold start not measured: ${(e as Error).message}`);
    extra.cold_start_source = `not measured: ${(e as Error).message}`;
  }
  extra.total_s = r2((performance.now() - t00) / 1000);

  return {
    result: {
      bundled: { index_ms: r2(bundledIndexMs), search_p95_ms: r2(bundledSearchP95) },
      cold_start_first_frame_ms: r2(cold),
      scale,
    },
    extra,
  };
}

export function table(r: BenchResult, extra: Record<string, number | string>): string {
  const s = r.scale;
  const ok = (b: boolean) => (b ? 'ok' : 'MISSED');
  const rows: Array<[string, string, string, string]> = [
    ['bundled: indexing (pipeline, 5 plans)', `${r.bundled.index_ms} ms`, '< 100 ms', ok(r.bundled.index_ms < 100)],
    [`bundled: search p95 per keystroke (${extra.bundled_search_source})`, `${r.bundled.search_p95_ms} ms`, '< 16 ms', ok(r.bundled.search_p95_ms < 16)],
    ['bundled: search p95 per keystroke (search index alone)', `${extra.bundled_search_index_only_p95_ms} ms`, '', ''],
    ['cold start to first frame (median of 5)', `${r.cold_start_first_frame_ms} ms`, '< 400 ms', ok(r.cold_start_first_frame_ms < 400)],
    ['scale: plans / tasks', `${s.plans} / ${s.tasks}`, '500 plans', ok(s.plans >= 500)],
    ['scale: index (pipeline + search index)', `${s.index_ms} ms`, '< 10 s', ok(s.index_ms < 10000)],
    ['scale: RSS after indexing', `${s.rss_mb} MB`, '< 500 MB', ok(s.rss_mb < 500)],
    [`scale: search p50 per keystroke (${extra.keystrokes} keystrokes)`, `${s.search_p50_ms} ms`, '', ''],
    ['scale: search p95 per keystroke', `${s.search_p95_ms} ms`, '< 16 ms', ok(s.search_p95_ms < 16)],
    [`scale: plain fuse.js p95 (baseline, ${extra.naive_keystrokes} keystrokes)`, `${s.naive_fuse_p95_ms} ms`, `≥ 5× search: ${r2(s.naive_fuse_p95_ms / s.search_p95_ms)}×`, ok(s.naive_fuse_p95_ms >= 5 * s.search_p95_ms)],
    ['scale: linear String.includes p95 (floor)', `${s.linear_scan_p95_ms} ms`, `search ≤ 3×: ${r2(s.search_p95_ms / s.linear_scan_p95_ms)}×`, ok(s.search_p95_ms <= 3 * s.linear_scan_p95_ms)],
  ];
  const kinds = Object.entries(extra).filter(([k]) => /^search_p95_.+_ms$/.test(k));
  const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((x) => x[i].length)));
  const lines = [`plans benchmark — node ${process.version}, ${cpus().length} CPU(s), ${extra.total_s} s`, ''];
  lines.push(['metric'.padEnd(w[0]), 'value'.padStart(w[1]), 'target'.padEnd(w[2]), ''].join('  ').trimEnd());
  for (const x of rows) lines.push([x[0].padEnd(w[0]), x[1].padStart(w[1]), x[2].padEnd(w[2]), x[3]].join('  ').trimEnd());
  lines.push('', `scale search p95 by query kind: ${kinds.map(([k, v]) => `${k.replace(/^search_p95_|_ms$/g, '')} ${v} ms`).join(', ')}`);
  lines.push(`scale index split: pipeline ${extra.scale_pipeline_ms} ms + search index ${extra.scale_search_index_ms} ms; search max ${extra.search_max_ms} ms`);
  return lines.join('\n');
}

function isMain(): boolean {
  try {
    return Boolean(process.argv[1]) && fileURLToPath(import.meta.url) === (process.argv[1].endsWith('.js') ? process.argv[1] : `${process.argv[1]}.js`);
  } catch {
    return false;
  }
}

if (isMain() || process.argv[1]?.endsWith(join('bench', 'run.js'))) {
  const args = process.argv.slice(2);
  const num = (name: string): number | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : undefined;
  };
  runBench({ plans: num('plans'), seed: num('seed'), rounds: num('rounds'), quick: args.includes('--quick') }).then(
    ({ result, extra }) => {
      process.stdout.write(args.includes('--json') ? JSON.stringify(result, null, 2) + '\n' : table(result, extra) + '\n');
      process.exit(0);
    },
    (e) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
