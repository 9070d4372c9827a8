/**
 * A rehearsal of typing, once per start, while the user has not started yet: the app is rendered a second
 * time by its own Ink instance into a terminal nobody sees (same size, output discarded), and queries of
 * every kind the search answers (drawn from the corpus: PlansQuery.sampleQueries) are typed into it one key
 * at a time, each followed by its frame, then cleared.
 *
 * Why: in a fresh process a key's code (search, React, Ink's layout and output) first runs interpreted and is
 * compiled while the user types — measured in a pseudo-terminal (/proc schedstat per key, bundled corpus),
 * the main thread spends 10–24 ms on each of the first twenty keys and 4–9 ms on the same keys typed again,
 * and V8's compiler threads take ~0.4 s of CPU meanwhile. Rehearsed, the user's first keys are the later ones.
 *
 * It yields between keys (a real key waits for at most one rehearsed frame), waits while the user types
 * (InputActivity: 0.6 s after any real key), stops after its rounds or when stopped, and holds no timer that
 * keeps the process alive.
 * PLANS_REHEARSE=0 turns it off.
 */
import { PassThrough, Writable } from 'node:stream';

/** The streams the unseen copy of the app renders into and reads from. */
export interface RehearsalIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface Rehearsal {
  /** Ends it (unmounts the copy); safe to call at any time, more than once. */
  stop(): void;
  /** Settles when it has ended, by itself or stopped. */
  done: Promise<void>;
}

export interface RehearsalOptions {
  /** Renders the app into these streams; returns its unmount. */
  mount: (io: RehearsalIo) => () => void;
  /** What to type (asked once ready): each query a key at a time, then Ctrl+U. */
  queries: () => string[];
  columns: number;
  rows: number;
  /** The user's keys (tui/activity.ts): the rehearsal waits for its idle() before each key. */
  activity?: { idle: () => Promise<void> };
  /** Whether to begin yet (polled every 100 ms; e.g. once the search index is ready). */
  ready?: () => boolean;
  rounds?: number;
  /** Longest wait for a typed key's frame. */
  frameMs?: number;
}

const CLEAR = '\u0015';
const DOWN = '\u001b[B';

const sleep = (ms: number) =>
  new Promise<void>((r) => {
    const t = setTimeout(r, ms);
    t.unref?.();
  });
const turn = () => new Promise<void>((r) => setImmediate(r));

/** The keys of the rehearsal: every query typed a character at a time, the selection moved twice, then cleared. */
export function rehearsalKeys(queries: string[], rounds: number): string[] {
  const keys: string[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      keys.push(...Array.from(q));
      keys.push(DOWN, DOWN, CLEAR);
    }
  }
  return keys;
}

export function rehearse(o: RehearsalOptions): Rehearsal {
  let stopped = false;
  let unmount: (() => void) | null = null;

  let waiter: (() => void) | null = null;
  const stdout = new Writable({
    write(_chunk, _enc, cb) {
      waiter?.();
      cb();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stdout, { columns: o.columns, rows: o.rows, isTTY: true });
  const stderr = new Writable({ write: (_c, _e, cb) => cb() }) as unknown as NodeJS.WriteStream;
  const stdin = new PassThrough() as unknown as NodeJS.ReadStream;
  Object.assign(stdin, { isTTY: true, setRawMode: () => stdin, ref: () => stdin, unref: () => stdin });

  /** Resolves at the next write to the unseen terminal, or after `ms`. */
  const nextFrame = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(done, ms);
      t.unref?.();
      function done() {
        clearTimeout(t);
        waiter = null;
        resolve();
      }
      waiter = done;
    });

  const stop = () => {
    if (stopped) return;
    stopped = true;
    waiter?.();
    try {
      unmount?.();
    } catch {
      /* already unmounted */
    }
    unmount = null;
  };

  const run = async () => {
    while (!stopped && o.ready && !o.ready()) await sleep(100);
    if (stopped) return;
    const queries = o.queries();
    if (!queries.length) return;
    unmount = o.mount({ stdin, stdout, stderr });
    await nextFrame(o.frameMs ?? 200); // its first frame
    for (const key of rehearsalKeys(queries, o.rounds ?? 1)) {
      await (o.activity ? o.activity.idle() : turn());
      if (stopped) return;
      stdin.write(key);
      // (a key whose frame equals the last one writes nothing: then this waits frameMs)
      await nextFrame(o.frameMs ?? 200);
    }
  };
  const done = run().catch(() => {}).finally(stop);
  return { stop, done };
}
