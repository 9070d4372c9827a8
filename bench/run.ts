/**
 * `npm run bench` — honest benchmarks of issue 10, measured from outside the app's process where the
 * issue's targets are about what a user sees (methods in README.md, "Performance"):
 *
 *   npm run bench                                 readable table (progress on stderr)
 *   npm run -s bench -- --json                    exactly one JSON object on stdout
 *   options: --sizes 50,500[,2000,5000]           generated corpus sizes for the CLI and in-process parts (default 50,500)
 *            --plans 500[,5000]                   generated corpus sizes the TUI is measured on besides the bundled corpus
 *                                                 (default 500, and 5000 when --sizes has it)
 *            --quick                              fewer runs and queries (a smoke run: sizes 50, TUI plans 50, unless given)
 *            --no-tui                             skip the pseudo-terminal part
 *            --runs R                             runs per cold CLI timing (default 3; --quick 1)
 *            --seed S                             generator seed (default 42)
 *            --json-out FILE                      also write the JSON object (indented) to FILE
 *
 * Parts, one at a time (the machine is shared: nothing runs in parallel):
 *  1. vocabulary of the generated corpus at each size (distinct CJK bigrams and unit names);
 *  2. per size: generate, `plans index` (wall, max RSS), cold `plans search` per query kind paired with grep/rg,
 *     `plans export`; then the in-process search p95 per keystroke (bench/inproc.ts, a fresh process);
 *  3. TUI in a pseudo-terminal (bench/pty.ts): relay overhead, the floor app, the app on the bundled corpus and
 *     on each --plans corpus: spawn → first frame, first key at the first frame → echo, keystroke → frame.
 *  4. the targets table.
 * Anything that cannot be measured (no `script`, no rg, a step that fails or times out) is reported as not
 * measured, with the reason; it does not stop the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchCliSize, cliPath, CLI_QUERIES, tools, type SizeResult } from './cli.js';
import { bundleFloor } from './floor-bundle.js';
import { generateScaleCorpus, vocabularyGrowth, type VocabularyPoint } from './generate.js';
import type { InprocResult } from './inproc.js';
import { appCommand, benchTui, hasScript, BUNDLED_QUERIES, floorCommand, packageRoot, removeDir, SCALE_QUERIES, tempDir, type StartResult, type TuiBenchResult, type TuiTarget, type TypingResult } from './pty.js';

export interface Target {
  id: string;
  metric: string;
  value: number | null;
  unit: string;
  target: string;
  ok: boolean | null;
  /** Why there is no value. */
  note?: string;
}

export interface BenchJson {
  node: string;
  cpus: number;
  loadavg_start: number[];
  total_s: number;
  options: { sizes: number[]; plans: number[]; quick: boolean; runs: number; seed: number; tui: boolean };
  tools: { script: boolean; grep: boolean; rg: boolean; time: boolean };
  vocabulary: VocabularyPoint[];
  cli: SizeResult[];
  inproc: Array<InprocResult | { plans: number; error: string }>;
  tui: (TuiBenchResult & { ratios: Record<string, number | null> }) | { error: string };
  targets: Target[];
}

const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
const r2 = (n: number) => Math.round(n * 100) / 100;
const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);
const ok = (v: number | null, pass: (v: number) => boolean) => (v === null ? null : pass(v));

function inproc(root: string, corpus: string, dataDir: string, rounds: number): InprocResult | { error: string } {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'bench', 'inproc.js'), '--corpus', corpus, '--data-dir', dataDir, '--rounds', String(rounds)], { encoding: 'utf8', timeout: 900_000, maxBuffer: 2 ** 24 });
  if (r.status !== 0) return { error: r.error?.message ?? (r.status === null ? `killed (${r.signal})` : `exit ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-1)[0]}`) };
  try {
    return JSON.parse(r.stdout) as InprocResult;
  } catch {
    return { error: 'no JSON from bench/inproc' };
  }
}

export async function runBench(o: { sizes: number[]; plans: number[]; quick: boolean; runs: number; seed: number; tui: boolean }): Promise<BenchJson> {
  const t00 = performance.now();
  const root = packageRoot();
  const cli = cliPath(root);
  if (!existsSync(cli)) throw new Error('build first: npm run build (no dist/src/cli/main.js)');
  const loadStart = loadavg().map(r2);
  const sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  const tuiPlans = o.tui ? [...new Set(o.plans)].sort((a, b) => a - b) : [];

  log(`vocabulary at ${sizes.join('/')} plans …`);
  const vocabulary = vocabularyGrowth(o.seed, sizes);

  // corpus dirs (kept until the TUI part has used them)
  const dirs = new Map<number, { corpus: string; data: string; bytes: number }>();
  const tmp: string[] = [];
  const prepare = (n: number, index: boolean) => {
    if (dirs.has(n)) return dirs.get(n)!;
    const corpus = tempDir(`plans-bench-${n}-`);
    const data = tempDir(`plans-bench-data-${n}-`);
    tmp.push(corpus, data);
    const g = generateScaleCorpus({ outDir: corpus, plans: n, seed: o.seed });
    log(`generated ${n} plans (${(g.bytes / 1e6).toFixed(1)} MB)`);
    const d = { corpus, data, bytes: g.bytes };
    dirs.set(n, d);
    if (index) {
      const r = spawnSync(process.execPath, [cli, 'index', '--corpus', corpus, '--data-dir', data], { stdio: 'ignore', timeout: 1_800_000 });
      if (r.status !== 0) log(`plans index on ${n} plans failed (exit ${r.status})`);
    }
    return d;
  };

  const cliResults: SizeResult[] = [];
  const inprocResults: BenchJson['inproc'] = [];
  try {
    for (const n of sizes) {
      const d = prepare(n, false);
      cliResults.push(benchCliSize({ cli, corpus: d.corpus, dataDir: d.data, plans: n, bytes: d.bytes, runs: o.runs, log, indexTimeoutMs: 1_800_000 }));
      log(`in-process search on ${n} plans (bench/inproc, a fresh process) …`);
      const ip = inproc(root, d.corpus, d.data, o.quick ? 1 : 3);
      inprocResults.push('error' in ip ? { plans: n, error: ip.error } : ip);
    }

    let tui: BenchJson['tui'];
    if (!o.tui) tui = { error: 'skipped (--no-tui)' };
    else {
      let floor: string | null = null;
      try {
        floor = await bundleFloor(root);
      } catch (e) {
        log(`floor app not bundled: ${(e as Error).message}`);
      }
      const bundledData = tempDir('plans-bench-tui-');
      tmp.push(bundledData);
      spawnSync(process.execPath, [cli, 'index', '--corpus', join(root, 'corpus'), '--data-dir', bundledData], { stdio: 'ignore' });
      const q = (qs: typeof BUNDLED_QUERIES) => (o.quick ? qs.filter((_, i) => i % 3 === 0) : qs);
      const targets: TuiTarget[] = [];
      if (floor) targets.push({ name: 'floor', command: floorCommand(floor), firstKey: '农', queries: q(BUNDLED_QUERIES) });
      targets.push({ name: 'bundled', command: appCommand(root, join(root, 'corpus'), bundledData), firstKey: '僵', queries: q(BUNDLED_QUERIES) });
      for (const n of tuiPlans) {
        const d = dirs.get(n) ?? prepare(n, true);
        targets.push({ name: `plans_${n}`, command: appCommand(root, d.corpus, d.data), firstKey: '农', queries: q(SCALE_QUERIES) });
      }
      const t = await benchTui(targets, { runs: o.quick ? 1 : 5, log });
      const ff = (name: string) => num((t.targets[name]?.starts as StartResult | undefined)?.first_frame_ms);
      const kp = (name: string) => num((t.targets[name]?.typing as TypingResult | undefined)?.p95_ms);
      const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? r2(a / b) : null);
      const ratios: Record<string, number | null> = {};
      for (const name of Object.keys(t.targets).filter((x) => x !== 'floor')) {
        ratios[`${name}_first_frame_vs_floor`] = ratio(ff(name), ff('floor'));
        ratios[`${name}_keystroke_p95_vs_floor`] = ratio(kp(name), kp('floor'));
      }
      tui = { ...t, ratios };
    }

    const json: BenchJson = {
      node: process.version,
      cpus: cpus().length,
      loadavg_start: loadStart,
      total_s: r2((performance.now() - t00) / 1000),
      options: { ...o, sizes, plans: tuiPlans },
      tools: { script: hasScript(), grep: tools.grep, rg: tools.rg, time: tools.time },
      vocabulary,
      cli: cliResults,
      inproc: inprocResults,
      tui,
      targets: [],
    };
    json.targets = targets(json);
    return json;
  } finally {
    for (const d of tmp) removeDir(d);
  }
}

/** The issue's targets, each with its measured value (null: not measured, with the reason). */
export function targets(j: BenchJson): Target[] {
  const out: Target[] = [];
  const tui = 'targets' in j.tui ? j.tui : null;
  const tuiNote = tui ? undefined : (j.tui as { error: string }).error;
  const start = (name: string) => {
    const s = tui?.targets[name]?.starts;
    return s && !('error' in s) ? s : null;
  };
  const typing = (name: string) => {
    const s = tui?.targets[name]?.typing;
    return s && !('error' in s) ? s : null;
  };
  const why = (name: string, part: 'starts' | 'typing') => {
    const s = tui?.targets[name]?.[part];
    return tuiNote ?? (s && 'error' in s ? s.error : s ? undefined : `not run (add it to --plans)`);
  };
  const add = (t: Omit<Target, 'ok'>, pass: (v: number) => boolean) => out.push({ ...t, ok: ok(t.value, pass), ...(t.value === null && !t.note ? { note: 'not measured' } : {}) });

  const ffRatio = tui?.ratios.bundled_first_frame_vs_floor ?? null;
  add({ id: 'tui_first_frame_ratio', metric: 'TUI first frame, bundled corpus ÷ floor app (ratio)', value: ffRatio, unit: '×', target: '≤ 1.2×', note: ffRatio === null ? why('bundled', 'starts') ?? why('floor', 'starts') : undefined }, (v) => v <= 1.2);
  for (const name of ['bundled', ...(j.options.plans.map((n) => `plans_${n}`))]) {
    const s = start(name);
    add({ id: `tui_first_key_echo_${name}`, metric: `first key at first frame → echoed (${name.replace('plans_', '') === name ? name : `${name.replace('plans_', '')} plans`})`, value: s ? s.first_key_echo_ms : null, unit: 'ms', target: '≤ 50 ms', note: s ? undefined : why(name, 'starts') }, (v) => v <= 50);
  }
  const kTargets: Array<[string, number]> = [['bundled', 16], ['plans_500', 16], ['plans_5000', 25]];
  for (const [name, limit] of kTargets) {
    const s = typing(name);
    add({ id: `tui_keystroke_p95_${name}`, metric: `TUI keystroke → frame p95 (${name === 'bundled' ? 'bundled' : `${name.slice(6)} plans`})`, value: s ? s.p95_ms : null, unit: 'ms', target: `≤ ${limit} ms`, note: s ? undefined : why(name, 'typing') }, (v) => v <= limit);
  }
  // cold search: the slowest query kind
  const size = (n: number) => j.cli.find((c) => c.plans === n);
  const coldMax = (n: number): number | null => {
    const c = size(n);
    if (!c) return null;
    const xs = Object.values(c.search).map((s) => ('plans_ms' in s ? s.plans_ms : NaN));
    return xs.length && xs.every(Number.isFinite) ? Math.max(...xs) : null;
  };
  const searchError = (n: number): string | undefined => {
    const e = Object.values(size(n)?.search ?? {}).find((x) => 'error' in x);
    return e && 'error' in e ? `search: ${e.error}` : undefined;
  };
  const c5000 = coldMax(5000);
  const c50 = coldMax(50);
  add({ id: 'cold_search_5000', metric: 'cold `plans search` at 5000 plans (slowest query kind, median)', value: c5000, unit: 'ms', target: '≤ 1000 ms', note: size(5000) ? searchError(5000) : 'size 5000 not run (--sizes)' }, (v) => v <= 1000);
  add({ id: 'cold_search_5000_vs_50', metric: 'cold search 5000 ÷ 50 plans (ratio)', value: c5000 !== null && c50 !== null ? r2(c5000 / c50) : null, unit: '×', target: '≤ 2×', note: size(5000) && size(50) ? searchError(5000) ?? searchError(50) : 'sizes 50 and 5000 needed' }, (v) => v <= 2);
  // index linearity: growth exponent of the index time between the smallest size ≥ 500 (or the smallest) and the largest
  const ix = j.cli.filter((c) => 'ms' in c.index).map((c) => ({ n: c.plans, ms: (c.index as { ms: number }).ms }));
  const to = ix[ix.length - 1];
  const from = ix.find((x) => x.n >= 500 && x.n < (to?.n ?? 0)) ?? ix[0];
  const exponent = from && to && to.n > from.n ? r2(Math.log(to.ms / from.ms) / Math.log(to.n / from.n)) : null;
  add({ id: 'index_linear', metric: `\`plans index\` growth exponent, ${from?.n ?? '?'}→${to?.n ?? '?'} plans (1 = linear)`, value: exponent, unit: '', target: '≤ 1.1', note: exponent === null ? 'two index sizes needed' : undefined }, (v) => v <= 1.1);
  const c = size(5000);
  const rss = c && 'rss_mb' in c.index ? c.index.rss_mb : null;
  add({ id: 'index_rss_5000', metric: '`plans index` max RSS at 5000 plans', value: rss, unit: 'MB', target: '< 600 MB', note: c ? ('error' in c.index ? `index: ${c.index.error}` : rss === null ? 'RSS not measurable (no /usr/bin/time, no python3)' : undefined) : 'size 5000 not run (--sizes)' }, (v) => v < 600);
  const ip = j.inproc.find((x) => x.plans === 5000);
  for (const kind of ['chinese', 'pinyin', 'typo', 'nohit']) {
    const v = ip && 'by_kind' in ip ? (ip.by_kind[kind]?.p95_ms ?? null) : null;
    add({ id: `inproc_p95_5000_${kind}`, metric: `in-process search p95 per keystroke, 5000 plans, ${kind}`, value: v, unit: 'ms', target: '≤ 16 ms', note: ip ? ('error' in ip ? ip.error : undefined) : 'size 5000 not run (--sizes)' }, (v) => v <= 16);
  }
  return out;
}

const fmt = (v: number | null | undefined, unit = 'ms') => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(v * 10) / 10}${unit ? ` ${unit}` : ''}`);

function grid(rows: string[][]): string[] {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c + ' '.repeat(w[i] - displayWidth(c)) : ' '.repeat(w[i] - displayWidth(c)) + c)).join('  ').trimEnd());
}
function displayWidth(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

export function table(j: BenchJson): string {
  const L: string[] = [];
  L.push(`plans benchmark — node ${j.node}, ${j.cpus} CPU(s), load average at start ${j.loadavg_start.join(' ')}, ${j.total_s} s`);
  L.push(`sizes ${j.options.sizes.join('/')}, TUI on bundled${j.options.plans.length ? ` + ${j.options.plans.join('/')} plans` : ''}, ${j.options.runs} run(s) per cold timing${j.options.quick ? ' (--quick)' : ''}`);
  L.push('', 'Targets (issue 10)');
  L.push(...grid([['metric', 'value', 'target', ''], ...j.targets.map((t) => [t.metric, t.value === null ? '—' : `${t.value}${t.unit ? ` ${t.unit}` : ''}`, t.target, t.ok === null ? `not measured${t.note ? `: ${t.note}` : ''}` : t.ok ? 'ok' : 'MISSED'])]));

  if ('targets' in j.tui) {
    const t = j.tui;
    L.push('', 'TUI in a pseudo-terminal (100×30, fresh processes; ms)');
    const relay = 'error' in t.relay ? `not measured: ${t.relay.error}` : `spawn → output ${t.relay.spawn_ms} ms, one character through cat and back p50 ${t.relay.echo_p50_ms} / p95 ${t.relay.echo_p95_ms} ms`;
    L.push(`relay (script) overhead: ${relay}`);
    const rows = [['', 'first frame', 'key@frame → echo', 'key@frame → frame', 'ready', 'keys', 'keystroke p50', 'p95', 'max', 'p95 chinese/pinyin/typo']];
    for (const [name, r] of Object.entries(t.targets)) {
      const s = 'error' in r.starts ? null : r.starts;
      const y = 'error' in r.typing ? null : r.typing;
      rows.push([
        name,
        s ? `${fmt(s.first_frame_ms, '')} (${s.first_frame_runs.join(' ')})` : `— ${(r.starts as { error: string }).error.slice(0, 40)}`,
        fmt(s?.first_key_echo_ms, ''),
        fmt(s?.first_key_frame_ms, ''),
        fmt(y?.ready_ms, ''),
        y ? `${y.keystrokes}${y.timeouts ? ` (+${y.timeouts} timed out)` : ''}` : '—',
        fmt(y?.p50_ms, ''),
        fmt(y?.p95_ms, ''),
        fmt(y?.max_ms, ''),
        y ? ['chinese', 'pinyin', 'typo'].map((k) => fmt(y.by_kind[k]?.p95_ms, '')).join(' / ') : '—',
      ]);
    }
    L.push(...grid(rows));
    L.push('(ready: first frame → the frame of a probe key typed right after it, in the typing session; keystrokes are measured after it)');
    const ratios = Object.entries(t.ratios).map(([k, v]) => `${k} ${v ?? '—'}`);
    if (ratios.length) L.push(`ratios to the floor: ${ratios.join(', ')}`);
    for (const [name, r] of Object.entries(t.targets)) if (!('error' in r.typing) && r.typing.slowest.length) L.push(`slowest keystrokes ${name}: ${r.typing.slowest.map((s) => `${s.typed} ${s.ms}`).join(', ')}`);
  } else L.push('', `TUI: not measured (${j.tui.error})`);

  L.push('', 'Generated corpus vocabulary');
  L.push(...grid([['plans', 'tasks', 'MB', 'distinct CJK bigrams', 'distinct unit names'], ...j.vocabulary.map((v) => [String(v.plans), String(v.tasks), (v.bytes / 1e6).toFixed(1), String(v.bigrams), String(v.units)])]));

  L.push('', `Whole-process cold CLI (median of ${j.options.runs}; ms; grep -rlF${j.tools.rg ? ' / rg -lF' : ' (rg not installed)'} over the same files, same rounds)`);
  const head = ['plans', 'index', 'index RSS', ...CLI_QUERIES.map((q) => `search ${q.kind} (${q.q})`), 'grep (chinese)', ...(j.tools.rg ? ['rg (chinese)'] : []), 'export'];
  const rows = [head];
  for (const c of j.cli) {
    const s = (k: string) => {
      const x = c.search[k];
      return !x ? '—' : 'error' in x ? `— (${x.error.slice(0, 30)})` : fmt(x.plans_ms, '');
    };
    const ch = c.search.chinese;
    rows.push([
      String(c.plans),
      'error' in c.index ? `— (${c.index.error.slice(0, 30)})` : fmt(c.index.ms, ''),
      'error' in c.index ? '—' : fmt(c.index.rss_mb, 'MB'),
      ...CLI_QUERIES.map((q) => s(q.kind)),
      ch && 'grep_ms' in ch ? fmt(ch.grep_ms, '') : '—',
      ...(j.tools.rg ? [ch && 'rg_ms' in ch ? fmt(ch.rg_ms, '') : '—'] : []),
      'error' in c.export ? `— (${c.export.error.slice(0, 30)})` : fmt(c.export.ms, ''),
    ]);
  }
  L.push(...grid(rows));
  const greps = j.cli.map((c) => `${c.plans}: ${CLI_QUERIES.map((q) => { const x = c.search[q.kind]; return x && 'grep_ms' in x ? fmt(x.grep_ms, '') : '—'; }).join('/')}`);
  L.push(`grep per query kind (${CLI_QUERIES.map((q) => q.kind).join('/')}): ${greps.join('; ')}`);

  L.push('', 'In-process search per keystroke (search index only, no rendering; limit 50; ms)');
  L.push(...grid([['plans', 'tasks', 'load', 'build index', 'RSS', 'keys', 'p50', 'p95', 'max', 'p95 chinese/pinyin/typo/nohit'], ...j.inproc.map((x) => ('error' in x ? [String(x.plans), `— (${x.error.slice(0, 40)})`, '', '', '', '', '', '', '', ''] : [String(x.plans), String(x.tasks), fmt(x.load_ms, ''), fmt(x.index_ms, ''), fmt(x.rss_mb, 'MB'), String(x.keystrokes), fmt(x.p50_ms, ''), fmt(x.p95_ms, ''), fmt(x.max_ms, ''), ['chinese', 'pinyin', 'typo', 'nohit'].map((k) => fmt(x.by_kind[k]?.p95_ms, '')).join(' / ')]))]));
  return L.join('\n');
}

export function parseArgs(args: string[]): { sizes: number[]; plans: number[]; quick: boolean; runs: number; seed: number; tui: boolean; json: boolean; jsonOut?: string } {
  const flag = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const list = (s: string | undefined, d: number[]) => (s ? s.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0) : d);
  const quick = args.includes('--quick');
  const sizes = list(flag('sizes'), quick ? [50] : [50, 500]);
  return {
    sizes,
    // the TUI at 500 plans, and at 5000 when that size is generated anyway (the ≤ 25 ms target)
    plans: list(flag('plans'), quick ? [50] : sizes.includes(5000) ? [500, 5000] : [500]),
    quick,
    runs: Number(flag('runs') ?? (quick ? 1 : 3)),
    seed: Number(flag('seed') ?? 42),
    tui: !args.includes('--no-tui'),
    json: args.includes('--json'),
    jsonOut: flag('json-out'),
  };
}

function isMain(): boolean {
  try {
    return Boolean(process.argv[1]) && fileURLToPath(import.meta.url) === (process.argv[1].endsWith('.js') ? process.argv[1] : `${process.argv[1]}.js`);
  } catch {
    return false;
  }
}

if (isMain() || process.argv[1]?.endsWith(join('bench', 'run.js'))) {
  const { json, jsonOut, ...o } = parseArgs(process.argv.slice(2));
  runBench(o).then(
    (r) => {
      if (jsonOut) writeFileSync(jsonOut, JSON.stringify(r, null, 1) + '\n');
      process.stdout.write(json ? JSON.stringify(r) + '\n' : table(r) + '\n');
      process.exit(0);
    },
    (e) => {
      process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
      process.exit(1);
    },
  );
}
