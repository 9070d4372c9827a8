/**
 * Bundles bench/floor-app.tsx (built by tsc to dist/bench/floor-app.js) into dist/bench/floor-bundle.mjs
 * with esbuild and the options scripts/bundle-tui.mjs uses for the app (ESM, node20, minified, production
 * React, Ink's devtools stubbed out, Ink's string-width replaced by the app's shim when the build has one),
 * so that the floor pays for Ink and React exactly as the app does.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function bundleFloor(root: string): Promise<string> {
  const dist = join(root, 'dist');
  const entry = join(dist, 'bench', 'floor-app.js');
  const outfile = join(dist, 'bench', 'floor-bundle.mjs');
  if (!existsSync(entry)) throw new Error(`${entry} is missing (npm run build)`);
  if (existsSync(outfile) && statSync(outfile).mtimeMs >= statSync(entry).mtimeMs) return outfile;
  const { build } = await import('esbuild');
  const stub = join(dist, 'src/tui/perf/devtools-stub.js');
  const shim = join(dist, 'src/tui/perf/string-width-shim.js');
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    alias: existsSync(stub) ? { 'react-devtools-core': stub, ws: stub } : {},
    plugins: existsSync(shim)
      ? [
          {
            name: 'string-width-shim',
            setup(b) {
              b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim || !args.importer.includes('node_modules') ? undefined : { path: shim }));
            },
          },
        ]
      : [],
    banner: { js: "import { createRequire as __plansRequire } from 'module'; const require = __plansRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  bundleFloor(join(dirname(fileURLToPath(import.meta.url)), '..', '..')).then((f) => process.stdout.write(`${f}\n`));
}
