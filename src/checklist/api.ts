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
import { AmbiguousIdError, resolveId, UnknownIdError } from '../query/ids.js';
import { stripControl, truncateWidth } from '../util/text.js';

export { AmbiguousIdError, UnknownIdError };

export type MineState =
  | { ok: true; units: MyUnit[]; unitLabels: string[]; items: MineItem[]; summary: MineSummary; asOf: string; file: string }
  | { ok: false; error: string; corrupt: boolean; file: string; asOf: string };

export interface ChecklistApiOptions {
  asOf?: string;
  soonDays?: number;
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

  /** Changes whenever the checklist file changes (another inode, mtime or size). */
  stamp(): string {
    return this.store.stamp();
  }

  /** Calls `onChange` when another process may have changed the file (a folder watch; poll `stamp()` too). */
  watch(onChange: () => void): () => void {
    return this.store.watch(onChange);
  }

  /** The entry as the file has it now; undefined when it cannot be read. */
  currentEntry(taskId: string): Entry | undefined {
    try {
      return this.entry(taskId) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private tag = (planId: string): string => this.query.planTag(planId);

  /** Marks orphans / refreshes snapshots once per session (writes only if something changed). */
  reconcile(): void {
    this.reconciledData();
  }

  /**
   * The checklist as read, reconciled once per session: one read of the file when nothing needs to change
   * (the copy read is reconciled in memory and, unchanged, is the state); when something does, that copy is
   * written under the lock if the file is still the one read (store.commit), else the change is made by a
   * locked update of the latest file (a second read; the first copy let go before it).
   */
  private reconciledData(): ChecklistData {
    const read = this.store.readStamped();
    let data: ChecklistData | null = read.data;
    if (this.reconciled) return data;
    // Only take the lock when something would actually change.
    if (!reconcile(data, this.query.lookup(), this.tag, new Date().toISOString())) {
      this.reconciled = true;
      return data;
    }
    let updated: ChecklistData;
    try {
      if (this.store.commit(data, read.stamp)) {
        this.reconciled = true;
        return data;
      }
      data = null; // a huge checklist: one copy in memory at a time
      updated = this.store.update((d, now) => {
        reconcile(d, this.query.lookup(), this.tag, now);
        return d;
      });
    } catch (e) {
      // A read-only data dir or a busy lock must not hide the list: orphans are still derived on the fly.
      if (!(e instanceof ChecklistLockError)) throw e;
      this.reconciled = true;
      if (data) return data;
      const again = this.store.read();
      reconcile(again, this.query.lookup(), this.tag, new Date().toISOString());
      return again;
    }
    this.reconciled = true;
    return updated;
  }

  data(): ChecklistData {
    return this.store.read();
  }

  /** Everything the view needs, or a plain error (corrupt / unreadable file) — never a silent empty list. */
  state(): MineState {
    try {
      const d = this.reconciledData();
      const items = resolveMine(this.query.lookup(), d, { asOf: this.asOf, soonDays: this.opts.soonDays, planTag: this.tag });
      return { ok: true, units: d.units, unitLabels: d.units.map((u) => unitLabel(u, this.tag)), items, summary: summarize(items, this.asOf), asOf: this.asOf, file: this.file };
    } catch (e) {
      return { ok: false, error: (e as Error).message, corrupt: e instanceof ChecklistCorruptError, file: this.file, asOf: this.asOf };
    }
  }

  /** My list, from the file (or from `d`, a checklist read already: one read for the caller's two uses). */
  items(d: ChecklistData = this.store.read()): MineItem[] {
    return resolveMine(this.query.lookup(), d, { asOf: this.asOf, soonDays: this.opts.soonDays, planTag: this.tag });
  }

  candidates(q: string, limit = 30): UnitCandidate[] {
    return unitCandidates(this.query.lookup(), q, this.tag, limit);
  }

  unitLabel(u: MyUnit): string {
    return unitLabel(u, this.tag);
  }

  // Changes of the units or of one or two entries go through store.updateEntries: on a huge checklist only
  // those entries are kept and written anew, the rest copied as it is.
  setUnits(units: MyUnit[]): void {
    this.store.updateEntries([], (d) => {
      d.units = [];
      addUnits(d, units);
    });
  }
  addUnits(units: MyUnit[]): void {
    this.store.updateEntries([], (d) => addUnits(d, units));
  }
  removeUnits(units: MyUnit[]): number {
    return this.store.updateEntries([], (d) => removeUnits(d, units));
  }
  toggleUnit(u: MyUnit): boolean {
    return this.store.updateEntries([], (d) => {
      if (removeUnits(d, [u]) > 0) return false;
      addUnits(d, [u]);
      return true;
    });
  }

  private snap(taskId: string) {
    const t = this.query.taskById(taskId);
    return t ? snapshotOf(t, this.tag(t.planId)) : null;
  }

  /**
   * Resolves a (possibly abbreviated) task id against the KB and the entries (orphans included).
   * Throws AmbiguousIdError (the candidates listed) or UnknownIdError.
   */
  resolveId(id: string): string {
    if (this.query.task(id)) return id; // the whole id of a task: no need to read (a large) file
    const d = this.store.read();
    const ids = function* (lk: ReturnType<PlansQuery['lookup']>) {
      for (const t of lk.tasks) yield t.id;
      yield* Object.keys(d.entries);
    };
    return resolveId(id, ids(this.query.lookup()), { describe: (x) => this.describeId(x, d), where: 'in the knowledge base or the checklist' });
  }

  /** "河北 2017年12月底前，…" for a candidate id (an orphan: its last-known text). */
  private describeId(id: string, d: ChecklistData): string {
    const t = this.query.taskById(id);
    const text = t?.text ?? d.entries[id]?.snapshot?.text ?? '';
    const tag = t ? this.tag(t.planId) : d.entries[id]?.snapshot?.planId ? this.tag(d.entries[id].snapshot!.planId) : '';
    return describeTask(tag, text, !t);
  }

  /** Applies a change (adding the task to the list by hand if it is not there yet). */
  mark(taskId: string, change: EntryChange): Entry {
    const snap = this.snap(taskId);
    return this.store.updateEntries([taskId], (d, now) => {
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
    return this.store.updateEntries([taskId], (d, now) => {
      const e = ensureEntry(d, taskId, now, d.entries[taskId]?.origin ?? (this.isMine(d, taskId) ? 'units' : 'manual'), snap);
      applyChange(e, { status: cycleStatus(e.status) }, now);
      return e.status;
    });
  }

  /** Adds a task to my list by hand (`a` in Search / Detail). */
  add(taskId: string): Entry {
    const snap = this.snap(taskId);
    return this.store.updateEntries([taskId], (d, now) => structuredClone(ensureEntry(d, taskId, now, 'manual', snap)));
  }

  entry(taskId: string): Entry | null {
    const d = this.store.readEntries([taskId]);
    return Object.prototype.hasOwnProperty.call(d.entries, taskId) ? d.entries[taskId] : null;
  }

  /** Suggested new tasks for an orphaned entry (its id, or the entry itself: then the file is not read), best first. */
  suggestions(of: string | Entry, limit = 5): { taskId: string; score: number; text: string; planId: string }[] {
    const e = typeof of === 'string' ? this.entry(of) : of;
    if (!e?.snapshot) return [];
    return similarityIndexFor(this.query.lookup()).rank(e.snapshot.text, e.snapshot.planId || null, limit).map((r) => ({ taskId: r.task.id, score: r.score, text: r.task.text, planId: r.task.planId }));
  }

  /** Re-links an (orphaned) entry to another task: the given one, or the best suggestion. */
  relink(fromId: string, toId?: string): Entry {
    const target = toId ?? this.suggestions(fromId, 1)[0]?.taskId;
    if (!target) throw new Error(`no similar task found for ${fromId}; give the new task id explicitly`);
    const tasks = this.query.lookup().tasks;
    const id = resolveId(
      target,
      tasks.map((x) => x.id),
      { describe: (x) => { const t = this.query.taskById(x); return t ? describeTask(this.tag(t.planId), t.text, false) : ''; } },
    );
    const t = this.query.taskById(id)!;
    const snap = snapshotOf(t, this.tag(t.planId));
    return this.store.updateEntries([fromId, t.id], (d, now) => structuredClone(relinkEntry(d, fromId, t.id, snap, now)));
  }

  /** Removes an entry (only ever on the user's explicit request). */
  drop(taskId: string): boolean {
    return this.store.updateEntries([taskId], (d) => {
      if (!d.entries[taskId]) return false;
      delete d.entries[taskId];
      return true;
    });
  }

  /**
   * Orphaned entries (their task id is in no plan of the knowledge base). Without `all`, only those that hold
   * nothing of mine: status 待办, no note, no due date. Refused when the knowledge base is empty (a failed
   * index must not make every entry look orphaned).
   */
  prunable(all: boolean): { remove: string[]; kept: number } {
    return this.pruneIn(this.store.read(), all);
  }

  /** Removes what prunable(all) lists, under the lock, from the file's current state; returns the ids removed. */
  prune(all: boolean): string[] {
    return this.store.update((d) => {
      const { remove } = this.pruneIn(d, all);
      for (const id of remove) delete d.entries[id];
      return remove;
    });
  }

  private pruneIn(d: ChecklistData, all: boolean): { remove: string[]; kept: number } {
    if (!this.query.lookup().tasks.length) throw new Error('the knowledge base has no tasks (did the index fail?): nothing is pruned');
    const live = new Set(this.query.lookup().tasks.map((t) => t.id));
    const remove: string[] = [];
    let kept = 0;
    for (const [id, e] of Object.entries(d.entries)) {
      if (live.has(id)) continue;
      if (all || (e.status === 'todo' && !e.note && !e.due)) remove.push(id);
      else kept++;
    }
    return { remove, kept };
  }

  moveAside(): string | null {
    this.reconciled = false;
    return this.store.moveAside();
  }
}

/** One line for a task in a list of candidates: plan tag and the start of its text. */
function describeTask(tag: string, text: string, orphan: boolean): string {
  const flat = stripControl(text).replace(/\s+/g, ' ');
  return `${tag ? tag + ' ' : ''}${orphan ? '（孤立）' : ''}${truncateWidth(flat, 50)}`;
}
