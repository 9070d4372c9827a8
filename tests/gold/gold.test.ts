/**
 * Extraction quality against a hand annotation (tests/gold/*.json): recall of obligations, and exact
 * agreement of deadlines and units-by-role on the obligations found; precision = annotated / extracted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { Role } from '../../src/types.js';

interface GoldItem {
  snippet: string;
  dates: string[];
  kind?: 'goal';
  recurring?: string;
  lead?: string[];
  responsible?: string[];
  support?: string[];
  supervise?: string[];
}

const { kb } = loadKnowledgeBase({ corpusDir: join(__dirname, '..', '..', 'corpus'), cachePath: null });
const ROLES: Role[] = ['lead', 'responsible', 'support', 'supervise'];

// Obligation annotations (counterparts*.json annotate requirements across plans: tests/kb/counterparts.test.ts).
for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.json') && !f.startsWith('counterparts'))) {
  const gold = JSON.parse(readFileSync(join(__dirname, file), 'utf8')) as { plan: string; items: GoldItem[] };
  describe(`gold annotation ${file}`, () => {
    const tasks = kb.tasks.filter((t) => t.planId === gold.plan && t.source.origin === 'prose');
    const found = gold.items.map((g) => ({ g, t: tasks.filter((t) => t.text.includes(g.snippet)) }));
    it('every annotated obligation is one extracted task (recall 100%, no obligation split or doubled)', () => {
      for (const { g, t } of found) expect(t.length, g.snippet).toBe(1);
    });
    it('precision: no extracted task beyond the annotated ones', () => {
      expect(tasks.length).toBe(gold.items.length);
    });
    it('deadlines and units by role agree with the annotation', () => {
      let agree = 0;
      const wrong: string[] = [];
      for (const { g, t } of found) {
        const task = t[0];
        if (!task) continue;
        const dates = task.deadlines.map((d) => d.date).filter(Boolean);
        const ok =
          g.dates.every((d) => dates.includes(d)) &&
          (!g.recurring || task.deadlines.some((d) => d.recurring === g.recurring)) &&
          (g.kind !== 'goal' || task.kind === 'goal') &&
          ROLES.every((r) => JSON.stringify(task.units.filter((u) => u.role === r).map((u) => u.canonical).sort()) === JSON.stringify([...(g[r] ?? [])].sort()));
        if (ok) agree++;
        else wrong.push(g.snippet);
      }
      expect(wrong).toEqual([]);
      expect(agree).toBe(gold.items.length);
    });
  });
}
