/**
 * A huge checklist for the benchmark (bench/checklist.ts) and the tests: `n` entries against a knowledge
 * base's tasks, 20 on live tasks and the rest orphans (made-up task ids) whose last-known text is a live
 * task's text as a new edition might have reworded it; some with a status, a note, a due date, and history.
 * Deterministic: the same checklist for the same arguments.
 */
import type { Task } from '../src/types.js';
import type { ChecklistData, Entry, HistoryEvent } from '../src/checklist/schema.js';
import { rng } from './generate.js';

const EDITS: [RegExp, string][] = [
  [/2017年/g, '2019年'],
  [/2018年/g, '2020年'],
  [/加快/g, '加速'],
  [/推进/g, '推动'],
  [/建立/g, '建成'],
  [/政务信息系统/g, '政务信息化系统'],
];

/**
 * A checklist of `n` entries: 20 on live tasks (their snapshots as plans makes them, given `planTag`), the rest
 * orphans, marked as such by one of five earlier re-indexes, or (`freshOrphans`) not yet marked.
 */
export function generateChecklist(n: number, tasks: readonly Task[], planTag: (planId: string) => string | null = (id) => id, opts: { seed?: number; freshOrphans?: boolean } = {}): ChecklistData {
  const seed = opts.seed ?? 12;
  const r = rng(seed);
  const d: ChecklistData = { version: 1, units: [{ type: 'kind', value: '审计' }], entries: {}, updatedAt: '2024-01-01T00:00:00.000Z' };
  const at = (day: number) => new Date(Date.UTC(2023, 0, 1) + day * 86400000 + Math.floor(r() * 86400000)).toISOString();
  const live = Math.min(20, tasks.length, n);
  for (let i = 0; i < n; i++) {
    const t = tasks[i < live ? i : Math.floor(r() * tasks.length)];
    const id = i < live ? t.id : `${t.planId}-${(0x10000000 + i).toString(16)}`;
    let text = t.text;
    if (i >= live) for (const [re, to] of EDITS) if (r() < 0.5) text = text.replace(re, to);
    if (i >= live) text += `（第${1 + (i % 7)}版 #${i}）`;
    const created = at(i % 300);
    const history: HistoryEvent[] = [{ at: created, field: 'added', from: null, to: 'units' }];
    const status = r() < 0.85 ? 'todo' : r() < 0.5 ? 'done' : 'doing';
    if (status !== 'todo') history.push({ at: at(300 + (i % 30)), field: 'status', from: 'todo', to: status });
    const note = r() < 0.05 ? `已报送材料 ${i}` : '';
    if (note) history.push({ at: at(330), field: 'note', from: '', to: note });
    const due = r() < 0.03 ? '2024-06-30' : null;
    if (due) history.push({ at: at(331), field: 'due', from: null, to: due });
    // Orphaned by one of five re-indexes (all orphans of one re-index share its time).
    // freshOrphans: the re-index has just happened, no list has marked them yet.
    const orphanedAt = i >= live && !opts.freshOrphans ? new Date(Date.UTC(2023, 11, 1 + (i % 5))).toISOString() : null;
    if (orphanedAt) history.push({ at: orphanedAt, field: 'orphaned', from: null, to: 'orphaned' });
    const e: Entry = {
      taskId: id,
      status,
      note,
      due,
      origin: r() < 0.2 ? 'manual' : 'units',
      snapshot: { text, planId: t.planId, planTag: planTag(t.planId), section: t.section, deadlines: t.deadlines, units: t.units.map((u) => ({ canonical: u.canonical, kind: u.kind, role: u.role })) },
      orphanedAt,
      createdAt: created,
      updatedAt: history[history.length - 1].at,
      history,
    };
    d.entries[id] = e;
  }
  return d;
}

