/** A new user's first steps (issue 12, item 11): npm's normal output, a clean bench JSON, the README set-up. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

/** npm as a user runs it in the repository (not with the log level an outer `npm test` may pass down). */
function npm(args: string[]) {
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_config_loglevel$/i.test(k)) delete env[k];
  return spawnSync('npm', args, { cwd: ROOT, encoding: 'utf8', timeout: 150_000, env });
}

describe('npm in this repository', () => {
  it('keeps its normal log level (npm install is not silent for 25 s)', () => {
    const r = npm(['config', 'get', 'loglevel']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).not.toBe('silent');
  });
  it('`npm run -s bench -- --json` prints only the JSON object on stdout', () => {
    ensureBuilt();
    const r = npm(['run', '-s', 'bench', '--', '--json', '--quick', '--plans', '10', '--no-tui']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
    // the fields README "Performance" documents
    expect(Object.keys(JSON.parse(r.stdout))).toEqual(expect.arrayContaining(['node', 'cpus', 'options', 'tools', 'vocabulary', 'cli', 'inproc', 'tui', 'targets']));
  }, 160_000);
});

describe('README set-up', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const setup = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('\n## ', readme.indexOf('## Set-up') + 1));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; bin: Record<string, string>; scripts: Record<string, string> };

  it('states the Node version package.json requires', () => {
    const major = /^>=\s*(\d+)/.exec(pkg.engines.node)?.[1];
    expect(major).toBeDefined();
    expect(setup).toContain(`Node.js ≥ ${major}`);
  });
  it('says how to get `plans` on the PATH, and the bin it links exists', () => {
    expect(setup).toMatch(/^npm link\b/m);
    expect(setup).toMatch(/^npx plans /m);
    expect(Object.keys(pkg.bin)).toContain('plans');
    ensureBuilt();
    const r = spawnSync(process.execPath, [join(ROOT, pkg.bin.plans), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
  });
  it('starts the app with --as-of 2018-01-15, a day inside the bundled plans’ deadlines', () => {
    const m = /^npm start -- --as-of (\d{4}-\d{2}-\d{2})/m.exec(setup);
    expect(m, 'npm start -- --as-of DATE in the set-up section').not.toBeNull();
    expect(pkg.scripts.start).toMatch(/main\.js/);
    const asOf = m![1];
    const dates = loadKnowledgeBase({ corpusDir: join(ROOT, 'corpus'), cachePath: null })
      .kb.tasks.flatMap((t) => t.deadlines.map((d) => d.date))
      .filter((d): d is string => !!d);
    const overdue = dates.filter((d) => d < asOf).length;
    const ahead = dates.filter((d) => d >= asOf).length;
    // Both kinds on screen: not (nearly) everything overdue, as it would be with today's date.
    expect(overdue).toBeGreaterThan(dates.length * 0.2);
    expect(ahead).toBeGreaterThan(dates.length * 0.2);
  });
});
