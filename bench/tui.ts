/**
 * TUI benchmarks on the bundled corpus:
 *  - keystroke-to-frame latency: ~20 queries typed character by character into the real App rendered by
 *    Ink to an in-memory terminal; time from the keystroke reaching stdin to the frame being written.
 *  - cold start: the built CLI (`node dist/.../cli/main.js`) spawned in a pseudo-terminal (util-linux
 *    `script`, else tmux) until its first frame appears.
 * Prints JSON when run directly (`node dist/bench/tui.js`); bench/run.ts can import the functions.
 */
import { corpusReader } from '../src/kb/source.js';
import { spawn, spawnSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';

export const QUERIES = [
  '僵尸',
  '数据共享',
  '审计',
  '政务服务',
  'jiangshi',
  'gongxiang',
  'sjgx',
  '电子政务外网',
  '2017年12月',
  '发展改革委',
  '信息系统整合',
  '共享交换平台',
  '安全保障',
  '资源目录',
  'shuju',
  '考核',
  '政务信息共享网站',
  '经费',
  '试点',
  '数据中心',
];

export interface LatencyResult {
  keystrokes: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
  /** Of which: time inside PlansQuery.search (the ranking) … */
  searchP50: number;
  searchP95: number;
  /** … and the rest: React + Ink turning the new state into the frame. */
  renderP50: number;
  renderP95: number;
  width: number;
  height: number;
  /** The five slowest keystrokes: the query as typed so far, total and search milliseconds. */
  slowest: Array<{ typed: string; ms: number; searchMs: number }>;
}

export interface ColdStartResult {
  runs: number;
  /** Milliseconds from spawn to the first frame, cache warm (the usual start). */
  p50: number;
  min: number;
  max: number;
  /** First run, building the knowledge-base cache from scratch. */
  firstBuildMs: number | null;
  method: 'script' | 'tmux';
}

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const round = (n: number) => Math.round(n * 100) / 100;

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

/** The built CLI entry point, wherever tsc put it. */
export function builtCli(root = packageRoot()): string | null {
  for (const p of ['dist/cli/main.js', 'dist/src/cli/main.js']) if (existsSync(join(root, p))) return join(root, p);
  return null;
}

class FakeStdout extends EventEmitter {
  isTTY = true;
  onWrite: ((s: string) => void) | null = null;
  lastFrame = '';
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (s: string) => {
    this.lastFrame = s;
    this.onWrite?.(s);
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read = () => {
    const d = this.data;
    this.data = null;
    return d;
  };
  write(s: string) {
    this.data = s;
    this.emit('readable');
  }
}

/** Type every query character by character into the search view; time each keystroke to its frame. */
export async function keystrokeLatency(opts: { queries?: string[]; corpusDir?: string; width?: number; height?: number } = {}): Promise<LatencyResult> {
  const root = packageRoot();
  const corpusDir = opts.corpusDir ?? join(root, 'corpus');
  const width = opts.width ?? 100;
  const height = opts.height ?? 30;
  process.env.NODE_ENV ??= 'production'; // as the app itself runs (src/tui/start.ts)
  process.env.FORCE_COLOR ??= '1'; // frames styled as in a colour terminal (styling is part of the cost)
  (await import('../src/tui/start.js')).registerPerfHooks(); // likewise, before Ink is imported
  const [{ render }, React, { App }, { loadKnowledgeBase }, { PlansQuery }] = await Promise.all([
    import('ink'),
    import('react'),
    import('../src/tui/app.js'),
    import('../src/kb/load.js'),
    import('../src/query/index.js'),
  ]);
  const { kb } = loadKnowledgeBase({ corpusDir, cachePath: null });
  const query = new PlansQuery(kb, { source: corpusReader(corpusDir) });
  // Time spent inside the query API's search (the ranking, not the rendering) per keystroke.
  let searchMs = 0;
  const search = query.search.bind(query);
  query.search = (...args: Parameters<typeof search>) => {
    const t = performance.now();
    try {
      return search(...args);
    } finally {
      searchMs += performance.now() - t;
    }
  };
  const stdout = new FakeStdout(width, height);
  const stdin = new FakeStdin();
  const env = { query, asOf: '2018-01-15', color: true, corpusDir, upcomingDays: 30 };
  const inst = render(React.createElement(App, { env }), {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(width, height) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const settle = () => new Promise((r) => setTimeout(r, 5));
  await settle();
  await new Promise((r) => setTimeout(r, 300)); // let the search index warm up as it does after the first frame

  const samples: number[] = [];
  const searchSamples: number[] = [];
  const labels: string[] = [];
  const key = async (s: string): Promise<number> => {
    let resolveFrame: (t: number) => void = () => {};
    const frame = new Promise<number>((r) => (resolveFrame = r));
    stdout.onWrite = () => resolveFrame(performance.now());
    const t0 = performance.now();
    stdin.write(s);
    const t1 = await Promise.race([frame, new Promise<number>((r) => setTimeout(() => r(NaN), 1000))]);
    stdout.onWrite = null;
    return t1 - t0;
  };
  // One query typed and cleared first, unmeasured: the first frames of a session run cold (JIT) code.
  for (const ch of '规划') {
    await key(ch);
    await settle();
  }
  for (const q of opts.queries ?? QUERIES) {
    await key('\u0015'); // Ctrl+U: clear the input (not measured)
    await settle();
    for (const ch of q) {
      searchMs = 0;
      const ms = await key(ch);
      if (!Number.isNaN(ms)) {
        samples.push(ms);
        searchSamples.push(searchMs);
        labels.push(q.slice(0, q.indexOf(ch) + ch.length));
      }
      await settle();
    }
  }
  inst.unmount();
  inst.cleanup();
  return {
    keystrokes: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(Math.max(...samples)),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    searchP50: round(percentile(searchSamples, 50)),
    searchP95: round(percentile(searchSamples, 95)),
    renderP50: round(percentile(samples.map((x, i) => x - searchSamples[i]), 50)),
    renderP95: round(percentile(samples.map((x, i) => x - searchSamples[i]), 95)),
    width,
    height,
    slowest: samples
      .map((ms, i) => ({ typed: labels[i], ms: round(ms), searchMs: round(searchSamples[i]) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 5),
  };
}

function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** One spawn of the built CLI in a pseudo-terminal; milliseconds until the first frame (the search prompt). */
async function oneStart(cli: string, dataDir: string, method: 'script' | 'tmux'): Promise<number> {
  const env = { ...process.env, TERM: 'xterm-256color' } as NodeJS.ProcessEnv;
  delete env.CI;
  const cmd = `stty cols 80 rows 24 2>/dev/null; exec node ${shellQuote(cli)} --data-dir ${shellQuote(dataDir)} --as-of 2018-01-15`;
  if (method === 'script') {
    return new Promise((resolvePromise, reject) => {
      const t0 = performance.now();
      const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
      let buf = '';
      let done = false;
      const timer = setTimeout(() => finish(NaN), 15000);
      function finish(ms: number) {
        if (done) return;
        done = true;
        clearTimeout(timer);
        child.stdin.write('\u0003'); // Ctrl+C
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
        child.on('exit', () => (Number.isNaN(ms) ? reject(new Error('no first frame within 15 s')) : resolvePromise(ms)));
      }
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (d: string) => {
        buf += d;
        if (buf.includes('搜索›')) finish(performance.now() - t0);
      });
    });
  }
  const session = `plans-bench-${process.pid}`;
  const t0 = performance.now();
  spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '80', '-y', '24', cmd], { env });
  try {
    for (;;) {
      const out = spawnSync('tmux', ['capture-pane', '-p', '-t', session], { encoding: 'utf8' }).stdout ?? '';
      if (out.includes('搜索›')) return performance.now() - t0;
      if (performance.now() - t0 > 15000) throw new Error('no first frame within 15 s');
      await new Promise((r) => setTimeout(r, 5));
    }
  } finally {
    spawnSync('tmux', ['kill-session', '-t', session]);
  }
}

/** Whole-process cold start to first frame. The first run builds the KB cache (reported apart). */
export async function coldStart(opts: { runs?: number } = {}): Promise<ColdStartResult> {
  const cli = builtCli();
  if (!cli) throw new Error('build first: npm run build (no dist/**/cli/main.js)');
  const method = hasCommand('script') ? 'script' : hasCommand('tmux') ? 'tmux' : null;
  if (!method) throw new Error('cold start needs util-linux `script` or tmux for a pseudo-terminal');
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-bench-'));
  try {
    const first = await oneStart(cli, dataDir, method);
    const runs = opts.runs ?? 10;
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await oneStart(cli, dataDir, method));
    return { runs, p50: round(percentile(xs, 50)), min: round(Math.min(...xs)), max: round(Math.max(...xs)), firstBuildMs: round(first), method };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchTui(): Promise<{ latency: LatencyResult; coldStart: ColdStartResult | { error: string } }> {
  const latency = await keystrokeLatency();
  let cs: ColdStartResult | { error: string };
  try {
    cs = await coldStart();
  } catch (e) {
    cs = { error: (e as Error).message };
  }
  return { latency, coldStart: cs };
}

function invokedDirectly(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(resolve(process.argv[1])) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  benchTui().then(
    (r) => {
      process.stdout.write(JSON.stringify({ tui: r, targets: { keystrokeP95Ms: 16, coldStartMs: 400 } }, null, 2) + '\n');
      process.exit(0);
    },
    (e) => {
      process.stderr.write(`bench/tui: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
