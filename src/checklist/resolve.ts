/** My list: the tasks my units have a role in, plus my entries and orphans, with due dates, summary and groups. */
import type { Deadline, Role, Task } from '../types.js';
import { addDays } from '../domain/dates.js';
import { nextOccurrence } from '../domain/recurrence.js';
import { listedForUnits, rolesIn } from '../domain/units.js';
import { lookupOf, type TaskSource } from '../kb/lookup.js';
import type { ChecklistData, Entry, MyUnit, Status, TaskSnapshot } from './schema.js';
import { similarityIndexFor, type SimilarityIndex } from './similarity.js';

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
  // My units' tasks (listedForUnits, the rule the unit picker counts by), then every task with an entry.
  if (d.units.length) for (const t of kb.tasks) if (listedForUnits(t, d.units, kb.byId)) picked.set(t.id, t);
  for (const id of Object.keys(d.entries)) {
    const t = byId.get(id);
    if (t) picked.set(id, t);
  }
  // An annex row restating a prose task that is in the list anyway (by an entry) is left out unless it has its own entry.
  for (const [id, t] of [...picked]) {
    if (t.restates && picked.has(t.restates) && !d.entries[id]) picked.delete(id);
  }
  const items: MineItem[] = [];
  // Every item is one literal of the same shape, completed in place (no copies: 100,000 orphans are 100,000 items).
  const finish = (it: MineItem): MineItem => {
    let eff: string | null = it.due;
    if (!eff && it.deadlines.length) {
      const dates = it.deadlines.map((x) => nextOccurrence(x, opts.asOf)).filter((x): x is string => !!x).sort();
      eff = dates.find((x) => x >= opts.asOf) ?? dates[dates.length - 1] ?? null;
    }
    const open = it.status === 'todo' || it.status === 'doing';
    it.effectiveDue = eff;
    it.overdue = open && !!eff && eff < opts.asOf;
    it.dueSoon = open && !!eff && eff >= opts.asOf && eff <= soon;
    return it;
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
        effectiveDue: null,
        overdue: false,
        dueSoon: false,
      }),
    );
  }
  // The similarity index is built, and an orphan's suggestion ranked, only when the suggestion is read (the
  // one selected in the app, the ones a command prints): 100,000 orphans are not ranked to list a few.
  let ix: SimilarityIndex | null | undefined;
  const index = () => (ix === undefined ? (ix = kb.tasks.length ? similarityIndexFor(kb) : null) : ix);
  for (const e of Object.values(d.entries)) {
    if (byId.has(e.taskId)) continue;
    const s = e.snapshot;
    items.push(finish(new OrphanItem(e, s ? myRoles(s, d.units) : [], index)));
  }
  return items;
}

/**
 * An orphaned entry's row: the last-known task, and the suggestion ranked on first read (the one selected in
 * the app, the ones a command prints), not for every orphan when the list is built. A class, so that the
 * 100,000 rows of a huge checklist share one shape and one accessor.
 */
class OrphanItem implements MineItem {
  readonly taskId: string;
  readonly task = null;
  readonly text: string;
  readonly planId: string;
  readonly planTag: string | null;
  readonly section: string[];
  readonly deadlines: Deadline[];
  readonly units: TaskSnapshot['units'];
  readonly entry: Entry;
  readonly status: Status;
  readonly note: string;
  readonly due: string | null;
  readonly orphan = true;
  effectiveDue: string | null = null;
  overdue = false;
  dueSoon = false;
  #suggestion: MineItem['suggestion'] | undefined;
  readonly #index: () => SimilarityIndex | null;

  constructor(
    e: Entry,
    readonly roles: Role[],
    index: () => SimilarityIndex | null,
  ) {
    this.#index = index;
    const s = e.snapshot;
    this.taskId = e.taskId;
    this.text = s?.text ?? '（原任务已不在知识库中）';
    this.planId = s?.planId ?? '';
    this.planTag = s?.planTag ?? null;
    this.section = s?.section ?? [];
    this.deadlines = s?.deadlines ?? [];
    this.units = s?.units ?? [];
    this.entry = e;
    this.status = e.status;
    this.note = e.note;
    this.due = e.due;
    if (!s) this.#suggestion = null;
  }

  get suggestion(): MineItem['suggestion'] {
    if (this.#suggestion === undefined) {
      const s = this.entry.snapshot!;
      const sug = this.#index()?.best(s.text, s.planId);
      this.#suggestion = sug ? { taskId: sug.task.id, score: sug.score, text: sug.task.text } : null;
    }
    return this.#suggestion;
  }
  set suggestion(v: MineItem['suggestion']) {
    this.#suggestion = v;
  }
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
      if (it.orphan) put('~orphans', '孤立条目（原任务已变更） Orphaned', it);
      else put(it.planId, it.planTag ?? it.planId, it);
    }
    const rank = (k: string) => (k === '~orphans' ? 1e9 : planOrder.indexOf(k) < 0 ? 1e8 : planOrder.indexOf(k));
    return [...groups.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key));
  }
  const soon = addDays(asOf, 30);
  const order = ['1overdue', '2soon', '3later', '4none', '5closed'];
  const labels: Record<string, string> = { '1overdue': '已逾期 Overdue', '2soon': '30天内到期 Due within 30 days', '3later': '以后到期 Later', '4none': '无明确时限 No deadline', '5closed': '已完成 / 不适用 Done / N/A' };
  const sorted = [...items].sort((a, b) => (a.effectiveDue ?? '9999') .localeCompare(b.effectiveDue ?? '9999'));
  for (const it of sorted) {
    const k = it.status === 'done' || it.status === 'na' ? '5closed' : !it.effectiveDue ? '4none' : it.effectiveDue < asOf ? '1overdue' : it.effectiveDue <= soon ? '2soon' : '3later';
    put(k, labels[k], it);
  }
  return order.filter((k) => groups.has(k)).map((k) => groups.get(k)!);
}
