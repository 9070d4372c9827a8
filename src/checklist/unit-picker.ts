/** Candidates for the unit picker: kinds first, then canonical units per plan, fuzzy-matched. */
import type { UnitEntry } from '../types.js';
import { listedForUnits } from '../domain/units.js';
import { lookupOf, type TaskLookup, type TaskSource } from '../kb/lookup.js';
import type { MyUnit } from './schema.js';

export interface UnitCandidate {
  unit: MyUnit;
  label: string;
  /** How many tasks this would select. */
  tasks: number;
  score: number;
}

/**
 * Fuzzy candidates for the unit picker: kinds first ("审计" → the 审计 kind across all plans), then canonical
 * units per plan ("安徽 省审计厅"). Matches substrings, aliases, and characters in order (审厅 → 省审计厅).
 */
const countsCache = new WeakMap<TaskLookup, { kinds: Map<string, number>; perPlan: Map<string, { u: UnitEntry; planId: string; n: number }> }>();
/** Task counts per kind and per (plan, unit), as the list shows them — a task naming two units of one kind counts once. Cached per KB. */
function pickerCounts(kb: TaskLookup) {
  const cached = countsCache.get(kb);
  if (cached) return cached;
  const kinds = new Map<string, number>();
  const perPlanTasks = new Map<string, number>();
  // Count what the list would show for each candidate alone (listedForUnits: annex rows restating a listed
  // prose task are not listed).
  for (const t of kb.tasks) {
    for (const k of new Set(t.units.map((u) => u.kind))) {
      if (listedForUnits(t, [{ type: 'kind', value: k }], kb.byId)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    for (const c of new Set(t.units.map((u) => u.canonical))) {
      if (listedForUnits(t, [{ type: 'unit', value: c, planId: t.planId }], kb.byId)) perPlanTasks.set(`${t.planId}\0${c}`, (perPlanTasks.get(`${t.planId}\0${c}`) ?? 0) + 1);
    }
  }
  const perPlan = new Map<string, { u: UnitEntry; planId: string; n: number }>();
  for (const u of kb.units) {
    if (!kinds.has(u.kind)) kinds.set(u.kind, 0);
    for (const planId of Object.keys(u.plans)) perPlan.set(`${planId}\0${u.canonical}`, { u, planId, n: perPlanTasks.get(`${planId}\0${u.canonical}`) ?? 0 });
  }
  const out = { kinds, perPlan };
  countsCache.set(kb, out);
  return out;
}

export function unitCandidates(source: TaskSource, query: string, planTag: (planId: string) => string, limit = 30): UnitCandidate[] {
  const kb = lookupOf(source);
  const q = query.trim().replace(/\s+/g, '');
  const { kinds, perPlan } = pickerCounts(kb);
  const score = (hay: string[], extra = ''): number => {
    if (!q) return 1;
    let best = 0;
    for (const h of hay) {
      if (!h) continue;
      if (h === q) best = Math.max(best, 100);
      else if (h.startsWith(q)) best = Math.max(best, 80);
      else if (h.includes(q)) best = Math.max(best, 60);
      else if ((extra + h).includes(q)) best = Math.max(best, 50);
      else if (subsequence(q, h)) best = Math.max(best, 30);
      else if (overlap(q, h) >= 0.5) best = Math.max(best, 10); // a typo: 审讦 → 审计
    }
    return best;
  };
  const out: UnitCandidate[] = [];
  for (const [kind, n] of kinds) {
    if (!kind) continue;
    const s = score([kind]);
    if (s > 0) out.push({ unit: { type: 'kind', value: kind }, label: `${kind}（全部方案中的${kind}类单位）`, tasks: n, score: s + 5 });
  }
  for (const { u, planId, n } of perPlan.values()) {
    const tag = planTag(planId);
    const s = score([u.canonical, ...u.aliases, tag + u.canonical], tag);
    if (s > 0) out.push({ unit: { type: 'unit', value: u.canonical, planId }, label: `${tag} ${u.canonical}`, tasks: n, score: s });
  }
  return out.sort((a, b) => b.score - a.score || b.tasks - a.tasks || a.label.localeCompare(b.label)).slice(0, limit);
}

/** Share of the query's characters found in `h` (each used once). */
function overlap(q: string, h: string): number {
  const qs = [...q];
  if (qs.length < 2) return 0;
  const pool = [...h];
  let n = 0;
  for (const ch of qs) {
    const i = pool.indexOf(ch);
    if (i >= 0) {
      n++;
      pool.splice(i, 1);
    }
  }
  return n / qs.length;
}

function subsequence(q: string, h: string): boolean {
  const qs = [...q];
  let i = 0;
  for (const ch of h) if (i < qs.length && ch === qs[i]) i++;
  return i >= qs.length;
}
