/**
 * Bare `plans` in a terminal: opens the knowledge base (with progress if building takes > 200 ms),
 * switches to the alternate screen, runs the Ink app, and restores the terminal on every exit path.
 * Ink, React and the app are imported lazily so `plans --help` and the subcommands never pay for them.
 */
import * as nodeModule from 'node:module';
import { colorEnabled, type Io } from '../app/io.js';
import { isoDate, parseArgs, UsageError } from '../app/args.js';
import { cacheState, NoPlansError, openChecklist, openKb } from '../app/open.js';
import { buildInWorker } from '../app/build.js';
import { progressReporter } from './progress.js';
import { asOfDate } from '../domain/today.js';
import { rehearse, type Rehearsal } from './rehearse.js';
import { InputActivity } from './activity.js';

const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?25h\u001b[?1049l';

/** Faster module resolution for Ink's string-width and throttle (src/tui/perf/loader.ts); optional. */
export function registerPerfHooks(): void {
  if (process.env.PLANS_NO_LOADER || perfHooksRegistered) return;
  perfHooksRegistered = true;
  try {
    nodeModule.register('./perf/loader.js', import.meta.url);
  } catch {
    /* an older Node without module.register: Ink still works, only slower */
  }
}
let perfHooksRegistered = false;

/** Whether this module runs from the start-up bundle (dist/tui-bundle.mjs, scripts/bundle-tui.mjs). */
const BUNDLED = import.meta.url.endsWith('/tui-bundle.mjs');

/**
 * Ink, React and the app. In the start-up bundle they are part of it (initialised only now, after the
 * knowledge base is open); running from the modules, the module hooks go in first.
 */
async function loadApp(): Promise<typeof import('./bundle-entry.js')> {
  if (!BUNDLED) registerPerfHooks();
  // Yoga's WebAssembly is inlined as a data: URL; given a global fetch, its loader fetches it, which
  // makes Node load its whole fetch implementation (~30 ms). Without fetch it decodes the bytes itself.
  const fetchDescriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchDescriptor) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('./bundle-entry.js');
  } finally {
    if (fetchDescriptor) Object.defineProperty(globalThis, 'fetch', fetchDescriptor);
  }
}

export async function start(argv: string[], io: Io): Promise<number> {
  let asOf: string;
  let parsed;
  try {
    parsed = parseArgs(argv, { strings: ['as-of', 'corpus', 'data-dir'] });
    if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
    asOf = asOfDate(isoDate(parsed, 'as-of'));
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`plans: ${e.message}\nUsage: plans [--as-of YYYY-MM-DD] [--corpus DIR] [--data-dir DIR]`);
      return 2;
    }
    throw e;
  }

  const out = process.stdout;
  // Open the knowledge base (before taking over the screen); if that turns into a build that takes a while, say so.
  const progress = progressReporter((x) => out.write(x));
  // A stale cache is rebuilt in a worker thread: the terminal keeps answering (q / Ctrl+C cancel).
  const cache = cacheState(parsed);
  if (cache && !cache.fresh && !(await buildInWorker(cache.corpusDir, cache.cachePath, progress.onProgress))) {
    out.write('\r\u001b[2K');
    io.err('plans: cancelled while building the knowledge base.');
    return 130;
  }
  let opened;
  try {
    opened = await openKb(parsed, io, { quietSkips: true, onProgress: progress.onProgress, corpus: cache?.corpus });
  } catch (e) {
    if (e instanceof NoPlansError) {
      io.err(`plans: ${e.message}`);
      return 1;
    }
    throw e;
  }

  let restored = false;
  let unmountInk: (() => void) | null = null;
  const restore = () => {
    if (restored) return;
    restored = true;
    // Ink draws a last frame when it unmounts: let it do so on the alternate screen, before we leave it.
    try {
      unmountInk?.();
    } catch {
      /* already unmounted */
    }
    try {
      if (process.stdin.isTTY) process.stdin.setRawMode(false);
    } catch {
      /* stdin already gone */
    }
    out.write(LEAVE_ALT);
  };
  out.write(ENTER_ALT);
  process.once('exit', restore);
  // A signal ends the process without 'exit' listeners running on their own: restore, then exit as killed.
  const signals: Array<[NodeJS.Signals, number]> = [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ];
  const onSignal = (sig: NodeJS.Signals) => {
    restore();
    process.exit(signals.find(([s]) => s === sig)?.[1] ?? 1);
  };
  for (const [sig] of signals) process.on(sig, onSignal);

  // Ink renders nothing progressively when it believes it runs in CI; an interactive terminal is not CI.
  const savedCi = { CI: process.env.CI, CONTINUOUS_INTEGRATION: process.env.CONTINUOUS_INTEGRATION };
  delete process.env.CI;
  delete process.env.CONTINUOUS_INTEGRATION;
  // React's production build: the development one is several times slower per keystroke.
  const processEnv = process.env;
  processEnv.NODE_ENV ??= 'production';
  // Node ≥ 22 can cache compiled code across runs (Ink, React and the app are most of the start-up).
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  const { render, React, App } = await loadApp();
  for (const [k, v] of Object.entries(savedCi)) if (v !== undefined) process.env[k] = v;

  // When the user last typed: background work (the warm-up ahead of keys, the rehearsal) waits while they do.
  const activity = new InputActivity(process.stdin.isTTY ? process.stdin : undefined);
  const env = {
    idle: activity.idle,
    query: opened.query,
    asOf,
    color: colorEnabled(out),
    corpusDir: opened.corpusDir,
    dataDir: opened.dataDir,
    upcomingDays: 30,
    checklist: openChecklist(opened.query, opened.dataDir, { asOf, soonDays: 30 }),
    skipped: opened.load.skipped,
  };
  let rehearsal: Rehearsal | null = null;
  try {
    const options = { exitOnCtrlC: true, patchConsole: true, maxFps: 60, incrementalRendering: true };
    const instance = render(React.createElement(App, { env }), options);
    unmountInk = () => instance.unmount();
    if (process.env.PLANS_REHEARSE !== '0' && process.stdin.isTTY) {
      rehearsal = rehearse({
        mount: (io) => {
          const copy = render(React.createElement(App, { env }), { ...options, ...io, exitOnCtrlC: false, patchConsole: false, maxFps: 1000 });
          return () => copy.unmount();
        },
        queries: () => opened.query.sampleQueries(),
        columns: out.columns || 80,
        rows: out.rows || 24,
        activity,
        ready: () => opened.query.searchReady(),
      });
    }
    await instance.waitUntilExit();
  } finally {
    rehearsal?.stop();
    activity.close();
    restore();
    process.off('exit', restore);
    for (const [sig] of signals) process.off(sig, onSignal);
  }
  return 0;
}
