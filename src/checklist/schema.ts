/** The checklist file's schema (version 1): statuses, entries with history and snapshots, and its validation. */
import type { Deadline, Role } from '../types.js';
import { isIsoDate } from '../domain/dates.js';
import type { UnitRef } from '../domain/units.js';

export const CHECKLIST_VERSION = 1;

export type Status = 'todo' | 'doing' | 'done' | 'na';
export const STATUSES: Status[] = ['todo', 'doing', 'done', 'na'];
export const STATUS_LABEL: Record<Status, string> = { todo: '待办', doing: '进行中', done: '已完成', na: '不适用' };

/** A unit I belong to: a whole cross-province kind (审计) or one canonical unit (安徽 省审计厅); matched as every unit filter is (domain/units.ts). */
export type MyUnit = UnitRef;

export interface HistoryEvent {
  /** ISO timestamp (UTC). */
  at: string;
  field: 'status' | 'note' | 'due' | 'added' | 'orphaned' | 'relinked' | 'migrated';
  from: string | null;
  to: string | null;
}

/** What we last knew of a task, so an orphaned entry can still be shown and re-linked. */
export interface TaskSnapshot {
  text: string;
  planId: string;
  planTag: string | null;
  section: string[];
  deadlines: Deadline[];
  units: { canonical: string; kind: string; role: Role }[];
}

export interface Entry {
  taskId: string;
  status: Status;
  note: string;
  /** My own due date (YYYY-MM-DD), or null. */
  due: string | null;
  /** 'manual': added by hand (`a`, `plans mark`), kept even when my units stop matching. */
  origin: 'units' | 'manual';
  snapshot: TaskSnapshot | null;
  /** Set when the task id vanished from the knowledge base after re-indexing. */
  orphanedAt: string | null;
  createdAt: string;
  updatedAt: string;
  history: HistoryEvent[];
}

export interface ChecklistData {
  version: typeof CHECKLIST_VERSION;
  units: MyUnit[];
  entries: Record<string, Entry>;
  updatedAt: string | null;
}

export function emptyChecklist(): ChecklistData {
  return { version: CHECKLIST_VERSION, units: [], entries: {}, updatedAt: null };
}

// ---------------------------------------------------------------- validation

export class ChecklistFormatError extends Error {}

/** A real calendar day written YYYY-MM-DD (domain/dates.ts). */
export const isIsoDay = isIsoDate;

/** Throws ChecklistFormatError when `d` is not a well-formed current-version checklist. */
export function validateChecklist(d: unknown): ChecklistData {
  const fail = (why: string): never => {
    throw new ChecklistFormatError(why);
  };
  if (!d || typeof d !== 'object' || Array.isArray(d)) fail('top level is not an object');
  const o = d as Record<string, unknown>;
  if (o.version !== CHECKLIST_VERSION) fail(`unsupported version ${JSON.stringify(o.version)}`);
  if (!Array.isArray(o.units)) fail('"units" is not a list');
  for (const u of o.units as unknown[]) {
    const x = u as MyUnit;
    if (!x || (x.type !== 'kind' && x.type !== 'unit') || typeof x.value !== 'string') fail(`bad unit ${JSON.stringify(u)}`);
  }
  if (!o.entries || typeof o.entries !== 'object' || Array.isArray(o.entries)) fail('"entries" is not an object');
  for (const [id, e] of Object.entries(o.entries as Record<string, unknown>)) {
    const problem = entryProblem(id, e);
    if (problem) fail(problem);
  }
  return d as ChecklistData;
}

/** What is wrong with the entry `e` filed under `id`, or null. */
export function entryProblem(id: string, e: unknown): string | null {
  const x = e as Entry;
  if (!x || typeof x !== 'object') return `entry ${id} is not an object`;
  if (x.taskId !== id) return `entry ${id} has taskId ${JSON.stringify(x.taskId)}`;
  if (!STATUSES.includes(x.status)) return `entry ${id} has bad status ${JSON.stringify(x.status)}`;
  if (typeof x.note !== 'string') return `entry ${id} has a bad note`;
  if (x.due !== null && !isIsoDay(x.due)) return `entry ${id} has a bad due date`;
  if (!Array.isArray(x.history)) return `entry ${id} has no history list`;
  return null;
}
