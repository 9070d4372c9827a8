/** Pure operations on a checklist's entries and units (they mutate the data they are given). */
import type { Task } from '../types.js';
import { sameUnitRef } from '../domain/units.js';
import { isIsoDay, STATUSES, type ChecklistData, type Entry, type MyUnit, type Status, type TaskSnapshot } from './schema.js';
import { isoDayProblem } from '../domain/dates.js';

export function cycleStatus(s: Status): Status {
  return STATUSES[(STATUSES.indexOf(s) + 1) % STATUSES.length];
}

export function parseStatus(s: string): Status | null {
  const m: Record<string, Status> = { todo: 'todo', doing: 'doing', done: 'done', na: 'na', '待办': 'todo', '进行中': 'doing', '已完成': 'done', '不适用': 'na' };
  return m[s.trim().toLowerCase()] ?? null;
}

export function snapshotOf(task: Task, planTag: string | null): TaskSnapshot {
  return {
    text: task.text,
    planId: task.planId,
    planTag,
    section: task.section,
    deadlines: task.deadlines,
    units: task.units.map((u) => ({ canonical: u.canonical, kind: u.kind, role: u.role })),
  };
}

/** Whether two snapshots say the same (a small object: compared as JSON). */
export function sameSnapshot(a: TaskSnapshot | null, b: TaskSnapshot | null): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function newEntry(taskId: string, now: string, origin: Entry['origin'], snapshot: TaskSnapshot | null): Entry {
  return { taskId, status: 'todo', note: '', due: null, origin, snapshot, orphanedAt: null, createdAt: now, updatedAt: now, history: [{ at: now, field: 'added', from: null, to: origin }] };
}

/** The entry for a task, created (and recorded in its history) when missing. */
export function ensureEntry(d: ChecklistData, taskId: string, now: string, origin: Entry['origin'], snapshot: TaskSnapshot | null): Entry {
  let e = d.entries[taskId];
  if (!e) {
    e = newEntry(taskId, now, origin, snapshot);
    d.entries[taskId] = e;
  } else {
    if (snapshot && !sameSnapshot(e.snapshot, snapshot)) e.snapshot = snapshot;
    if (origin === 'manual' && e.origin !== 'manual') e.origin = 'manual';
  }
  return e;
}

export interface EntryChange {
  status?: Status;
  note?: string;
  /** null clears my due date. */
  due?: string | null;
}

/** Applies a change, recording every field that actually changed in the history. Returns true if anything changed. */
export function applyChange(e: Entry, ch: EntryChange, now: string): boolean {
  let changed = false;
  if (ch.status !== undefined && ch.status !== e.status) {
    e.history.push({ at: now, field: 'status', from: e.status, to: ch.status });
    e.status = ch.status;
    changed = true;
  }
  if (ch.note !== undefined && ch.note !== e.note) {
    e.history.push({ at: now, field: 'note', from: e.note, to: ch.note });
    e.note = ch.note;
    changed = true;
  }
  if (ch.due !== undefined && ch.due !== e.due) {
    if (ch.due !== null) {
      const problem = isoDayProblem(ch.due);
      if (problem) throw new Error(`due date: ${problem}`);
    }
    e.history.push({ at: now, field: 'due', from: e.due, to: ch.due });
    e.due = ch.due;
    changed = true;
  }
  if (changed) e.updatedAt = now;
  return changed;
}

export const sameUnit = sameUnitRef;

export function addUnits(d: ChecklistData, units: MyUnit[]): void {
  for (const u of units) if (!d.units.some((x) => sameUnit(x, u))) d.units.push(u);
}

export function removeUnits(d: ChecklistData, units: MyUnit[]): number {
  const before = d.units.length;
  d.units = d.units.filter((x) => !units.some((u) => sameUnit(x, u) || (u.planId === undefined && x.type === u.type && x.value === u.value)));
  return before - d.units.length;
}

/**
 * Moves an entry to a new task id (after re-indexing), keeping status, note, due date and history.
 * If the new id already has an entry, the two are merged: the histories are joined and the fields of the
 * entry that was changed last win.
 */
export function relinkEntry(d: ChecklistData, fromId: string, toId: string, snapshot: TaskSnapshot | null, now: string): Entry {
  const src = d.entries[fromId];
  if (!src) throw new Error(`no checklist entry for ${fromId}`);
  if (fromId === toId) throw new Error('an entry cannot be re-linked to itself');
  const dst = d.entries[toId];
  let out: Entry;
  if (dst) {
    const srcTouched = src.history.some((h) => h.field === 'status' || h.field === 'note' || h.field === 'due');
    const dstTouched = dst.history.some((h) => h.field === 'status' || h.field === 'note' || h.field === 'due');
    const winner = !dstTouched || (srcTouched && src.updatedAt >= dst.updatedAt) ? src : dst;
    out = {
      ...winner,
      taskId: toId,
      origin: src.origin === 'manual' || dst.origin === 'manual' ? 'manual' : 'units',
      history: [...dst.history, ...src.history].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)),
      createdAt: src.createdAt < dst.createdAt ? src.createdAt : dst.createdAt,
    };
  } else {
    out = { ...src, taskId: toId, history: [...src.history] };
  }
  out.snapshot = snapshot ?? out.snapshot;
  out.orphanedAt = null;
  out.updatedAt = now;
  out.history.push({ at: now, field: 'relinked', from: fromId, to: toId });
  delete d.entries[fromId];
  d.entries[toId] = out;
  return out;
}
