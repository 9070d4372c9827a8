/** Corpus files → knowledge base: plans, tasks, the unit directory and the theme list. */
import type { KnowledgeBase, Plan, SkippedFile, Task, UnitEntry } from '../types.js';
import { extractPlan } from '../pipeline/plan.js';
import { counterpartInput, CounterpartInputs, streamCounterparts } from './counterparts.js';
import { DEFAULT_CONFIG } from '../pipeline/config.js';

export interface CorpusFile {
  name: string;
  bytes: Buffer;
  error?: string;
}

export const KB_VERSION = 1;

/**
 * A copy of a string that does not share a larger one's memory: what the pipeline cuts out of a document
 * (a plan's title, a unit's name) can be a view of the whole document text, which keeping it would keep.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * The unit directory, built task by task (the same entries, in the same order, as `unitDirectory` of all of
 * them). Each unit's plans are counted in a Map until `entries` makes the plain objects: tens of thousands
 * of objects keyed by plan ids, each with its own sequence of keys (its own hidden classes), kept alive
 * through a build made the collector's work — and so Intl.Segmenter and pinyin-pro — several times slower.
 */
export class UnitDirectory {
  private readonly map = new Map<string, { canonical: string; kind: string; aliases: string[]; plans: Map<string, number> }>();
  add(t: Task): void {
    for (const u of t.units) {
      let e = this.map.get(u.canonical);
      if (!e) this.map.set(detach(u.canonical), (e = { canonical: detach(u.canonical), kind: detach(u.kind), aliases: [], plans: new Map() }));
      if (!e.aliases.includes(u.name)) e.aliases.push(detach(u.name));
      e.plans.set(t.planId, (e.plans.get(t.planId) ?? 0) + 1);
    }
  }
  entries(): UnitEntry[] {
    return [...this.map.values()]
      .map((e): UnitEntry => ({ canonical: e.canonical, kind: e.kind, aliases: e.aliases, plans: Object.fromEntries(e.plans) }))
      .sort((a, b) => a.kind.localeCompare(b.kind, 'zh') || a.canonical.localeCompare(b.canonical, 'zh'));
  }
}

export function unitDirectory(tasks: Task[]): UnitEntry[] {
  const d = new UnitDirectory();
  for (const t of tasks) d.add(t);
  return d.entries();
}

/** Where a build's time went (ms): extracting the plans, the counterpart pass, the unit directory. */
export interface BuildTimings {
  extract: number;
  counterparts: number;
  units: number;
  /** The search index built to be persisted with the cache (when there is a cache). */
  search?: number;
  /** Writing the cache's files (when there is a cache; the tasks file is written during the counterpart pass). */
  write?: number;
}

/** What `plans index` reports of a plan: its tasks, by origin, with a deadline, with units. */
export interface PlanCounts {
  tasks: number;
  prose: number;
  annex: number;
  dated: number;
  withUnits: number;
}

/** The corpus extracted: everything but the tasks themselves, which went to `onTask` one by one. */
export interface Extracted {
  plans: Plan[];
  skipped: SkippedFile[];
  units: UnitDirectory;
  counts: Map<string, PlanCounts>;
  /** What the counterpart pass needs of each task, in order. */
  inputs: CounterpartInputs;
}

/**
 * Extracts the files one at a time (a file's bytes can be dropped once it is done: `files` may be read
 * lazily), handing each task whose id is new to `onTask`; a task is not kept here.
 */
export function extractCorpus(files: Iterable<CorpusFile>, total: number, onTask: (t: Task) => void, onProgress?: (done: number, total: number, file: string) => void): Extracted {
  const plans: Plan[] = [];
  const planIds = new Set<string>();
  const skipped: SkippedFile[] = [];
  const seenIds = new Set<string>();
  const units = new UnitDirectory();
  const counts = new Map<string, PlanCounts>();
  const inputs = new CounterpartInputs();
  let i = 0;
  for (const f of files) {
    onProgress?.(i++, total, f.name);
    if (f.error) {
      skipped.push({ file: f.name, reason: f.error });
      continue;
    }
    let r: ReturnType<typeof extractPlan>;
    try {
      r = extractPlan(f.name, f.bytes);
    } catch (e) {
      skipped.push({ file: f.name, reason: `could not be processed: ${(e as Error).message}` });
      continue;
    }
    if (!r.ok) {
      skipped.push({ file: f.name, reason: r.reason });
      continue;
    }
    if (planIds.has(r.plan.id)) {
      skipped.push({ file: f.name, reason: `another file already has the plan id "${r.plan.id}"` });
      continue;
    }
    planIds.add(r.plan.id);
    const p = r.plan;
    const d = (x: string | null) => (x === null ? x : detach(x));
    plans.push({ ...p, province: d(p.province), place: d(p.place), title: d(p.title), docNumber: d(p.docNumber), issuer: d(p.issuer), issuedOn: d(p.issuedOn), warnings: p.warnings.map(detach) });
    const c: PlanCounts = { tasks: 0, prose: 0, annex: 0, dated: 0, withUnits: 0 };
    counts.set(r.plan.id, c);
    for (const t of r.tasks) {
      if (seenIds.has(t.id)) continue;
      seenIds.add(t.id);
      units.add(t);
      inputs.add(counterpartInput(t));
      const k = counts.get(t.planId);
      if (k) {
        k.tasks++;
        if (t.source.origin === 'prose') k.prose++;
        if (t.source.origin === 'annex') k.annex++;
        if (t.deadlines.length > 0) k.dated++;
        if (t.units.length > 0) k.withUnits++;
      }
      onTask(t);
    }
  }
  onProgress?.(total, total, '');
  return { plans, skipped, units, counts, inputs };
}

export function themeList(): KnowledgeBase['themes'] {
  return DEFAULT_CONFIG.tables.topics.flatMap((t) => t.themes).map((r) => ({ id: r.id, label: r.label }));
}

/** The knowledge base of these files, every task in memory (no cache: kb/load.ts streams a build into its cache instead). */
export function buildKnowledgeBase(
  files: Iterable<CorpusFile> & { length?: number },
  onProgress?: (done: number, total: number, file: string) => void,
  total = files.length ?? 0,
): { kb: KnowledgeBase; skipped: SkippedFile[]; timings: BuildTimings; counts: Map<string, PlanCounts> } {
  const t0 = performance.now();
  const tasks: Task[] = [];
  const ex = extractCorpus(files, total, (t) => tasks.push(t), onProgress);
  const t1 = performance.now();
  streamCounterparts(ex.inputs, (i, list) => (tasks[i].counterparts = list));
  const t2 = performance.now();
  const units = ex.units.entries();
  const t3 = performance.now();
  return {
    kb: { version: KB_VERSION, plans: ex.plans, tasks, units, themes: themeList() },
    skipped: ex.skipped,
    timings: { extract: t1 - t0, counterparts: t2 - t1, units: t3 - t2 },
    counts: ex.counts,
  };
}
