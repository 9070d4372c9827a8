import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

describe('npm run bench -- --json', () => {
  it('prints exactly the issue\'s JSON object and nothing else on stdout', () => {
    ensureBuilt();
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'run.js'), '--json', '--quick', '--plans', '10', '--rounds', '1'], { encoding: 'utf8', timeout: 120000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out).sort()).toEqual(['bundled', 'cold_start_first_frame_ms', 'scale']);
    expect(Object.keys(out.bundled as object).sort()).toEqual(['index_ms', 'search_p95_ms']);
    expect(Object.keys(out.scale as object).sort()).toEqual(['index_ms', 'linear_scan_p95_ms', 'naive_fuse_p95_ms', 'plans', 'rss_mb', 'search_p50_ms', 'search_p95_ms', 'tasks'].sort());
    const scale = out.scale as Record<string, number>;
    expect(scale.plans).toBe(10);
    expect(scale.tasks).toBeGreaterThan(100);
    for (const k of Object.keys(scale)) expect(typeof scale[k]).toBe('number');
    expect(r.stdout.trim().startsWith('{')).toBe(true);
    expect(r.stdout.trim().endsWith('}')).toBe(true);
  }, 150_000);
});
