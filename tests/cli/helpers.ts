/** Runs the built CLI (dist/) as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

/** Builds dist/ once if it is missing (npm test builds it first via `pretest`). */
export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
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
