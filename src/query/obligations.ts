/**
 * Obligation by obligation: rows of counterpart tasks (one row per requirement, a cell per plan, empty where a
 * plan has none), from the counterparts computed with the knowledge base — topic-free. Each task stands in
 * one row at most: rows are formed greedily from the tasks with the most counterparts, so the best-supported
 * requirements come first and no task is counted twice.
 */
import type { Plan, Task } from '../types.js';

export interface ObligationRow {
  /** The task the row was formed around (its text labels the row). */
  anchor: Task;
  /** One cell per plan, in plan order; null where the plan has no counterpart. */
  cells: Array<Task | null>;
  /** Where a cell is null but the anchor's counterpart in that plan stands in another row (a task is counted
   * once): that task, so the row can say so instead of showing the plan without it. */
  elsewhere: Array<Task | null>;
  /** How many plans have it. */
  plans: number;
  /** Days between the earliest and the latest dated deadline of the row (null with fewer than two). */
  spreadDays: number | null;
}

export type ObligationSort = 'plans' | 'spread';

function firstDate(t: Task): string | null {
  return t.deadlines.map((d) => d.date).filter((d): d is string => !!d).sort()[0] ?? null;
}

function days(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86400000);
}

export function obligationRows(plans: Plan[], tasks: readonly Task[], byId: (id: string) => Task | undefined, sort: ObligationSort = 'plans'): ObligationRow[] {
  const col = new Map(plans.map((p, i) => [p.id, i]));
  const pool = tasks.filter((t) => !t.restates && col.has(t.planId));
  const strength = (t: Task) => (t.counterparts ?? []).reduce((s, c) => s + c.score, 0);
  const order = [...pool].sort((a, b) => (b.counterparts?.length ?? 0) - (a.counterparts?.length ?? 0) || strength(b) - strength(a) || (a.id < b.id ? -1 : 1));
  const used = new Set<string>();
  const rows: ObligationRow[] = [];
  for (const t of order) {
    if (used.has(t.id)) continue;
    const cells: Array<Task | null> = plans.map(() => null);
    const elsewhere: Array<Task | null> = plans.map(() => null);
    cells[col.get(t.planId)!] = t;
    used.add(t.id);
    for (const c of t.counterparts ?? []) {
      const o = byId(c.taskId);
      const i = col.get(c.planId);
      if (!o || i === undefined || cells[i]) continue;
      if (used.has(o.id)) {
        elsewhere[i] ??= o;
        continue;
      }
      cells[i] = o;
      used.add(o.id);
    }
    cells.forEach((x, i) => {
      if (x) elsewhere[i] = null;
    });
    const dates = cells.map((x) => (x ? firstDate(x) : null)).filter((d): d is string => !!d).sort();
    rows.push({ anchor: t, cells, elsewhere, plans: cells.filter(Boolean).length, spreadDays: dates.length >= 2 ? days(dates[0], dates[dates.length - 1]) : null });
  }
  const byPlans = (a: ObligationRow, b: ObligationRow) => b.plans - a.plans || (b.spreadDays ?? -1) - (a.spreadDays ?? -1);
  const bySpread = (a: ObligationRow, b: ObligationRow) => (b.spreadDays ?? -1) - (a.spreadDays ?? -1) || b.plans - a.plans;
  const stable = rows.map((r, i) => ({ r, i }));
  stable.sort((x, y) => (sort === 'plans' ? byPlans(x.r, y.r) : bySpread(x.r, y.r)) || x.i - y.i);
  return stable.map((x) => x.r);
}
