/**
 * Vitest global setup: every run tests a fresh build. dist/ is removed and rebuilt (tsc, then the TUI
 * start-up bundle) before any test file loads; a type error or a failed bundle stops the run with the
 * compiler's output instead of testing stale JavaScript.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

function run(args: string[], what: string): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
}

export default function setup(): void {
  rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
  run([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(ROOT, 'tsconfig.json')], 'tsc -p tsconfig.json');
  run([join(ROOT, 'scripts', 'bundle-tui.mjs')], 'node scripts/bundle-tui.mjs');
}
