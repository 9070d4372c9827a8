import type { Task } from '../types.js';

export interface TaskFilters {
  /** Plan ids (any of). */
  plans?: string[];
  /** Free text matched against unit names, canonical names and kinds (e.g. "审计", "省审计厅"). */
  unit?: string;
  /** Unit kinds (any of), e.g. ["审计"]. */
  unitKinds?: string[];
  /** Theme ids (any of). */
  themes?: string[];
  /** Only tasks with a deadline date on/after / on/before these ISO dates. */
  after?: string;
  before?: string;
  /** Relative to asOf: overdue = a dated deadline before asOf; upcoming = the next deadline within `upcomingDays` after asOf. */
  due?: 'overdue' | 'upcoming';
  asOf?: string;
  upcomingDays?: number;
}

export function taskDates(task: Task): string[] {
  return task.deadlines.map((d) => d.date).filter((d): d is string => d !== null);
}

export function addDays(iso: string, days: number): string {
  const t = Date.parse(iso + 'T00:00:00Z') + days * 86400000;
  return new Date(t).toISOString().slice(0, 10);
}

export function unitMatches(task: Task, unit: string): boolean {
  const u = unit.trim();
  if (!u) return true;
  return task.units.some((x) => x.name.includes(u) || x.canonical.includes(u) || x.kind === u || u.includes(x.canonical));
}

/** The predicate behind every filter in the CLI and the TUI. Pure. */
export function matchesFilters(task: Task, f: TaskFilters): boolean {
  if (f.plans && f.plans.length && !f.plans.includes(task.planId)) return false;
  if (f.themes && f.themes.length && !task.themes.some((t) => f.themes!.includes(t))) return false;
  if (f.unitKinds && f.unitKinds.length && !task.units.some((u) => f.unitKinds!.includes(u.kind))) return false;
  if (f.unit && !unitMatches(task, f.unit)) return false;
  if (f.after || f.before) {
    const dates = taskDates(task);
    if (!dates.some((d) => (!f.after || d >= f.after) && (!f.before || d <= f.before))) return false;
  }
  if (f.due) {
    const asOf = f.asOf ?? new Date().toISOString().slice(0, 10);
    const dates = taskDates(task);
    if (f.due === 'overdue') {
      if (!dates.some((d) => d < asOf)) return false;
    } else {
      const until = addDays(asOf, f.upcomingDays ?? 30);
      if (!dates.some((d) => d >= asOf && d <= until) && !task.deadlines.some((d) => d.recurring)) return false;
    }
  }
  return true;
}
