/**
 * The small checklist API that the 我的清单 view and the CLI commands use: the store (file) joined with the
 * knowledge base (through PlansQuery). Every mutating call goes through the store's lock + re-read, so any
 * number of processes can use it at once.
 */
import { asOfDate } from '../domain/today.js';
import { taskHasUnit } from '../domain/units.js';
import type { PlansQuery } from '../query/index.js';
import {
  addUnits,
  applyChange,
  cycleStatus,
  ensureEntry,
  reconcile,
  relinkEntry,
  removeUnits,
  resolveMine,
  similarityIndexFor,
  snapshotOf,
  summarize,
  unitCandidates,
  unitLabel,
  type ChecklistData,
  type Entry,
  type EntryChange,
  type MineItem,
  type MineSummary,
  type MyUnit,
  type Status,
  type UnitCandidate,
} from './model.js';
import { ChecklistCorruptError, ChecklistLockError, ChecklistStore } from './store.js';

export type MineState =
  | { ok: true; units: MyUnit[]; unitLabels: string[]; items: MineItem[]; summary: MineSummary; asOf: string; file: string }
  | { ok: false; error: string; corrupt: boolean; file: string; asOf: string };

export interface ChecklistApiOptions {
  asOf?: string;
  soonDays?: number;
}

export class AmbiguousIdError extends Error {
  constructor(
    readonly prefix: string,
    readonly matches: string[],
  ) {
    super(`"${prefix}" matches ${matches.length} tasks (${matches.slice(0, 5).join(', ')}${matches.length > 5 ? ', …' : ''}); give more of the id`);
  }
}

export class Checklist {
  readonly asOf: string;
  private reconciled = false;

  constructor(
    readonly store: ChecklistStore,
    readonly query: PlansQuery,
    private readonly opts: ChecklistApiOptions = {},
  ) {
    this.asOf = asOfDate(opts.asOf);
  }

  get file(): string {
    return this.store.file;
  }

  /** Changes whenever the checklist file changes (its mtime). */
  stamp(): number {
    return this.store.stamp();
  }

  private tag = (planId: string): string => this.query.planTag(planId);

  /** Marks orphans / refreshes snapshots once per session (writes only if something changed). */
  reconcile(): void {
    if (this.reconciled) return;
    const data = this.store.read();
    // Only take the lock when something would actually change.
    const probe = structuredClone(data);
    if (reconcile(probe, this.query.lookup(), this.tag, new Date().toISOString())) {
      try {
        this.store.update((d, now) => void reconcile(d, this.query.lookup(), this.tag, now));
      } catch (e) {
        // A read-only data dir or a busy lock must not hide the list: orphans are still derived on the fly.
        if (!(e instanceof ChecklistLockError)) throw e;
      }
    }
    this.reconciled = true;
  }

  data(): ChecklistData {
    return this.store.read();
  }

  /** Everything the view needs, or a plain error (corrupt / unreadable file) — never a silent empty list. */
  state(): MineState {
    try {
      this.reconcile();
      const d = this.store.read();
      const items = resolveMine(this.query.lookup(), d, { asOf: this.asOf, soonDays: this.opts.soonDays, planTag: this.tag });
      return { ok: true, units: d.units, unitLabels: d.units.map((u) => unitLabel(u, this.tag)), items, summary: summarize(items, this.asOf), asOf: this.asOf, file: this.file };
    } catch (e) {
      return { ok: false, error: (e as Error).message, corrupt: e instanceof ChecklistCorruptError, file: this.file, asOf: this.asOf };
    }
  }

  items(): MineItem[] {
    const d = this.store.read();
    return resolveMine(this.query.lookup(), d, { asOf: this.asOf, soonDays: this.opts.soonDays, planTag: this.tag });
  }

  candidates(q: string, limit = 30): UnitCandidate[] {
    return unitCandidates(this.query.lookup(), q, this.tag, limit);
  }

  unitLabel(u: MyUnit): string {
    return unitLabel(u, this.tag);
  }

  setUnits(units: MyUnit[]): void {
    this.store.update((d) => {
      d.units = [];
      addUnits(d, units);
    });
  }
  addUnits(units: MyUnit[]): void {
    this.store.update((d) => addUnits(d, units));
  }
  removeUnits(units: MyUnit[]): number {
    return this.store.update((d) => removeUnits(d, units));
  }
  toggleUnit(u: MyUnit): boolean {
    return this.store.update((d) => {
      if (removeUnits(d, [u]) > 0) return false;
      addUnits(d, [u]);
      return true;
    });
  }

  private snap(taskId: string) {
    const t = this.query.taskById(taskId);
    return t ? snapshotOf(t, this.tag(t.planId)) : null;
  }

  /** Resolves a (possibly abbreviated) task id against the KB and the entries (orphans included). */
  resolveId(id: string): string | null {
    const d = this.store.read();
    if (d.entries[id] || this.query.taskById(id)) return id;
    if (!id) return null;
    const hits = new Set([...this.query.lookup().tasks.map((t) => t.id), ...Object.keys(d.entries)].filter((k) => k.startsWith(id)));
    if (hits.size > 1) throw new AmbiguousIdError(id, [...hits]);
    return hits.size === 1 ? [...hits][0] : null;
  }

  /** Applies a change (adding the task to the list by hand if it is not there yet). */
  mark(taskId: string, change: EntryChange): Entry {
    const snap = this.snap(taskId);
    return this.store.update((d, now) => {
      const e = ensureEntry(d, taskId, now, d.entries[taskId] ? d.entries[taskId].origin : this.isMine(d, taskId) ? 'units' : 'manual', snap);
      applyChange(e, change, now);
      return structuredClone(e);
    });
  }

  private isMine(d: ChecklistData, taskId: string): boolean {
    const t = this.query.taskById(taskId);
    return !!t && taskHasUnit(t, d.units);
  }

  cycle(taskId: string): Status {
    const snap = this.snap(taskId);
    return this.store.update((d, now) => {
      const e = ensureEntry(d, taskId, now, d.entries[taskId]?.origin ?? (this.isMine(d, taskId) ? 'units' : 'manual'), snap);
      applyChange(e, { status: cycleStatus(e.status) }, now);
      return e.status;
    });
  }

  /** Adds a task to my list by hand (`a` in Search / Detail). */
  add(taskId: string): Entry {
    const snap = this.snap(taskId);
    return this.store.update((d, now) => structuredClone(ensureEntry(d, taskId, now, 'manual', snap)));
  }

  entry(taskId: string): Entry | null {
    return this.store.read().entries[taskId] ?? null;
  }

  /** Suggested new tasks for an orphaned entry, best first. */
  suggestions(taskId: string, limit = 5): { taskId: string; score: number; text: string; planId: string }[] {
    const e = this.store.read().entries[taskId];
    if (!e?.snapshot) return [];
    return similarityIndexFor(this.query.lookup()).rank(e.snapshot.text, e.snapshot.planId || null, limit).map((r) => ({ taskId: r.task.id, score: r.score, text: r.task.text, planId: r.task.planId }));
  }

  /** Re-links an (orphaned) entry to another task: the given one, or the best suggestion. */
  relink(fromId: string, toId?: string): Entry {
    const target = toId ?? this.suggestions(fromId, 1)[0]?.taskId;
    if (!target) throw new Error(`no similar task found for ${fromId}; give the new task id explicitly`);
    const tasks = this.query.lookup().tasks;
    const exact = this.query.taskById(target);
    const pre = exact ? [exact] : tasks.filter((x) => x.id.startsWith(target));
    if (pre.length > 1) throw new AmbiguousIdError(target, pre.map((x) => x.id));
    const t = pre[0];
    if (!t) throw new Error(`no task ${target} in the knowledge base`);
    const snap = snapshotOf(t, this.tag(t.planId));
    return this.store.update((d, now) => structuredClone(relinkEntry(d, fromId, t.id, snap, now)));
  }

  /** Removes an entry (only ever on the user's explicit request). */
  drop(taskId: string): boolean {
    return this.store.update((d) => {
      if (!d.entries[taskId]) return false;
      delete d.entries[taskId];
      return true;
    });
  }

  moveAside(): string | null {
    this.reconciled = false;
    return this.store.moveAside();
  }
}
