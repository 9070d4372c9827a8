/**
 * Agreement with annotations made by reading the plans (tests/gold/read/*.json: an independent annotator
 * who never saw the extractor's output; names as written, deadlines as dates, roles by the text). The
 * judgement calls the annotator was unsure of are in each item's `note`; the thresholds leave room for
 * them, and the test prints every disagreement so that a change in the extractor shows up here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { canonicalName } from '../../src/pipeline/tables/units.js';
import type { Role, Task } from '../../src/types.js';

interface ReadItem {
  snippet: string;
  deadlines: Array<{ raw: string; date: string | null; recurring: string | null }>;
  kind?: 'goal';
  lead?: string[];
  responsible?: string[];
  support?: string[];
  supervise?: string[];
}

const DIR = join(__dirname, 'read');
const { kb } = loadKnowledgeBase({ corpusDir: join(__dirname, '..', '..', 'corpus'), cachePath: null });
const ROLES: Role[] = ['lead', 'responsible', 'support', 'supervise'];

function deadlineAgrees(t: Task, d: ReadItem['deadlines'][number]): boolean {
  return t.deadlines.some((x) => (d.date ? x.date === d.date : d.recurring ? x.recurring === d.recurring : x.raw === d.raw));
}

const totals = { units: 0, unitsWrong: 0 };

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
  const gold = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { plan: string; items: ReadItem[] };
  describe(`reading annotation ${file}`, () => {
    const tasks = kb.tasks.filter((t) => t.planId === gold.plan && t.source.origin === 'prose');
    const matched = gold.items.map((g) => ({ g, t: tasks.find((t) => t.text.includes(g.snippet)) }));
    const found = matched.filter((m) => m.t);
    it('recall: every annotated obligation is an extracted task', () => {
      expect(matched.filter((m) => !m.t).map((m) => m.g.snippet)).toEqual([]);
    });
    it('precision: at least 90% of the extracted tasks are annotated obligations', () => {
      const used = new Set(found.map((m) => m.t!.id));
      expect(used.size / tasks.length).toBeGreaterThanOrEqual(0.9);
    });
    it('deadlines: at least 95% of the annotated deadlines are on their task', () => {
      const all = found.flatMap((m) => m.g.deadlines.map((d) => ({ m, d })));
      const wrong = all.filter(({ m, d }) => !deadlineAgrees(m.t!, d)).map(({ m, d }) => `${m.g.snippet}: ${d.raw}`);
      if (wrong.length) console.log(`[gold ${gold.plan}] deadline disagreements:`, wrong);
      expect(1 - wrong.length / Math.max(1, all.length)).toBeGreaterThanOrEqual(0.95);
    });
    it('units by role: at least 85% of the obligations agree exactly (names compared canonically); 93% over all plans', () => {
      const wrong: string[] = [];
      for (const { g, t } of found) {
        const want = ROLES.flatMap((r) => (g[r] ?? []).map((n) => `${canonicalName(n)}:${r}`)).sort();
        const got = t!.units.map((u) => `${canonicalName(u.name)}:${u.role}`).sort();
        if (JSON.stringify(want) !== JSON.stringify(got)) wrong.push(`${g.snippet}: want ${want.join(' ')} | got ${got.join(' ')}`);
      }
      if (wrong.length) console.log(`[gold ${gold.plan}] unit disagreements:`, wrong);
      totals.units += found.length;
      totals.unitsWrong += wrong.length;
      expect(1 - wrong.length / found.length).toBeGreaterThanOrEqual(0.85);
    });
    it('goals are goals (at most one judgement call per plan)', () => {
      const goals = found.filter((m) => m.g.kind === 'goal');
      expect(goals.filter((m) => m.t!.kind !== 'goal').length).toBeLessThanOrEqual(1);
      expect(found.filter((m) => m.g.kind !== 'goal' && m.t!.kind === 'goal').map((m) => m.g.snippet)).toEqual([]);
    });
  });
}

describe('reading annotations, all plans together', () => {
  it('units by role agree on at least 93% of the annotated obligations', () => {
    expect(totals.units).toBeGreaterThan(50);
    expect(1 - totals.unitsWrong / totals.units).toBeGreaterThanOrEqual(0.93);
  });
});
