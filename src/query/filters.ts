import type { Task, UnitEntry } from '../types.js';
import { addDays } from '../domain/dates.js';
import { today } from '../domain/today.js';
import { taskHasUnit, unitRefsFor, type UnitRef } from '../domain/units.js';

export interface TaskFilters {
  /** Plan ids (any of). */
  plans?: string[];
  /** A unit as the user types it: a kind (审计), a canonical name or alias (省审计厅, 省发改委); matched as "my unit" is (domain/units.ts). */
  unit?: string;
  /** Unit kinds (any of), e.g. ["审计"]. */
  unitKinds?: string[];
  /** Theme ids (any of). */
  themes?: string[];
  /** Only tasks with a deadline date on/after / on/before these ISO dates. */
  after?: string;
  before?: string;
  /** Relative to asOf (default: today, local): overdue = a dated deadline before asOf; upcoming = a deadline within `upcomingDays` after asOf, or a recurring one. */
  due?: 'overdue' | 'upcoming';
  asOf?: string;
  upcomingDays?: number;
}

export function taskDates(task: Task): string[] {
  return task.deadlines.map((d) => d.date).filter((d): d is string => d !== null);
}

/** The predicate behind every filter in the CLI and the TUI; `directory` resolves the `unit` text. Pure. */
export function taskPredicate(f: TaskFilters, directory: readonly UnitEntry[]): (task: Task) => boolean {
  const unitRefs: UnitRef[] | null = f.unit?.trim() ? unitRefsFor(f.unit, directory) : null;
  const asOf = f.due ? (f.asOf ?? today()) : '';
  const until = f.due === 'upcoming' ? addDays(asOf, f.upcomingDays ?? 30) : '';
  return (task) => {
    if (f.plans && f.plans.length && !f.plans.includes(task.planId)) return false;
    if (f.themes && f.themes.length && !task.themes.some((t) => f.themes!.includes(t))) return false;
    if (f.unitKinds && f.unitKinds.length && !task.units.some((u) => f.unitKinds!.includes(u.kind))) return false;
    if (unitRefs && !taskHasUnit(task, unitRefs)) return false;
    if (f.after || f.before) {
      const dates = taskDates(task);
      if (!dates.some((d) => (!f.after || d >= f.after) && (!f.before || d <= f.before))) return false;
    }
    if (f.due) {
      const dates = taskDates(task);
      if (f.due === 'overdue') {
        if (!dates.some((d) => d < asOf)) return false;
      } else if (!dates.some((d) => d >= asOf && d <= until) && !task.deadlines.some((d) => d.recurring)) return false;
    }
    return true;
  };
}
