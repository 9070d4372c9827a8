/** Tasks of a knowledge base by id in O(1), in knowledge-base order, with the unit directory. */
import type { KnowledgeBase, Task, UnitEntry } from '../types.js';

export interface TaskLookup {
  /** Every task, in knowledge-base order. */
  readonly tasks: readonly Task[];
  readonly units: readonly UnitEntry[];
  /** The task with exactly this id. */
  byId(id: string): Task | undefined;
}

export type TaskSource = TaskLookup | Pick<KnowledgeBase, 'tasks' | 'units'>;

const cache = new WeakMap<object, TaskLookup>();

/** The lookup of a knowledge base (built once per object; a lookup is returned as it is). */
export function lookupOf(src: TaskSource): TaskLookup {
  if ('byId' in src) return src;
  let lk = cache.get(src);
  if (!lk) {
    const map = new Map(src.tasks.map((t) => [t.id, t] as const));
    lk = { tasks: src.tasks, units: src.units, byId: (id) => map.get(id) };
    cache.set(src, lk);
  }
  return lk;
}
