/** Runs the built CLI (dist/) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
