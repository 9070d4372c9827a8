/**
 * Unit matching, one rule for a search filter (`--unit 审计`, the TUI's unit filter) and for "my unit" in the
 * checklist: a unit reference is a kind (审计: that office in every plan) or one canonical unit (省审计厅),
 * optionally of one plan, and it selects the tasks where some unit has that kind or that canonical name.
 * Text the user types is turned into references by `unitRefsFor` against the unit directory.
 */
import type { Role, TaskUnit, UnitEntry } from '../types.js';
import { byRank } from './roles.js';

export interface UnitRef {
  type: 'kind' | 'unit';
  /** The kind ("审计") or the canonical unit name ("省审计厅"). */
  value: string;
  /** For type 'unit': restrict to this plan (canonical names such as 省审计厅 repeat across provinces). */
  planId?: string;
}

type UnitLike = Pick<TaskUnit, 'canonical' | 'kind'>;
interface TaskLike<U extends UnitLike = UnitLike> {
  planId: string;
  units: readonly U[];
}

/** Does one unit of a task (of plan `planId`) fall under the reference? */
export function unitRefMatches(ref: UnitRef, planId: string, unit: UnitLike): boolean {
  if (ref.type === 'kind') return unit.kind === ref.value;
  return unit.canonical === ref.value && (!ref.planId || ref.planId === planId);
}

/** Does any unit of the task fall under any of the references? */
export function taskHasUnit(task: TaskLike, refs: readonly UnitRef[]): boolean {
  return task.units.some((u) => refs.some((r) => unitRefMatches(r, task.planId, u)));
}

/**
 * Does the task belong to the list of these units? It names one of them, and it is not an annex row restating
 * a prose task that names one of them too (the row would repeat that task). The checklist's list and the unit
 * picker's count both use this, so the picker's "N 项" is what the list then shows.
 */
export function listedForUnits<T extends TaskLike & { restates: string | null }>(
  task: T,
  refs: readonly UnitRef[],
  byId: (id: string) => TaskLike | undefined,
): boolean {
  if (!taskHasUnit(task, refs)) return false;
  const prose = task.restates ? byId(task.restates) : undefined;
  return !(prose && taskHasUnit(prose, refs));
}

/** The roles the referenced units have in the task, best first. */
export function rolesIn(task: TaskLike<UnitLike & { role: Role }>, refs: readonly UnitRef[]): Role[] {
  return byRank(task.units.filter((u) => refs.some((r) => unitRefMatches(r, task.planId, u))).map((u) => u.role));
}

export function sameUnitRef(a: UnitRef, b: UnitRef): boolean {
  return a.type === b.type && a.value === b.value && (a.planId ?? null) === (b.planId ?? null);
}

/**
 * What a typed unit text refers to: the kind of that name (审计); else the unit whose canonical name or
 * alias it is (省发改委 → 省发展改革委); else every unit whose canonical name or alias contains it (审计厅 →
 * 省审计厅). Empty when nothing matches.
 */
export function unitRefsFor(text: string, directory: readonly UnitEntry[]): UnitRef[] {
  const q = text.trim();
  if (!q) return [];
  if (directory.some((u) => u.kind === q)) return [{ type: 'kind', value: q }];
  const exact = directory.filter((u) => u.canonical === q || u.aliases.includes(q));
  const use = exact.length ? exact : directory.filter((u) => u.canonical.includes(q) || u.aliases.some((a) => a.includes(q)));
  return [...new Set(use.map((u) => u.canonical))].map((value) => ({ type: 'unit', value }));
}
