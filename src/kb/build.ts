/** Corpus files → knowledge base: plans, tasks, the unit directory and the theme list. */
import type { KnowledgeBase, Plan, SkippedFile, Task, UnitEntry } from '../types.js';
import { extractPlan } from '../pipeline/plan.js';
import { computeCounterparts } from './counterparts.js';
import { THEME_RULES } from '../pipeline/tables/topics/e-government.js';

export interface CorpusFile {
  name: string;
  bytes: Buffer;
  error?: string;
}

export const KB_VERSION = 1;

export function unitDirectory(tasks: Task[]): UnitEntry[] {
  const map = new Map<string, UnitEntry>();
  for (const t of tasks) {
    for (const u of t.units) {
      let e = map.get(u.canonical);
      if (!e) map.set(u.canonical, (e = { canonical: u.canonical, kind: u.kind, aliases: [], plans: {} }));
      if (!e.aliases.includes(u.name)) e.aliases.push(u.name);
      e.plans[t.planId] = (e.plans[t.planId] ?? 0) + 1;
    }
  }
  return [...map.values()].sort((a, b) => a.kind.localeCompare(b.kind, 'zh') || a.canonical.localeCompare(b.canonical, 'zh'));
}

/** Where a build's time went (ms): extracting the plans, the counterpart pass, the unit directory. */
export interface BuildTimings {
  extract: number;
  counterparts: number;
  units: number;
  /** The search index built to be persisted with the cache (when there is a cache). */
  search?: number;
}

export function buildKnowledgeBase(
  files: CorpusFile[],
  onProgress?: (done: number, total: number, file: string) => void,
): { kb: KnowledgeBase; skipped: SkippedFile[]; timings: BuildTimings } {
  const t0 = performance.now();
  const plans: Plan[] = [];
  const tasks: Task[] = [];
  const skipped: SkippedFile[] = [];
  const seenIds = new Set<string>();
  files.forEach((f, i) => {
    onProgress?.(i, files.length, f.name);
    if (f.error) {
      skipped.push({ file: f.name, reason: f.error });
      return;
    }
    let r: ReturnType<typeof extractPlan>;
    try {
      r = extractPlan(f.name, f.bytes);
    } catch (e) {
      skipped.push({ file: f.name, reason: `could not be processed: ${(e as Error).message}` });
      return;
    }
    if (!r.ok) {
      skipped.push({ file: f.name, reason: r.reason });
      return;
    }
    if (plans.some((p) => p.id === r.plan.id)) {
      skipped.push({ file: f.name, reason: `another file already has the plan id "${r.plan.id}"` });
      return;
    }
    plans.push(r.plan);
    for (const t of r.tasks) {
      if (seenIds.has(t.id)) continue;
      seenIds.add(t.id);
      tasks.push(t);
    }
  });
  onProgress?.(files.length, files.length, '');
  const t1 = performance.now();
  const cps = computeCounterparts(tasks);
  for (const t of tasks) t.counterparts = cps.get(t.id) ?? [];
  const t2 = performance.now();
  const units = unitDirectory(tasks);
  const t3 = performance.now();
  return {
    kb: { version: KB_VERSION, plans, tasks, units, themes: THEME_RULES.map((r) => ({ id: r.id, label: r.label })) },
    skipped,
    timings: { extract: t1 - t0, counterparts: t2 - t1, units: t3 - t2 },
  };
}
