/** Drives the real App over the real bundled corpus with ink-testing-library, at a chosen terminal size. */
import { corpusReader } from '../../src/kb/source.js';
import React from 'react';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { App } from '../../src/tui/app.js';
import type { AppEnv } from '../../src/tui/context.js';
import { displayWidth } from '../../src/util/text.js';
import { stripAnsi } from '../../src/tui/layout.js';

let shared: PlansQuery | null = null;
/** The real knowledge base of the bundled corpus (built once per test file, no cache file). */
export function realQuery(): PlansQuery {
  if (!shared) {
    const { kb } = loadKnowledgeBase({ corpusDir: 'corpus', cachePath: null });
    shared = new PlansQuery(kb, { source: corpusReader('corpus') });
  }
  return shared;
}

export const KEY = {
  enter: '\r',
  esc: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  backspace: '\u007f',
  tab: '\t',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
};

export const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

/** Wait until the app has drawn what a key caused: no new frame for a while (machines here are busy); an app that never stops drawing fails. */
async function settle(frames: () => number, quietMs = 40, maxMs = 3000): Promise<void> {
  const t0 = Date.now();
  let n = frames();
  let quietSince = Date.now();
  await tick(5);
  while (Date.now() - t0 < maxMs) {
    await tick(10);
    const m = frames();
    if (m !== n) {
      n = m;
      quietSince = Date.now();
    } else if (Date.now() - quietSince >= quietMs) return;
  }
  throw new Error(`the app kept drawing for ${maxMs} ms (${frames()} frames): it never settled`);
}

export interface Driven {
  frame: () => string;
  /** The last frame with its escape sequences. */
  raw: () => string;
  lines: () => string[];
  press: (...keys: string[]) => Promise<void>;
  type: (text: string) => Promise<void>;
  resize: (columns: number, rows: number) => Promise<void>;
  unmount: () => void;
  columns: () => number;
  rows: () => number;
}

export async function renderApp(opts: { columns?: number; rows?: number; asOf?: string; env?: Partial<AppEnv>; warm?: boolean } = {}): Promise<Driven> {
  // A temp data dir unless the test gives one: frame tests never touch the real data/checklist.json.
  const dataDir = mkdtempSync(join(tmpdir(), 'plans-tui-'));
  const env: AppEnv = { query: realQuery(), asOf: opts.asOf ?? '2018-01-15', color: false, corpusDir: 'corpus', upcomingDays: 30, dataDir, ...opts.env };
  // The app builds its search index after the first frame, without drawing meanwhile; a test about what
  // a search shows starts from a built index (warm: false tests the typing-before-ready path itself).
  if (opts.warm !== false) await env.query.warmSearchAsync();
  const ui = render(<App env={env} />);
  const count = () => ui.frames.length;
  let cols = 100;
  let rows = 24;
  const resize = async (c: number, r: number) => {
    cols = c;
    rows = r;
    Object.defineProperty(ui.stdout, 'columns', { value: c, configurable: true });
    Object.defineProperty(ui.stdout, 'rows', { value: r, configurable: true });
    ui.stdout.emit('resize');
    await settle(count);
  };
  await resize(opts.columns ?? 100, opts.rows ?? 30);
  const frame = () => stripAnsi(ui.lastFrame() ?? '');
  return {
    frame,
    raw: () => ui.lastFrame() ?? '',
    lines: () => frame().split('\n'),
    press: async (...keys: string[]) => {
      for (const k of keys) {
        ui.stdin.write(k);
        await settle(count);
      }
    },
    // Each character on its own, as typed (an IME commit of several characters would be one write).
    type: async (text: string) => {
      for (const ch of text) {
        ui.stdin.write(ch);
        await tick(5);
      }
      await settle(count);
    },
    resize,
    unmount: () => ui.unmount(),
    columns: () => cols,
    rows: () => rows,
  };
}

/**
 * The frame fits the terminal and every box is closed: no line wider than the terminal, and each line
 * that starts with a box's left border ends with its right border.
 */
export function assertFrameIntact(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  if (lines.length > rows) throw new Error(`frame has ${lines.length} lines for ${rows} rows`);
  const pairs: Record<string, string> = { '│': '│', '┃': '┃', '╭': '╮', '╰': '╯', '┏': '┓', '┗': '┛' };
  lines.forEach((l, i) => {
    const w = displayWidth(l);
    if (w > columns) throw new Error(`line ${i + 1} is ${w} columns wide (> ${columns}): ${l}`);
    const first = [...l][0];
    if (first && pairs[first]) {
      const trimmed = l.trimEnd();
      const last = [...trimmed].at(-1);
      if (last !== pairs[first]) throw new Error(`line ${i + 1}: box border broken (starts ${first}, ends ${last}): ${l}`);
      if (displayWidth(trimmed) !== columns) throw new Error(`line ${i + 1}: bordered row is ${displayWidth(trimmed)} columns, expected ${columns}: ${l}`);
    }
  });
}
