/**
 * Bundles bench/floor-app.tsx (built by tsc to dist/bench/floor-app.js) into dist/bench/floor-bundle.mjs
 * with esbuild and the options the app's bundle uses (scripts/ink-bundle-options.mjs: ESM, node20, minified,
 * production React, Ink's devtools stubbed out, Ink's string-width and frame buffer replaced by the app's),
 * so that the floor pays for Ink and React exactly as the app does.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export async function bundleFloor(root: string): Promise<string> {
  const dist = join(root, 'dist');
  const entry = join(dist, 'bench', 'floor-app.js');
  const outfile = join(dist, 'bench', 'floor-bundle.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing (npm run build)`);
  if (existsSync(outfile) && statSync(outfile).mtimeMs >= statSync(entry).mtimeMs) return outfile;
  const { build } = await import('esbuild');
  // The app's own bundle options (scripts/ink-bundle-options.mjs), not a copy of them.
  const { inkBundleOptions } = (await import(pathToFileURL(join(root, 'scripts', 'ink-bundle-options.mjs')).href)) as { inkBundleOptions: (dist: string) => Record<string, unknown> };
  await build({ ...inkBundleOptions(dist), entryPoints: [entry], outfile });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundleFloor(join(dirname(fileURLToPath(import.meta.url)), '..', '..')).then((f) => process.stdout.write(`${f}\n`));
}
