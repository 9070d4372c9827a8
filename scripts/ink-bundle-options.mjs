// The esbuild options every Ink bundle here shares: the app's (scripts/bundle-tui.mjs) and the benchmark's
// floor app (bench/floor-bundle.ts), so that the floor pays for Ink and React exactly as the app does.
// `dist` is the tsc output folder, where the stubs, the shim and the frame buffer are.
import { join } from 'node:path';

export function inkBundleOptions(dist) {
  const stub = join(dist, 'src/tui/perf/devtools-stub.js');
  const shim = join(dist, 'src/tui/perf/string-width-shim.js');
  const output = join(dist, 'src/tui/perf/output.js');
  return {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Ink's devtools (react-devtools-core, ws) only load with DEV=true: stubs keep them out of the bundle.
    alias: { 'react-devtools-core': stub, ws: stub },
    plugins: [
      {
        // Ink's per-frame buffer → ours (same output; keeps styled lines and unchanged rows across frames).
        name: 'ink-output',
        setup(b) {
          b.onResolve({ filter: /^\.\/output\.js$/ }, (args) => (/[\\/]ink[\\/]build[\\/]renderer\.js$/.test(args.importer) ? { path: output } : undefined));
        },
      },
      {
        // Ink's string-width → our exact, faster shim (which loads the real one only for text that needs it).
        name: 'string-width-shim',
        setup(b) {
          b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === shim || !args.importer.includes('node_modules') ? undefined : { path: shim }));
        },
      },
    ],
    banner: { js: "import { createRequire as __plansRequire } from 'module'; const require = __plansRequire(import.meta.url);" },
    logLevel: 'warning',
  };
}
