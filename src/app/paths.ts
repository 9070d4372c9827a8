/** Resolves where things live: the package root, the bundled corpus, the data dir (for every front end). */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir;
    dir = dirname(dir);
  }
  return process.cwd();
}

export const PACKAGE_ROOT = findRoot();
export const BUNDLED_CORPUS = join(PACKAGE_ROOT, 'corpus');

export function dataDir(flag?: string): string {
  return resolve(flag ?? process.env.PLANS_DATA_DIR ?? join(PACKAGE_ROOT, 'data'));
}

export function corpusDir(flag?: string): string {
  return resolve(flag ?? process.env.PLANS_CORPUS ?? BUNDLED_CORPUS);
}
