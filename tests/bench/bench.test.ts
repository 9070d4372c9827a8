import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/helpers.js';
import { parseArgs } from '../../bench/run.js';

describe('npm run bench -- --json', () => {
  it('prints exactly one JSON object on stdout, with every target and the parts it measured', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--json', '--quick', '--sizes', '8,16', '--no-tui'], { encoding: 'utf8', timeout: 240_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['cli', 'cpus', 'inproc', 'loadavg_start', 'node', 'options', 'targets', 'tools', 'total_s', 'tui', 'vocabulary']);
    expect(out.options.sizes).toEqual([8, 16]);
    expect(out.tui).toEqual({ error: 'skipped (--no-tui)' });
    expect(out.vocabulary.map((v: { plans: number }) => v.plans)).toEqual([8, 16]);
    expect(out.vocabulary[1].bigrams).toBeGreaterThan(out.vocabulary[0].bigrams);
    expect(out.cli).toHaveLength(2);
    for (const c of out.cli) {
      expect(c.index.ms).toBeGreaterThan(0);
      for (const kind of ['chinese', 'nohit', 'typo', 'pinyin']) expect(c.search[kind].plans_ms, JSON.stringify(c.search[kind])).toBeGreaterThan(0);
      expect(c.export.ms).toBeGreaterThan(0);
    }
    expect(out.inproc.map((x: { plans: number }) => x.plans)).toEqual([8, 16]);
    expect(out.inproc[1].tasks).toBeGreaterThan(out.inproc[0].tasks);
    const ids = out.targets.map((t: { id: string }) => t.id);
    for (const id of ['tui_first_frame_ratio', 'tui_keystroke_p95_bundled', 'cold_search_5000', 'index_linear', 'index_rss_5000', 'inproc_p95_5000_nohit']) expect(ids).toContain(id);
    // not measured is said, not faked: the TUI was skipped and 5000 plans were not run
    const byId = Object.fromEntries(out.targets.map((t: { id: string }) => [t.id, t]));
    expect(byId.tui_keystroke_p95_bundled).toMatchObject({ value: null, ok: null });
    expect(byId.cold_search_5000).toMatchObject({ value: null, ok: null });
    expect(typeof byId.index_linear.value).toBe('number');
  }, 300_000);

  it('reads its options', () => {
    expect(parseArgs([])).toMatchObject({ sizes: [50, 500], plans: [500], quick: false, runs: 3, tui: true, json: false });
    expect(parseArgs(['--quick'])).toMatchObject({ sizes: [50], plans: [50], runs: 1 });
    expect(parseArgs(['--sizes', '50,500,2000,5000', '--json', '--no-tui'])).toMatchObject({ sizes: [50, 500, 2000, 5000], plans: [500, 5000], json: true, tui: false });
    expect(parseArgs(['--sizes', '50,5000', '--plans', '500'])).toMatchObject({ sizes: [50, 5000], plans: [500] });
  });
});
