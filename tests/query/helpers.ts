import type { Task, TaskUnit } from '../../src/types.js';

let seq = 0;
/** A minimal synthetic task for unit tests of the query layer. */
export function mkTask(text: string, opts: { planId?: string; units?: Array<Partial<TaskUnit> & { name: string }>; section?: string[]; themes?: string[]; dates?: string[] } = {}): Task {
  seq++;
  return {
    id: `t${seq}`,
    planId: opts.planId ?? 'hebei',
    kind: 'task',
    section: opts.section ?? ['二、重点任务'],
    text,
    deadlines: (opts.dates ?? []).map((d) => ({ raw: d, date: d, recurring: null, precision: 'day' as const })),
    units: (opts.units ?? []).map((u) => ({ canonical: u.name, kind: '', role: 'lead' as const, ...u })),
    themes: opts.themes ?? [],
    source: { file: 'x.txt', start: 0, end: text.length, line: 1, origin: 'prose', row: null },
    restates: null,
  };
}
