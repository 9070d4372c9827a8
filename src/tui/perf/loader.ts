/**
 * Module resolution hooks for the terminal app (registered by start.ts before Ink is imported):
 *  - `string-width`, as imported by Ink and its helpers, resolves to string-width-shim (same results,
 *    ~30x faster on CJK; Ink measures every line of every frame);
 *  - Ink's frame buffer (`build/output.js`, imported by its renderer) resolves to output.ts (same frames,
 *    kept across frames);
 *  - Ink's `import { throttle } from 'es-toolkit/compat'` loads only that function, not the whole
 *    ~330-module compat barrel.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Resolved = { url: string; format?: string | null; shortCircuit?: boolean };
type NextResolve = (specifier: string, context: { parentURL?: string }) => Promise<Resolved>;

const SHIM = new URL('./string-width-shim.js', import.meta.url).href;
const OUTPUT = new URL('./output.js', import.meta.url).href;

export async function resolve(specifier: string, context: { parentURL?: string }, next: NextResolve): Promise<Resolved> {
  const parent = context.parentURL ?? '';
  if (specifier === 'string-width' && parent.includes('/node_modules/') && parent !== SHIM) {
    return { url: SHIM, shortCircuit: true };
  }
  if (specifier === './output.js' && /\/node_modules\/ink\/build\/renderer\.js$/.test(parent)) {
    return { url: OUTPUT, shortCircuit: true };
  }
  const r = await next(specifier, context);
  if (specifier === 'es-toolkit/compat' && parent.includes('/node_modules/ink/')) {
    const url = r.url.replace(/\/compat\/index\.mjs$/, '/compat/function/throttle.mjs');
    if (url !== r.url && existsSync(fileURLToPath(url))) return { ...r, url };
  }
  return r;
}
