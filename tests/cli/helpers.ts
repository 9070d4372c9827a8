/** Runs the built CLI (dist/) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/app/io.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** The build is there (tests/global-setup.ts rebuilds dist/ before every run); fails loudly if not. */
export function ensureBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`not built: ${CLI} (vitest's global setup builds dist/; run through vitest or npm test)`);
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A private data dir per test file, so parallel runs never share a cache. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'plans-cli-'));
}

export function plans(args: string[], env: Record<string, string | undefined> = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...base, COLUMNS: '120', ...env }, timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const ESC = '\u001b[';

/** Runs the CLI in this process (no child), collecting what it writes: for tests that need many runs. */
export async function plansInProcess(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../src/cli/main.js');
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => void out.push(s), err: (s) => void err.push(s), color: false, isTTY: false };
  const code = await main(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
