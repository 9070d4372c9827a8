#!/usr/bin/env node
// Bundles the terminal app's start-up (Ink, React, the app) into dist/tui-bundle.mjs with esbuild.
// Run after tsc (npm run build). start.ts falls back to plain imports when the bundle is missing.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
await build({
  entryPoints: [join(dist, 'src/tui/bundle-entry.js')],
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
