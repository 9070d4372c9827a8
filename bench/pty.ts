/**
 * TUI latency measured from outside the process, in a real pseudo-terminal: no native dependency, the pty
 * is util-linux `script -qfec CMD /dev/null` (the command runs on the pty's slave side, `stty cols 100 rows
 * 30` first; our pipes talk to `script`, which relays them to and from the pty master). Everything the
 * program writes is fed to a virtual screen (bench/vt.ts); the time of an event is the arrival of the
 * chunk after which the screen shows it.
 *
 *  - relay overhead: spawn → output of a trivial command, and the round trip of one character through
 *    `cat` in raw mode (key in, echo out: the same two hops a keystroke and its frame take);
 *  - spawn → first frame: the screen shows the input line (搜索›) and the status line with a count (N 条);
 *  - first key: a character written the moment the first frame is seen → the input line shows it (echo),
 *    and → the frame for it is complete;
 *  - per keystroke: after a probe key (not measured; first frame → its frame is reported as ready_ms), queries typed one character at a time (each character written as its UTF-8 bytes in
 *    one write), Ctrl+U between queries; a keystroke's frame is complete when the input line shows the
 *    query typed so far AND the status line shows a result count, and the screen has then stayed
 *    unchanged for QUIET ms (so a result list drawn after the echo, in a later frame, is waited for); its
 *    time is the arrival of the last chunk of the burst that last changed the screen. The next key is
 *    written after that quiet period (a pause of ≥ QUIET ms between keys, about 4 keys a second).
 *
 * The same run measures the floor (bench/floor-app.tsx, a minimal Ink app bundled like the app) in the
 * same way: the figures to compare are the ratios.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VScreen } from './vt.js';

export const COLS = 100;
export const ROWS = 30;
/** Quiet time after which a frame counts as final. */
export const QUIET_MS = 250;
/** Chunks closer than this belong to the same burst. */
const BURST_GAP_MS = 4;

export function hasScript(): boolean {
  return spawnSync('sh', ['-c', 'command -v script'], { stdio: 'ignore' }).status === 0;
}

const sh = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function percentile(xs: number[], p: number): number {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r1 = (n: number) => (Number.isFinite(n) ? Math.round(n * 10) / 10 : NaN);

/** A program running in a pseudo-terminal, its output on a virtual screen. */
export class Pty {
  readonly screen = new VScreen(COLS, ROWS);
  readonly t0: number;
  raw = '';
  exited = false;
  private child: ChildProcess;
  private listeners = new Set<(t: number, data: string) => void>();
  private exitPromise: Promise<void>;
  lastChunkAt = NaN;

  constructor(command: string, env: NodeJS.ProcessEnv = {}) {
    const e: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color', ...env };
    // Ink holds its output until exit when it believes it runs in CI; a terminal user is not a CI job.
    delete e.CI;
    delete e.CONTINUOUS_INTEGRATION;
    delete e.FORCE_COLOR;
    delete e.NO_COLOR;
    this.t0 = performance.now();
    this.child = spawn('script', ['-qfec', `stty cols ${COLS} rows ${ROWS} 2>/dev/null; exec ${command}`, '/dev/null'], { env: e, stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (d: string) => {
      const t = performance.now();
      this.lastChunkAt = t;
      this.raw += d;
      this.screen.write(d);
      for (const l of [...this.listeners]) l(t, d);
    });
    this.exitPromise = new Promise((res) => this.child.on('exit', () => ((this.exited = true), res())));
    this.child.stdin!.on('error', () => {});
  }

  /** Writes to the terminal (as typed or pasted); returns the time just before the write. */
  write(s: string | Buffer): number {
    const t = performance.now();
    this.child.stdin!.write(s);
    return t;
  }

  /** Resolves with the time of the chunk after which pred(screen) holds (now, if it already does). */
  until(pred: (s: VScreen) => boolean, timeoutMs: number, what: string): Promise<number> {
    if (pred(this.screen)) return Promise.resolve(Number.isFinite(this.lastChunkAt) ? this.lastChunkAt : performance.now());
    return new Promise((resolve, reject) => {
      const l = (t: number) => {
        if (!pred(this.screen)) return;
        done();
        resolve(t);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.screen.text()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(l);
      };
      this.listeners.add(l);
    });
  }

  /**
   * Waits until pred(screen) holds and the screen then stays unchanged for quietMs; resolves with the arrival
   * time of the last chunk of the burst that last changed the screen while pred held (or `since`, if the
   * screen already showed it and nothing changed).
   */
  settle(pred: (s: VScreen) => boolean, since: number, quietMs: number, timeoutMs: number, what: string): Promise<number> {
    return new Promise((resolve, reject) => {
      let last = this.screen.text();
      let tDone = pred(this.screen) ? since : NaN;
      let burstAt = NaN;
      let quiet: NodeJS.Timeout | null = null;
      const arm = () => {
        if (quiet) clearTimeout(quiet);
        quiet = Number.isFinite(tDone) ? setTimeout(finish, quietMs) : null;
      };
      const finish = () => {
        done();
        resolve(tDone);
      };
      const l = (t: number) => {
        const text = this.screen.text();
        const ok = pred(this.screen);
        if (!ok) {
          tDone = NaN;
          burstAt = NaN;
        } else if (text !== last || !Number.isFinite(tDone)) {
          tDone = t;
          burstAt = t;
        } else if (t - burstAt <= BURST_GAP_MS) {
          tDone = t; // the same burst (cursor placement, end of synchronized output)
          burstAt = t;
        }
        last = text;
        arm();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${this.screen.text()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        if (quiet) clearTimeout(quiet);
        this.listeners.delete(l);
      };
      this.listeners.add(l);
      arm();
    });
  }

  /** Ctrl+C, then SIGKILL (of this `script` process) if it has not exited within 2 s. */
  async close(): Promise<void> {
    if (this.exited) return;
    this.write('\u0003');
    const t = setTimeout(() => this.child.kill('SIGKILL'), 2000);
    await this.exitPromise;
    clearTimeout(t);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- what a frame shows

/** The input line, if the screen has one: the text after 搜索›. */
export function inputOf(s: VScreen): string | null {
  for (let y = 0; y < s.rows; y++) {
    const l = s.line(y);
    const i = l.indexOf('搜索›');
    if (i >= 0 && i < 4) return l.slice(i + 3).replace(/^ /, '').replace(/\s+$/, '');
  }
  return null;
}

/** The result count on the status line (N 条, N/M 条, N+ 条), or null. */
export function countOf(s: VScreen): string | null {
  for (let y = s.rows - 1; y >= 0; y--) {
    const m = /^\s*(\d+(?:\/\d+)?\+?) 条/.exec(s.line(y));
    if (m) return m[1];
  }
  return null;
}

export const firstFrame = (s: VScreen) => inputOf(s) !== null && countOf(s) !== null;
export const frameFor = (q: string) => (s: VScreen) => inputOf(s) === q && countOf(s) !== null;

// ---- measurements

export interface RelayResult {
  /** spawn → output of `echo` through the relay, median of 5. */
  spawn_ms: number;
  /** One character through `cat` in raw mode and back (p50 / p95 of 40). */
  echo_p50_ms: number;
  echo_p95_ms: number;
}

export async function relayOverhead(): Promise<RelayResult> {
  const spawns: number[] = [];
  for (let i = 0; i < 5; i++) {
    const p = new Pty(`echo relay-ready`);
    spawns.push((await p.until((s) => s.text().includes('relay-ready'), 5000, 'echo')) - p.t0);
    await p.close();
  }
  const p = new Pty(`sh -c 'stty raw -echo; echo cat-ready; exec cat'`);
  try {
    await p.until((s) => s.text().includes('cat-ready'), 5000, 'cat');
    await sleep(100);
    const trips: number[] = [];
    for (let i = 0; i < 40; i++) {
      const ch = '字词句段'[i % 4];
      const before = p.raw.length;
      const t = p.write(Buffer.from(ch, 'utf8'));
      const tEcho = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('cat did not echo within 2 s')), 2000);
        const poll = () => {
          if (p.raw.slice(before).includes(ch)) {
            clearTimeout(timer);
            resolve(p.lastChunkAt);
          } else setTimeout(poll, 0);
        };
        poll();
      });
      trips.push(tEcho - t);
      await sleep(20);
    }
    return { spawn_ms: r1(percentile(spawns, 50)), echo_p50_ms: r1(percentile(trips, 50)), echo_p95_ms: r1(percentile(trips, 95)) };
  } finally {
    await p.close();
  }
}

export interface StartResult {
  runs: number;
  /** spawn → first frame, median and all runs. */
  first_frame_ms: number;
  first_frame_runs: number[];
  /** First key written at the first frame → the input line shows it (median). */
  first_key_echo_ms: number;
  /** … → the frame for it is complete (results drawn, then quiet). */
  first_key_frame_ms: number;
}

/** `runs` fresh processes: spawn → first frame, and a key typed at once. */
export async function measureStarts(command: string, firstKey: string, runs = 5): Promise<StartResult> {
  const ff: number[] = [];
  const echo: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < runs; i++) {
    const p = new Pty(command);
    try {
      const tFirst = await p.until(firstFrame, 120000, 'the first frame');
      const tKey = p.write(Buffer.from(firstKey, 'utf8'));
      ff.push(tFirst - p.t0);
      const tEcho = await p.until((s) => inputOf(s) === firstKey, 120000, `the echo of ${firstKey}`);
      echo.push(tEcho - tFirst);
      const tFrame = await p.settle(frameFor(firstKey), tEcho, QUIET_MS, 120000, `the frame for ${firstKey}`);
      frame.push(tFrame - tKey);
    } finally {
      await p.close();
    }
  }
  return {
    runs,
    first_frame_ms: r1(percentile(ff, 50)),
    first_frame_runs: ff.map(r1),
    first_key_echo_ms: r1(percentile(echo, 50)),
    first_key_frame_ms: r1(percentile(frame, 50)),
  };
}

export interface TypedQuery {
  q: string;
  kind: string;
}

export interface TypingResult {
  keystrokes: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  by_kind: Record<string, { keystrokes: number; p50_ms: number; p95_ms: number; max_ms: number }>;
  /** The five slowest keystrokes: the query typed so far and its milliseconds. */
  slowest: Array<{ typed: string; ms: number }>;
  /** Keystrokes whose frame never came (timed out): counted apart, not as latency. */
  timeouts: number;
  /** First frame → the frame of the (unmeasured) probe key typed right after it: when the app answers keys. */
  ready_ms: number;
}

/**
 * One fresh process. After its first frame, a probe key (not measured) is typed and its frame awaited (up to
 * 2 minutes: an app that blocks after its first frame is measured here, as ready_ms, not in the keystrokes),
 * then cleared; then each query is typed one character at a time.
 */
export async function measureTyping(command: string, queries: TypedQuery[], probe = '规'): Promise<TypingResult> {
  const p = new Pty(command);
  const samples: Array<{ typed: string; kind: string; ms: number }> = [];
  let timeouts = 0;
  let ready = NaN;
  try {
    const tFirst = await p.until(firstFrame, 120000, 'the first frame');
    await p.settle(firstFrame, tFirst, 500, 30000, 'the first frame to stay');
    const tProbe = p.write(Buffer.from(probe, 'utf8'));
    ready = (await p.settle(frameFor(probe), tProbe, QUIET_MS, 120000, `the frame for the probe ${probe}`)) - tFirst;
    const tClear = p.write('\u0015');
    await p.settle(frameFor(''), tClear, 1000, 30000, 'the cleared input');
    for (const { q, kind } of queries) {
      if (inputOf(p.screen) !== '') {
        const t = p.write('\u0015'); // Ctrl+U: clear (not measured)
        await p.settle(frameFor(''), t, QUIET_MS, 15000, 'the cleared input');
      }
      const chars = Array.from(q);
      for (let k = 0; k < chars.length; k++) {
        const typed = chars.slice(0, k + 1).join('');
        const t = p.write(Buffer.from(chars[k], 'utf8'));
        try {
          const tDone = await p.settle(frameFor(typed), t, QUIET_MS, 10000, `the frame for ${typed}`);
          samples.push({ typed, kind, ms: tDone - t });
        } catch {
          timeouts++;
          break; // the rest of this query would measure a different state
        }
      }
    }
  } finally {
    await p.close();
  }
  const stats = (xs: number[]) => ({ keystrokes: xs.length, p50_ms: r1(percentile(xs, 50)), p95_ms: r1(percentile(xs, 95)), max_ms: r1(xs.length ? Math.max(...xs) : NaN) });
  const by_kind: TypingResult['by_kind'] = {};
  for (const kind of new Set(samples.map((s) => s.kind))) by_kind[kind] = stats(samples.filter((s) => s.kind === kind).map((s) => s.ms));
  const all = stats(samples.map((s) => s.ms));
  return {
    ...all,
    by_kind,
    slowest: [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5).map((s) => ({ typed: s.typed, ms: r1(s.ms) })),
    timeouts,
    ready_ms: r1(ready),
  };
}

// ---- the whole TUI benchmark

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const BUNDLED_QUERIES: TypedQuery[] = [
  { q: '僵尸信息系统', kind: 'chinese' },
  { q: '数据共享交换', kind: 'chinese' },
  { q: '电子政务外网', kind: 'chinese' },
  { q: 'jiangshi', kind: 'pinyin' },
  { q: 'gongxiang', kind: 'pinyin' },
  { q: '共享交换平抬', kind: 'typo' },
  { q: '僵户系统', kind: 'typo' },
];

/** Queries for the generated corpus (bench/generate.ts vocabulary). */
export const SCALE_QUERIES: TypedQuery[] = [
  { q: '高标准农田', kind: 'chinese' },
  { q: '保障性租赁住房', kind: 'chinese' },
  { q: '交通运输局', kind: 'chinese' },
  { q: 'laojiuxiaoqu', kind: 'pinyin' },
  { q: 'yingji', kind: 'pinyin' },
  { q: '老旧小趋改造', kind: 'typo' },
  { q: '高标准农天', kind: 'typo' },
];

export interface TuiTarget {
  name: string;
  command: string;
  firstKey: string;
  queries: TypedQuery[];
}

export interface TuiBenchResult {
  relay: RelayResult | { error: string };
  targets: Record<string, { starts: StartResult | { error: string }; typing: TypingResult | { error: string } }>;
}

async function attempt<T>(what: string, f: () => Promise<T>, log: (m: string) => void): Promise<T | { error: string }> {
  try {
    return await f();
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    log(`${what}: not measured (${msg})`);
    return { error: msg };
  }
}

/** The built CLI and the floor bundle, as commands for the pty. */
export function appCommand(root: string, corpus: string, dataDir: string): string {
  return `node ${sh(join(root, 'dist', 'src', 'cli', 'main.js'))} --corpus ${sh(corpus)} --data-dir ${sh(dataDir)} --as-of 2018-01-15`;
}
export function floorCommand(bundle: string): string {
  return `node ${sh(bundle)}`;
}

export async function benchTui(targets: TuiTarget[], opts: { runs?: number; log?: (m: string) => void } = {}): Promise<TuiBenchResult> {
  const log = opts.log ?? (() => {});
  if (!hasScript()) {
    const error = 'util-linux `script` is not installed (no pseudo-terminal)';
    log(`TUI: not measured (${error})`);
    return { relay: { error }, targets: Object.fromEntries(targets.map((t) => [t.name, { starts: { error }, typing: { error } }])) };
  }
  log('TUI: relay overhead (script + cat) …');
  const relay = await attempt('relay', relayOverhead, log);
  const out: TuiBenchResult['targets'] = {};
  for (const t of targets) {
    log(`TUI ${t.name}: ${opts.runs ?? 5} fresh starts (first frame, first key) …`);
    const starts = await attempt(`${t.name} starts`, () => measureStarts(t.command, t.firstKey, opts.runs ?? 5), log);
    log(`TUI ${t.name}: typing ${t.queries.length} queries one character at a time …`);
    const typing = await attempt(`${t.name} typing`, () => measureTyping(t.command, t.queries), log);
    out[t.name] = { starts, typing };
  }
  return { relay, targets: out };
}

/** A temp data dir (removed by the caller). */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
export function removeDir(d: string): void {
  rmSync(d, { recursive: true, force: true });
}
