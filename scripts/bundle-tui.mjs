#!/usr/bin/env node
// Bundles the terminal app's start path (tui/start.ts: opening the knowledge base, the checklist, the query
// API, then Ink, React and the app) into dist/tui-bundle.mjs with esbuild. Run after tsc (npm run build);
// app/launch.ts falls back to the modules when the bundle is missing.
// Left outside, loaded from dist/src as modules: what finds its own files by import.meta.url or builds the
// knowledge base (kb/cache: the cache and its code hash; kb/load: the build, with the pipeline, loaded only
// when one is needed; app/build: the build worker; the readers).
import { build } from 'esbuild';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inkBundleOptions } from './ink-bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const shared = inkBundleOptions(dist);
await build({
  ...shared,
  entryPoints: [join(dist, 'src/tui/start.js')],
  outfile: join(dist, 'tui-bundle.mjs'),
  plugins: [
    {
      name: 'left-outside',
      setup(b) {
        const outside = ['src/kb/cache.js', 'src/kb/load.js', 'src/kb/build.js', 'src/app/build.js', 'src/readers/index.js'].map((p) => join(dist, p));
        b.onResolve({ filter: /^\.\.?\// }, (args) => {
          const target = join(args.resolveDir, args.path);
          return outside.includes(target) ? { path: './' + relative(dist, target).split(sep).join('/'), external: true } : undefined;
        });
      },
    },
    ...shared.plugins,
  ],
  external: ['pinyin-pro', 'fuse.js', 'marked', 'marked-terminal', 'exceljs'],
});
