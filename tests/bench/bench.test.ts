import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateScaleCorpus, shiftYears, shuffleSections, rng } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

describe('bench/generate.ts', () => {
  it('is deterministic and writes N renamed, re-dated plans the pipeline reads', () => {
    const a = mkdtempSync(join(tmpdir(), 'plans-gen-a-'));
    const b = mkdtempSync(join(tmpdir(), 'plans-gen-b-'));
    try {
      const ga = generateScaleCorpus({ outDir: a, plans: 12, seed: 7 });
      generateScaleCorpus({ outDir: b, plans: 12, seed: 7 });
      expect(ga.files).toHaveLength(12);
      expect(readdirSync(a).sort()).toEqual(readdirSync(b).sort());
      for (const f of ga.files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
      // renamed: plan 0 is built from anhui.txt but is no longer about 安徽
      const p0 = readFileSync(join(a, ga.files[0]), 'utf8');
      expect(p0).not.toContain('安徽');
      expect(p0).toContain('江苏省');
      const { kb, skipped } = loadKnowledgeBase({ corpusDir: a, cachePath: null });
      expect(skipped).toEqual([]);
      expect(kb.plans).toHaveLength(12);
      expect(kb.tasks.length).toBeGreaterThan(12 * 15);
      expect(new Set(kb.plans.map((p) => p.province)).size).toBeGreaterThan(6);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('shifts Arabic and Chinese-numeral years', () => {
    expect(shiftYears('2017年12月底前；二〇一八年六月底前；发布日期:2017-10-16', 2)).toBe('2019年12月底前；二〇二〇年六月底前；发布日期:2019-10-16');
  });

  it('shuffles sub-sections inside each top-level section, losing no line', () => {
    const lines = ['标题', '一、总体要求', '（一）甲', '甲续', '（二）乙', '（三）丙', '二、任务', '（一）丁', '（二）戊'];
    const out = shuffleSections(lines, rng(3));
    expect([...out].sort()).toEqual([...lines].sort());
    expect(out.slice(0, 2)).toEqual(['标题', '一、总体要求']);
    expect(out.indexOf('甲续')).toBe(out.indexOf('（一）甲') + 1);
    expect(out.indexOf('二、任务')).toBe(6);
  });
});

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
