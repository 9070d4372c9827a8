/**
 * The checklist ("我的清单") model: the file's types and pure operations over them.
 * Nothing here touches the file system; see store.ts for that.
 */
import type { Deadline, KnowledgeBase, Role, Task, UnitEntry } from '../types.js';
import { addDays, isIsoDate } from '../domain/dates.js';
import { nextOccurrence } from '../domain/recurrence.js';
import { rolesIn, sameUnitRef, taskHasUnit, type UnitRef } from '../domain/units.js';
import { lookupOf, type TaskLookup, type TaskSource } from '../kb/lookup.js';

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
    const x = e as Entry;
    if (!x || typeof x !== 'object') fail(`entry ${id} is not an object`);
    if (x.taskId !== id) fail(`entry ${id} has taskId ${JSON.stringify(x.taskId)}`);
    if (!STATUSES.includes(x.status)) fail(`entry ${id} has bad status ${JSON.stringify(x.status)}`);
    if (typeof x.note !== 'string') fail(`entry ${id} has a bad note`);
    if (x.due !== null && !isIsoDay(x.due)) fail(`entry ${id} has a bad due date`);
    if (!Array.isArray(x.history)) fail(`entry ${id} has no history list`);
  }
  return d as ChecklistData;
}

// ---------------------------------------------------------------- migrations

/**
 * v0: the first, unversioned format (prototype): `{ units: string[], items: { [taskId]: { status, note?, due? } } }`
 * with status as a Chinese label or a code, and no history.
 */
export interface ChecklistV0 {
  version?: undefined;
  units?: string[];
  items?: Record<string, { status?: string; note?: string; due?: string | null; text?: string }>;
}

const UNIT_SUFFIX = /(厅|委|局|办|办公室|部|院|署|会|室|中心|公司|银行|集团|政府|馆|队|台)$/u;

function statusFromAny(s: string | undefined): Status {
  if (!s) return 'todo';
  if ((STATUSES as string[]).includes(s)) return s as Status;
  const byLabel = (Object.keys(STATUS_LABEL) as Status[]).find((k) => STATUS_LABEL[k] === s);
  if (byLabel) return byLabel;
  if (s === '完成' || s === 'completed') return 'done';
  if (s === 'in-progress' || s === '办理中') return 'doing';
  return 'todo';
}

export function migrateV0toV1(v0: ChecklistV0, now: string): ChecklistData {
  const out = emptyChecklist();
  for (const u of v0.units ?? []) {
    if (typeof u !== 'string' || !u.trim()) continue;
    const value = u.trim();
    out.units.push({ type: UNIT_SUFFIX.test(value) ? 'unit' : 'kind', value });
  }
  for (const [id, it] of Object.entries(v0.items ?? {})) {
    if (!it || typeof it !== 'object') continue;
    const status = statusFromAny(it.status);
    const due = isIsoDay(it.due) ? it.due : null;
    out.entries[id] = {
      taskId: id,
      status,
      note: typeof it.note === 'string' ? it.note : '',
      due,
      origin: 'manual',
      snapshot: typeof it.text === 'string' ? { text: it.text, planId: '', planTag: null, section: [], deadlines: [], units: [] } : null,
      orphanedAt: null,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, field: 'migrated', from: 'v0', to: `v1 ${STATUS_LABEL[status]}` }],
    };
  }
  out.updatedAt = now;
  return out;
}

/** Ordered migrations: MIGRATIONS[n] turns version n into version n+1. */
const MIGRATIONS: Record<number, (d: any, now: string) => any> = {
  0: (d, now) => migrateV0toV1(d as ChecklistV0, now),
};

/**
 * Brings parsed file content to the current version. Returns the data and whether it changed.
 * Throws ChecklistFormatError for content that is not a checklist at all, or from a newer version of plans.
 */
export function migrate(raw: unknown, now: string): { data: ChecklistData; migratedFrom: number | null } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ChecklistFormatError('top level is not an object');
  let d = raw as Record<string, unknown>;
  let v = d.version === undefined ? 0 : d.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ChecklistFormatError(`bad version ${JSON.stringify(d.version)}`);
  if (v > CHECKLIST_VERSION) throw new ChecklistFormatError(`it was written by a newer version of plans (schema v${v}; this one reads up to v${CHECKLIST_VERSION})`);
  const from = v;
  if (v === 0 && !('units' in d) && !('items' in d)) throw new ChecklistFormatError('not a checklist (no version, units or items)');
  while (v < CHECKLIST_VERSION) {
    const m = MIGRATIONS[v];
    if (!m) throw new ChecklistFormatError(`no migration from v${v}`);
    d = m(d, now);
    v++;
  }
  return { data: validateChecklist(d), migratedFrom: from === CHECKLIST_VERSION ? null : from };
}

// ---------------------------------------------------------------- operations (pure, mutate the given data)

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
    if (snapshot) e.snapshot = snapshot;
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
    if (ch.due !== null && !isIsoDay(ch.due)) throw new Error(`due date must look like 2018-06-30, got "${ch.due}"`);
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

/**
 * Marks entries whose task id is gone from the KB as orphaned (and un-marks ones that came back);
 * refreshes snapshots of live entries. Returns true if anything changed.
 */
export function reconcile(d: ChecklistData, source: TaskSource, planTag: (planId: string) => string | null, now: string): boolean {
  const kb = lookupOf(source);
  if (kb.tasks.length === 0) return false; // an empty KB (failed index) must not orphan everything
  const byId = { get: kb.byId };
  let changed = false;
  for (const e of Object.values(d.entries)) {
    const t = byId.get(e.taskId);
    if (t) {
      if (e.orphanedAt) {
        e.orphanedAt = null;
        e.history.push({ at: now, field: 'orphaned', from: 'orphaned', to: null });
        changed = true;
      }
      const snap = snapshotOf(t, planTag(t.planId));
      if (JSON.stringify(snap) !== JSON.stringify(e.snapshot)) {
        e.snapshot = snap;
        changed = true;
      }
    } else if (!e.orphanedAt) {
      e.orphanedAt = now;
      e.history.push({ at: now, field: 'orphaned', from: null, to: 'orphaned' });
      changed = true;
    }
  }
  return changed;
}

// ---------------------------------------------------------------- resolution: my tasks

export function unitLabel(u: MyUnit, planTag?: (planId: string) => string): string {
  if (u.type === 'kind') return `${u.value}（类）`;
  return u.planId ? `${planTag ? planTag(u.planId) : u.planId} ${u.value}` : u.value;
}

/** My roles in a task (best first), given my units. */
export function myRoles(task: { planId: string; units: { canonical: string; kind: string; role: Role }[] }, units: MyUnit[]): Role[] {
  return rolesIn(task, units);
}

/** A row of my list: the task as last known (text live, or last-known for orphans) and my entry. */
export interface MineItem extends TaskSnapshot {
  taskId: string;
  /** The live task, or null when orphaned. */
  task: Task | null;
  roles: Role[];
  entry: Entry | null;
  status: Status;
  note: string;
  due: string | null;
  orphan: boolean;
  /** For orphans: the most similar task in the current KB. */
  suggestion: { taskId: string; score: number; text: string } | null;
  /** The date that matters for sorting and overdue marking: my due date, else the task's next deadline. */
  effectiveDue: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface ResolveOptions {
  asOf: string;
  /** Days ahead that count as "due soon". */
  soonDays?: number;
  planTag?: (planId: string) => string | null;
}

/**
 * My list: every task where my units have a role, plus every task with an entry (touched or added by hand),
 * plus orphaned entries. Annex rows that restate a prose task already in the list are left out.
 */
export function resolveMine(source: TaskSource, d: ChecklistData, opts: ResolveOptions): MineItem[] {
  const kb = lookupOf(source);
  const soon = addDays(opts.asOf, opts.soonDays ?? 30);
  const tag = opts.planTag ?? (() => null);
  const byId = { get: kb.byId, has: (id: string) => kb.byId(id) !== undefined };
  const picked = new Map<string, Task>();
  if (d.units.length) for (const t of kb.tasks) if (taskHasUnit(t, d.units)) picked.set(t.id, t);
  for (const id of Object.keys(d.entries)) {
    const t = byId.get(id);
    if (t) picked.set(id, t);
  }
  for (const [id, t] of [...picked]) {
    if (t.restates && picked.has(t.restates) && !d.entries[id]) picked.delete(id);
  }
  const items: MineItem[] = [];
  const finish = (it: Omit<MineItem, 'effectiveDue' | 'overdue' | 'dueSoon'>): MineItem => {
    let eff: string | null = it.due;
    if (!eff) {
      const dates = it.deadlines.map((x) => nextOccurrence(x, opts.asOf)).filter((x): x is string => !!x).sort();
      eff = dates.find((x) => x >= opts.asOf) ?? dates[dates.length - 1] ?? null;
    }
    const open = it.status === 'todo' || it.status === 'doing';
    return { ...it, effectiveDue: eff, overdue: open && !!eff && eff < opts.asOf, dueSoon: open && !!eff && eff >= opts.asOf && eff <= soon };
  };
  for (const t of kb.tasks) {
    if (!picked.has(t.id)) continue;
    const e = d.entries[t.id] ?? null;
    items.push(
      finish({
        taskId: t.id,
        task: t,
        text: t.text,
        planId: t.planId,
        planTag: tag(t.planId),
        section: t.section,
        deadlines: t.deadlines,
        units: t.units.map((u) => ({ canonical: u.canonical, kind: u.kind, role: u.role })),
        roles: myRoles(t, d.units),
        entry: e,
        status: e?.status ?? 'todo',
        note: e?.note ?? '',
        due: e?.due ?? null,
        orphan: false,
        suggestion: null,
      }),
    );
  }
  const ix = kb.tasks.length && Object.keys(d.entries).some((id) => !byId.has(id)) ? similarityIndexFor(kb) : null;
  for (const e of Object.values(d.entries)) {
    if (byId.has(e.taskId)) continue;
    const s = e.snapshot;
    const sug = ix && s ? ix.best(s.text, s.planId) : null;
    items.push(
      finish({
        taskId: e.taskId,
        task: null,
        text: s?.text ?? '（原任务已不在知识库中）',
        planId: s?.planId ?? '',
        planTag: s?.planTag ?? null,
        section: s?.section ?? [],
        deadlines: s?.deadlines ?? [],
        units: s?.units ?? [],
        roles: s ? myRoles(s, d.units) : [],
        entry: e,
        status: e.status,
        note: e.note,
        due: e.due,
        orphan: true,
        suggestion: sug ? { taskId: sug.task.id, score: sug.score, text: sug.task.text } : null,
      }),
    );
  }
  return items;
}

export interface MineSummary {
  total: number;
  done: number;
  /** done + not applicable: settled items. */
  closed: number;
  overdue: number;
  dueSoon: number;
  orphans: number;
  next: MineItem | null;
}

export function summarize(items: MineItem[], asOf: string): MineSummary {
  let next: MineItem | null = null;
  for (const it of items) {
    if ((it.status === 'todo' || it.status === 'doing') && it.effectiveDue && it.effectiveDue >= asOf) {
      if (!next || it.effectiveDue < next.effectiveDue!) next = it;
    }
  }
  return {
    total: items.filter((i) => i.status !== 'na').length,
    done: items.filter((i) => i.status === 'done').length,
    closed: items.filter((i) => i.status === 'done' || i.status === 'na').length,
    overdue: items.filter((i) => i.overdue).length,
    dueSoon: items.filter((i) => i.dueSoon).length,
    orphans: items.filter((i) => i.orphan).length,
    next,
  };
}

export type Grouping = 'plan' | 'deadline';

export interface MineGroup {
  key: string;
  label: string;
  items: MineItem[];
}

export function groupItems(items: MineItem[], by: Grouping, asOf: string, planOrder: string[] = []): MineGroup[] {
  const groups = new Map<string, MineGroup>();
  const put = (key: string, label: string, it: MineItem) => {
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, label, items: [] }));
    g.items.push(it);
  };
  if (by === 'plan') {
    for (const it of items) {
      if (it.orphan) put('~orphans', '孤立条目（原任务已变更）', it);
      else put(it.planId, it.planTag ?? it.planId, it);
    }
    const rank = (k: string) => (k === '~orphans' ? 1e9 : planOrder.indexOf(k) < 0 ? 1e8 : planOrder.indexOf(k));
    return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  }
  const soon = addDays(asOf, 30);
  const order = ['1overdue', '2soon', '3later', '4none', '5closed'];
  const labels: Record<string, string> = { '1overdue': '已逾期', '2soon': '30天内到期', '3later': '以后到期', '4none': '无明确时限', '5closed': '已完成 / 不适用' };
  const sorted = [...items].sort((a, b) => (a.effectiveDue ?? '9999') .localeCompare(b.effectiveDue ?? '9999'));
  for (const it of sorted) {
    const k = it.status === 'done' || it.status === 'na' ? '5closed' : !it.effectiveDue ? '4none' : it.effectiveDue < asOf ? '1overdue' : it.effectiveDue <= soon ? '2soon' : '3later';
    put(k, labels[k], it);
  }
  return order.filter((k) => groups.has(k)).map((k) => groups.get(k)!);
}

// ---------------------------------------------------------------- similarity (relink suggestions)

function bigrams(s: string): Map<string, number> {
  const clean = s.replace(/[\s\p{P}\p{S}]/gu, '');
  const m = new Map<string, number>();
  const chars = [...clean];
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams (0..1): robust for Chinese text where a paragraph was edited. */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of A.values()) na += v;
  for (const [k, v] of B) {
    nb += v;
    const x = A.get(k);
    if (x) both += Math.min(x, v);
  }
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

const simCache = new WeakMap<TaskLookup, SimilarityIndex>();
/** One similarity index per knowledge base (built on first need). */
export function similarityIndexFor(source: TaskSource): SimilarityIndex {
  const kb = lookupOf(source);
  let ix = simCache.get(kb);
  if (!ix) simCache.set(kb, (ix = new SimilarityIndex(kb.tasks)));
  return ix;
}

export class SimilarityIndex {
  private readonly tasks: readonly Task[];
  private readonly sizes: Int32Array;
  /** bigram → [task index, count, task index, count, …] */
  private readonly postings = new Map<string, number[]>();
  private readonly memo = new Map<string, { task: Task; score: number }[]>();

  constructor(tasks: readonly Task[]) {
    this.tasks = tasks;
    this.sizes = new Int32Array(tasks.length);
    tasks.forEach((task, i) => {
      let n = 0;
      for (const [k, v] of bigrams(task.text)) {
        n += v;
        let p = this.postings.get(k);
        if (!p) this.postings.set(k, (p = []));
        p.push(i, v);
      }
      this.sizes[i] = n;
    });
  }

  /** Most similar tasks (Dice over character bigrams, via an inverted index), same plan preferred, best first. */
  rank(text: string, planId: string | null, limit = 5, minScore = 0.2): { task: Task; score: number }[] {
    const key = `${planId ?? ''}\0${limit}\0${minScore}\0${text}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const A = bigrams(text);
    let na = 0;
    for (const v of A.values()) na += v;
    const both = new Int32Array(this.tasks.length);
    const touched: number[] = [];
    for (const [k, v] of A) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (let j = 0; j < p.length; j += 2) {
        const i = p[j];
        if (both[i] === 0) touched.push(i);
        both[i] += Math.min(v, p[j + 1]);
      }
    }
    const out: { task: Task; score: number }[] = [];
    for (const i of touched) {
      const task = this.tasks[i];
      let score = (2 * both[i]) / (na + this.sizes[i]);
      if (planId && task.planId !== planId) score *= 0.85;
      if (score >= minScore) out.push({ task, score });
    }
    const res = out.sort((a, b) => b.score - a.score).slice(0, limit);
    this.memo.set(key, res);
    return res;
  }
  best(text: string, planId: string | null): { task: Task; score: number } | null {
    return this.rank(text, planId, 1)[0] ?? null;
  }
}

// ---------------------------------------------------------------- unit picker candidates

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
/** Task counts per kind and per (plan, unit) — a task naming two units of one kind counts once. Cached per KB. */
function pickerCounts(kb: TaskLookup) {
  const cached = countsCache.get(kb);
  if (cached) return cached;
  const kinds = new Map<string, number>();
  const perPlanTasks = new Map<string, number>();
  for (const t of kb.tasks) {
    for (const k of new Set(t.units.map((u) => u.kind))) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    for (const c of new Set(t.units.map((u) => u.canonical))) perPlanTasks.set(`${t.planId}\0${c}`, (perPlanTasks.get(`${t.planId}\0${c}`) ?? 0) + 1);
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
