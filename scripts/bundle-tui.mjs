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

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
await build({
  entryPoints: [join(dist, 'src/tui/start.js')],
  outfile: join(dist, 'tui-bundle.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink's devtools (react-devtools-core, ws) only load with DEV=true: stubs keep them out of the bundle.
  alias: { 'react-devtools-core': join(dist, 'src/tui/perf/devtools-stub.js'), ws: join(dist, 'src/tui/perf/devtools-stub.js') },
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
    {
      // Ink's per-frame buffer → ours (same output; keeps styled lines and unchanged rows across frames).
      name: 'ink-output',
      setup(b) {
        const ours = join(dist, 'src/tui/perf/output.js');
        b.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? { path: ours } : undefined));
      },
    },
    {
      // Ink's string-width → our exact, faster shim (which loads the real one only for text that needs it).
      name: 'string-width-shim',
      setup(b) {
        const shim = join(dist, 'src/tui/perf/string-width-shim.js');
        b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim || !args.importer.includes('node_modules') ? undefined : { path: shim }));
      },
    },
  ],
  external: ['pinyin-pro', 'fuse.js', 'marked', 'marked-terminal', 'exceljs'],
  banner: { js: "import { createRequire as __plansRequire } from 'module'; const require = __plansRequire(import.meta.url);" },
  logLevel: 'warning',
});
