import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cnNumber, generatePlan, generateScaleCorpus, vocabularyGrowth, type KeyTask } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { Task } from '../../src/types.js';

describe('bench/generate.ts', () => {
  it('is deterministic by seed, and plan k does not depend on the corpus size', () => {
    const a = mkdtempSync(join(tmpdir(), 'plans-gen-a-'));
    const b = mkdtempSync(join(tmpdir(), 'plans-gen-b-'));
    try {
      const ga = generateScaleCorpus({ outDir: a, plans: 12, seed: 7 });
      generateScaleCorpus({ outDir: b, plans: 30, seed: 7 });
      expect(ga.files).toHaveLength(12);
      expect(readdirSync(b)).toHaveLength(30);
      for (const f of ga.files) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
      expect(generatePlan(8, 3).content).not.toBe(generatePlan(7, 3).content);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('writes plans of many issuers, years, topics, sizes and formats', () => {
    const ps = Array.from({ length: 300 }, (_, k) => generatePlan(42, k));
    expect(new Set(ps.map((p) => p.topic)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(ps.map((p) => p.issuer)).size).toBeGreaterThan(200);
    const years = ps.map((p) => p.year);
    expect(Math.min(...years)).toBe(2015);
    expect(Math.max(...years)).toBe(2026);
    const sizes = ps.map((p) => p.tasks.length);
    expect(Math.min(...sizes)).toBeLessThanOrEqual(8);
    expect(Math.max(...sizes)).toBeGreaterThan(150);
    const ext = (e: string) => ps.filter((p) => p.file.endsWith(e)).length;
    expect(ext('.html')).toBeGreaterThan(10);
    expect(ext('.csv')).toBeGreaterThan(5);
    expect(ext('.txt')).toBeGreaterThan(200);
    const txt = ps.filter((p) => p.file.endsWith('.txt')).map((p) => p.content);
    expect(txt.some((t) => /^序号\|/m.test(t))).toBe(true); // |-separated annex
    expect(txt.some((t) => /^序号 {2,}/m.test(t))).toBe(true); // space-aligned annex
    expect(txt.some((t) => /^（[一二三四五六七八九十]+）/m.test(t) && /^1\./m.test(t))).toBe(true);
    const html = ps.find((p) => p.file.endsWith('.html'))!.content;
    expect(html).toContain('class="nav"');
    expect(html).toContain('class="footer"');
    // every task's text is unique in its plan, so the answer key names one task
    for (const p of ps) expect(new Set(p.tasks.map((t) => t.text)).size).toBe(p.tasks.length);
    expect(cnNumber(1)).toBe('一');
    expect(cnNumber(10)).toBe('十');
    expect(cnNumber(23)).toBe('二十三');
  });

  it('vocabulary keeps growing with the corpus: distinct bigrams and unit names at 500/2000/5000 plans', () => {
    const [v500, v2000, v5000] = vocabularyGrowth(42, [500, 2000, 5000]);
    expect([v500.plans, v2000.plans, v5000.plans]).toEqual([500, 2000, 5000]);
    // growing (not flat as 100 renamed copies of 5 plans were: 4.5k bigrams at 500) …
    expect(v500.bigrams).toBeGreaterThan(20000);
    expect(v2000.bigrams).toBeGreaterThan(v500.bigrams * 1.5);
    expect(v5000.bigrams).toBeGreaterThan(v2000.bigrams * 1.2);
    expect(v2000.units).toBeGreaterThan(v500.units * 2);
    expect(v5000.units).toBeGreaterThan(v2000.units * 1.5);
    // … but sub-linearly, as a real corpus's vocabulary does
    expect(v5000.bigrams).toBeLessThan(v500.bigrams * 10);
    expect(v5000.units).toBeLessThan(v500.units * 10);
  }, 120_000);

  it('the pipeline finds the tasks of the answer key, with their deadlines and units', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-gen-key-'));
    try {
      const g = generateScaleCorpus({ outDir: dir, plans: 40, seed: 11, withKey: true });
      const key = g.key!;
      expect(key.length).toBeGreaterThan(40 * 10);
      const { kb, skipped } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
      expect(skipped).toEqual([]);
      expect(kb.plans).toHaveLength(40);
      const byFile = new Map<string, Task[]>();
      for (const p of kb.plans) byFile.set(p.file, kb.tasks.filter((t) => t.planId === p.id));
      let found = 0;
      let withDeadline = 0;
      let deadlineOk = 0;
      let leadOk = 0;
      let allUnitsOk = 0;
      const misses: KeyTask[] = [];
      for (const k of key) {
        const t = byFile.get(k.file)?.find((x) => x.text.includes(k.text));
        if (!t) {
          misses.push(k);
          continue;
        }
        found++;
        if (k.deadline) {
          withDeadline++;
          if (t.deadlines.some((d) => (k.deadline!.date ? d.date === k.deadline!.date : d.recurring === k.deadline!.recurring))) deadlineOk++;
        }
        const names = new Set(t.units.flatMap((u) => [u.name, u.canonical]));
        if (names.has(k.units[0].name)) leadOk++;
        if (k.units.every((u) => names.has(u.name))) allUnitsOk++;
      }
      const annex = key.filter((k) => k.origin === 'annex');
      expect(annex.length).toBeGreaterThan(20);
      expect(found / key.length, JSON.stringify(misses.slice(0, 5))).toBeGreaterThan(0.95);
      expect(annex.filter((k) => !misses.includes(k)).length / annex.length).toBeGreaterThan(0.9);
      expect(withDeadline).toBeGreaterThan(found * 0.6);
      expect(deadlineOk / withDeadline).toBeGreaterThan(0.95);
      expect(leadOk / found).toBeGreaterThan(0.95);
      expect(allUnitsOk / found).toBeGreaterThan(0.9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
