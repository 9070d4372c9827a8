/**
 * Import rules between the layers of src/ (see README "How it works"): the CLI and the terminal app never
 * import each other (the one entry goes through the composition root, src/app/launch.ts); the lower layers
 * (query, checklist, kb, pipeline, domain, util) never import the front ends; the query layer does no
 * file I/O; the front ends reach the knowledge base and the pipeline only through src/app.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

export interface Edge {
  from: string;
  /** Path relative to src/ (".ts" for a relative import), or the bare module name. */
  to: string;
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every import of every file (paths relative to src/). */
export function edgesOf(files: Record<string, string>): Edge[] {
  const out: Edge[] = [];
  const re = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;
  for (const [file, text] of Object.entries(files)) {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const m of code.matchAll(re)) {
      const spec = m[3] ?? m[4] ?? m[5];
      const to = spec.startsWith('.') ? relative(SRC, resolve(SRC, dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
      out.push({ from: file, to, typeOnly: Boolean(m[2]), dynamic: Boolean(m[4]) });
    }
  }
  return out;
}

const layer = (p: string) => (p.includes('/') ? p.split('/')[0] : p.startsWith('.') || p.includes(':') ? p : p.replace(/\.tsx?$/, ''));
const LOWER = ['query', 'checklist', 'kb', 'pipeline', 'domain', 'util'];
const FRONT = ['cli', 'tui'];

/** The rule each edge breaks, if any. */
export function violations(edges: Edge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const a = layer(e.from);
    const b = layer(e.to);
    const say = (why: string) => out.push(`${e.from} → ${e.to}: ${why}`);
    if (a === 'cli' && b === 'tui') say('the CLI imports the terminal app (go through app/launch.ts)');
    if (a === 'tui' && b === 'cli') say('the terminal app imports the CLI (shared start-up code belongs in src/app)');
    if (LOWER.includes(a) && (FRONT.includes(b) || b === 'app')) say(`${a} imports a front end or the composition root`);
    if (a === 'app' && b === 'tui' && !(e.from === 'app/launch.ts' && e.to === 'tui/start.ts' && e.dynamic)) say('only app/launch.ts starts the terminal app (one dynamic import of tui/start)');
    if (a === 'query' && /^(node:)?fs(\/promises)?$/.test(e.to)) say('the query layer does no file I/O');
    if (a === 'query' && b === 'pipeline') say('the query layer does not read or decode corpus files');
    if (FRONT.includes(a) && (b === 'kb' || b === 'pipeline') && !e.typeOnly) say('front ends reach the knowledge base through src/app');
    if (a === 'domain' && !['domain', 'types', 'util'].includes(b)) say('the domain module depends on nothing but types and util');
  }
  return out;
}

function sources(dir = SRC): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) Object.assign(out, sources(p));
    else if (/\.tsx?$/.test(f)) out[relative(SRC, p)] = readFileSync(p, 'utf8');
  }
  return out;
}

describe('import rules of src/', () => {
  const edges = edgesOf(sources());

  it('reads the imports (static, type-only, dynamic, re-exports)', () => {
    expect(edges.length).toBeGreaterThan(100);
    expect(edges).toContainEqual({ from: 'app/launch.ts', to: 'tui/start.ts', typeOnly: false, dynamic: true });
    expect(edges).toContainEqual(expect.objectContaining({ from: 'app/args.ts', to: 'cli/args.ts' }));
    expect(edges).toContainEqual(expect.objectContaining({ from: 'query/index.ts', to: 'kb/source.ts', typeOnly: true }));
  });

  it('hold for every file', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('the CLI starts the terminal app only through the composition root', () => {
    expect(edges.filter((e) => layer(e.from) === 'cli' && layer(e.to) === 'app').map((e) => e.to)).toContain('app/launch.ts');
    expect(edges.filter((e) => layer(e.to) === 'tui' && layer(e.from) !== 'tui')).toEqual([{ from: 'app/launch.ts', to: 'tui/start.ts', typeOnly: false, dynamic: true }]);
  });

  it('would catch each kind of violation', () => {
    const bad = edgesOf({
      'cli/main.ts': "const t = await import('../tui/start.js');",
      'tui/start.ts': "import { openKb } from '../cli/kb.js';\nimport { loadKnowledgeBase } from '../kb/load.js';",
      'query/index.ts': "import { readFileSync } from 'node:fs';\nimport { decode } from '../pipeline/decode.js';",
      'checklist/api.ts': "import { useEnv } from '../tui/context.js';",
      'app/open.ts': "import { App } from '../tui/app.js';",
      'domain/today.ts': "import { PlansQuery } from '../query/index.js';",
    });
    const v = violations(bad);
    expect(v).toHaveLength(8);
    expect(v.join('\n')).toMatch(/cli\/main\.ts → tui\/start\.ts/);
    expect(v.join('\n')).toMatch(/query\/index\.ts → node:fs/);
    expect(v.join('\n')).toMatch(/tui\/start\.ts → kb\/load\.ts/);
    // type-only imports of the kb layer's types are fine in a front end
    expect(violations(edgesOf({ 'tui/x.ts': "import type { SourceReader } from '../kb/source.js';" }))).toEqual([]);
  });
});
