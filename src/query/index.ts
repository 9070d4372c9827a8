/**
 * The query API: the only way views, CLI commands and exports get at the knowledge base.
 * Pure over an in-memory KnowledgeBase; source paragraphs come through a SourceReader the knowledge-base
 * layer provides (kb/source.ts): no file I/O here.
 */
import type { SourceReader } from '../kb/source.js';
import type { TaskStore } from '../kb/task-store.js';
import { lookupOf, type TaskLookup } from '../kb/lookup.js';
import { resolveId } from './ids.js';
import { stripControl, truncateWidth } from '../util/text.js';
import type { KnowledgeBase, Plan, Task, Theme, UnitEntry } from '../types.js';
import { taskPredicate, type TaskFilters } from './filters.js';
import { SearchIndex, type SearchHit } from './search.js';
import { SearchIndexCorrupt, type SearchSource } from './search/persist.js';
import { sampleQueries } from './search/samples.js';
import { buildTimeline, type Timeline, type TimelineOptions } from './timeline.js';
import { obligationRows, type ObligationRow, type ObligationSort } from './obligations.js';
export type { ObligationRow, ObligationSort } from './obligations.js';

export type { TaskFilters } from './filters.js';
export type { SearchHit } from './search.js';
export type { Timeline, TimelineOptions, TimelineMarker, TimelineRow, MarkerStatus } from './timeline.js';

export interface CompareColumn {
  planId: string;
  province: string | null;
  place: string | null;
  tasks: Task[];
}

export interface MatrixCell {
  count: number;
  /** Earliest dated deadline (ISO) among the theme's tasks in the plan, or null. */
  earliest: string | null;
  /** Short name of the most frequent lead unit, or null. */
  lead: string | null;
}

/** Characters of a source paragraph kept on each side of the task's span (a single-line 20 MB file is one paragraph). */
export const CONTEXT_MARGIN = 1000;
/** Characters of the task's own span kept when it is longer still. */
export const CONTEXT_SPAN_MAX = 4000;

export interface SourceContext {
  /** The paragraph (raw line(s)) containing the task; cut to CONTEXT_MARGIN characters either side of the span, with … where it was cut. */
  paragraph: string;
  /** The task's span within `paragraph`. */
  start: number;
  end: number;
  line: number;
}

/** At most this many tasks are parsed ahead by warmTasksAsync (500 generated plans have ~37k). */
const WARM_TASKS_MAX = 50_000;
/** A slice of the work done ahead of keys: a key that comes during one waits for it (measured from outside,
 * the first key after a pause at 500 plans took 38 ms with 8 ms slices checked every 256 fields). */
const WARM_SLICE_MS = 3;

/** A task in "在其他方案": its counterpart score when it is one (null: the same theme only). */
export interface RelatedTask {
  task: Task;
  score: number | null;
}

export class PlansQuery {
  private readonly byId = new Map<string, Task>();
  private readonly planById = new Map<string, Plan>();
  private index: SearchIndex | null = null;
  private readonly memo = new Map<string, unknown>();
  /** Tasks grouped by plan id, in knowledge-base order (built on first use, once). */
  private byPlan: Map<string, Task[]> | null = null;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly opts: {
      source?: SourceReader;
      /** The persisted search index (kb/load.ts reads it), used instead of building one when it fits these tasks. */
      search?: () => SearchSource | null;
      /** The same, read without blocking (warmSearchAsync uses it). */
      searchAsync?: () => Promise<SearchSource | null>;
      /**
       * The same tasks by position, parsed on demand (kb/task-store.ts): ids and search hits are then
       * served without parsing every task; anything that needs them all reads kb.tasks.
       */
      tasks?: TaskStore;
    } = {},
  ) {
    for (const p of kb.plans) this.planById.set(p.id, p);
  }

  private idsIndexed = false;
  /** id → task, built on first use: from the store's id table (tasks parsed when asked for) or from the tasks. */
  private byIdGet(id: string): Task | undefined {
    if (!this.idsIndexed) {
      this.idsIndexed = true;
      const store = this.opts.tasks;
      if (store) store.ids.forEach((x, i) => this.idPos.set(x, i));
      else for (const t of this.kb.tasks) this.byId.set(t.id, t);
    }
    const store = this.opts.tasks;
    if (store) {
      const i = this.idPos.get(id);
      return i === undefined ? undefined : store.at(i);
    }
    return this.byId.get(id);
  }
  private readonly idPos = new Map<string, number>();

  private allIds(): readonly string[] {
    return this.opts.tasks?.ids ?? this.kb.tasks.map((t) => t.id);
  }

  /** Tasks by id in O(1), the task list and the unit directory (what the checklist works over). */
  lookup(): TaskLookup {
    return lookupOf(this.kb);
  }

  /** The whole knowledge base as the JSON export publishes it (a copy: the query's own data stays private). */
  exportKnowledgeBase(): KnowledgeBase {
    return structuredClone(this.kb);
  }

  plans(): Plan[] {
    return this.kb.plans;
  }
  plan(id: string): Plan | undefined {
    return this.planById.get(id);
  }
  /**
   * Short tag for a plan, unique among the plans: 河北, 安徽, 重庆 … (the place without 省/市/自治区); where two
   * plans share a place, the topic of each title follows it (江州·防汛, 江州·营商环境), and the file id where
   * even that is shared.
   */
  planTag(id: string): string {
    this.tags ??= uniqueTags(this.kb.plans);
    return this.tags.get(id) ?? id;
  }
  private tags: Map<string, string> | undefined;
  /** How many tasks there are (without parsing them, from a cache's task table). */
  taskCount(): number {
    return this.opts.tasks?.count ?? this.kb.tasks.length;
  }

  /**
   * Parse a cache's tasks ahead, in slices of ~`sliceMs` between which the event loop runs (after the
   * first frame: searches then never parse their hits under a key). Nothing to do without a cache.
   */
  async warmTasksAsync(sliceMs = 8, idle?: () => Promise<void>): Promise<void> {
    const store = this.opts.tasks;
    // Beyond some 700 plans' worth, parsing every task ahead would hold hundreds of MB (5000 plans: ~430 MB
    // more) for a saving of about a millisecond per key (a page of hits parsed when shown).
    if (!store || store.count > WARM_TASKS_MAX) return;
    let t = performance.now();
    for (let i = 0; i < store.count; i++) {
      store.at(i);
      if ((i & 15) === 15 && performance.now() - t > sliceMs) {
        await (idle ? idle() : new Promise<void>((r) => setImmediate(r)));
        t = performance.now();
      }
    }
  }

  /** The first `n` tasks in knowledge-base order, parsing only those from a cache (a list's first screen). */
  firstTasks(n: number): Task[] {
    const store = this.opts.tasks;
    if (!store) return this.kb.tasks.slice(0, n);
    const out: Task[] = [];
    for (let i = 0; i < Math.min(n, store.count); i++) out.push(store.at(i));
    return out;
  }

  tasks(filters?: TaskFilters): Task[] {
    if (!filters) return this.kb.tasks;
    const pred = taskPredicate(filters, this.kb.units);
    // A plan filter reads only those plans' tasks (O(their tasks), not O(all tasks)), kept in knowledge-base order.
    if (filters.plans && filters.plans.length) {
      const want = new Set(filters.plans);
      const groups = [...want].map((id) => this.tasksOfPlan(id)).filter((g) => g.length);
      if (!groups.length) return [];
      const from = groups.length === 1 ? groups[0] : this.kb.tasks.filter((t) => want.has(t.planId));
      return from.filter(pred);
    }
    return this.kb.tasks.filter(pred);
  }
  /** The tasks of one plan, in knowledge-base order (grouped once for all plans, O(tasks)). */
  tasksOfPlan(planId: string): Task[] {
    if (!this.byPlan) {
      const m = new Map<string, Task[]>();
      for (const t of this.kb.tasks) {
        let g = m.get(t.planId);
        if (!g) m.set(t.planId, (g = []));
        g.push(t);
      }
      this.byPlan = m;
    }
    return this.byPlan.get(planId) ?? [];
  }
  /** The task with exactly this id. */
  task(id: string): Task | undefined {
    return this.byIdGet(id);
  }
  /** The task a user means by `arg`: its id or a unique prefix (throws AmbiguousIdError / UnknownIdError). */
  resolveTask(arg: string): Task {
    const id = resolveId(
      arg,
      this.allIds(),
      { describe: (x) => { const t = this.byIdGet(x); return t ? `${this.planTag(t.planId)} ${truncateWidth(stripControl(t.text).replace(/\s+/g, ' '), 50)}` : ''; } },
    );
    return this.byIdGet(id)!;
  }
  /** The task with exactly this id (O(1)). */
  taskById(id: string): Task | undefined {
    return this.byIdGet(id);
  }
  themes(): Theme[] {
    return this.kb.themes;
  }
  theme(id: string): Theme | undefined {
    return this.kb.themes.find((t) => t.id === id || t.label === id);
  }
  units(): UnitEntry[] {
    return this.kb.units;
  }

  private searchIndex(given?: SearchSource | null): SearchIndex {
    if (!this.index) {
      const parts = given !== undefined ? given : (this.opts.search?.() ?? null);
      const store = this.opts.tasks;
      const count = store ? store.count : this.kb.tasks.length;
      // With a persisted index and a store, only the tasks a search touches (hits, filtered candidates) are parsed.
      this.index = parts && parts.n === count ? SearchIndex.fromParts(store ?? this.kb.tasks, parts) : new SearchIndex(this.kb.tasks);
    }
    return this.index;
  }

  /**
   * Build the whole search index now (characters and pinyin, ~0.2 s on the bundled corpus, mostly loading
   * pinyin-pro), e.g. right after the first frame; otherwise the first Latin query pays for the pinyin part.
   */
  warmSearch(): void {
    try {
      this.searchIndex().warm();
    } catch (e) {
      this.replaceDamaged(e).warm();
    }
  }

  /** After damage found in the persisted index where it was read: an index built from the tasks instead (any other error is rethrown). */
  private replaceDamaged(e: unknown): SearchIndex {
    if (!(e instanceof SearchIndexCorrupt)) throw e;
    return (this.index = new SearchIndex(this.opts.tasks ?? this.kb.tasks));
  }

  /**
   * The same in slices of ~8 ms between which the event loop runs (a UI stays responsive on 500 plans),
   * up to where searches answer from memory (searchReady); warmAheadAsync does the rest.
   */
  async warmSearchAsync(): Promise<void> {
    // A persisted index is read off the event loop and then used as it is: nothing left to build.
    if (!this.index && this.opts.searchAsync) {
      const parts = await this.opts.searchAsync();
      if (parts && !this.index) this.searchIndex(parts);
    }
    try {
      await this.searchIndex().readyAsync();
    } catch (e) {
      await this.replaceDamaged(e).readyAsync();
    }
  }

  /**
   * After warmSearchAsync: what saves a keystroke some work, done ahead — a persisted index's fields and
   * pinyin decoded (up to a size), then the tasks parsed (up to WARM_TASKS_MAX). `idle` is awaited between
   * slices: a UI passes one that waits while the user types, so this never competes with a key.
   */
  warmAheadAsync(idle?: () => Promise<void>): Promise<void> {
    // once: a second caller (the rehearsal's copy of the view) shares the first one's work
    this.ahead ??= (async () => {
      try {
        await this.searchIndex().decodeAheadAsync(WARM_SLICE_MS, undefined, idle);
      } catch (e) {
        if (!(e instanceof SearchIndexCorrupt)) throw e;
      }
      await this.warmTasksAsync(WARM_SLICE_MS, idle);
    })();
    return this.ahead;
  }
  private ahead: Promise<void> | null = null;

  /** Whether search() answers from a built index, without building any of it first (see warmSearchAsync). */
  searchReady(): boolean {
    return this.index?.ready ?? false;
  }

  /** Queries of each kind search answers, from three tasks spread over the corpus (query/search/samples.ts). */
  sampleQueries(): string[] {
    const n = this.taskCount();
    const store = this.opts.tasks;
    const at = (i: number) => (store ? store.at(i) : this.kb.tasks[i]);
    const picks = n ? [...new Set([Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4)])] : [];
    return sampleQueries(picks.map((i) => at(i).text)).map((s) => s.q);
  }

  /** Ranked search; an empty query lists every task passing the filters (plan order). */
  search(query: string, filters: TaskFilters = {}, limit = 50): SearchHit[] {
    const pred = Object.keys(filters).length ? taskPredicate(filters, this.kb.units) : undefined;
    try {
      return this.searchIndex().search(query, pred, limit);
    } catch (e) {
      return this.replaceDamaged(e).search(query, pred, limit);
    }
  }

  /** Tasks sharing a theme with `task`, in the other plans. */
  sameTheme(task: Task): Task[] {
    return this.kb.tasks.filter((t) => t.planId !== task.planId && t.themes.some((th) => task.themes.includes(th)));
  }

  compare(themeId: string, planIds?: string[]): { theme: Theme | undefined; columns: CompareColumn[] } {
    const plans = planIds ? this.kb.plans.filter((p) => planIds.includes(p.id)) : this.kb.plans;
    return {
      theme: this.theme(themeId),
      columns: plans.map((p) => ({
        planId: p.id,
        province: p.province,
        place: p.place,
        tasks: this.kb.tasks.filter((t) => t.planId === p.id && t.themes.includes(themeId)),
      })),
    };
  }

  matrixCell(themeId: string, planId: string): MatrixCell {
    const tasks = this.kb.tasks.filter((t) => t.planId === planId && t.themes.includes(themeId));
    let earliest: string | null = null;
    const leads = new Map<string, number>();
    for (const t of tasks) {
      for (const d of t.deadlines) if (d.date && (!earliest || d.date < earliest)) earliest = d.date;
      for (const u of t.units) if (u.role === 'lead') leads.set(u.canonical, (leads.get(u.canonical) ?? 0) + 1);
    }
    let lead: string | null = null;
    let best = 0;
    for (const [k, n] of leads) if (n > best) [lead, best] = [k, n];
    return { count: tasks.length, earliest, lead };
  }

  /** Months, markers and rows for the timeline view (see query/timeline.ts); rows labelled with plan tags. */
  timeline(opts: TimelineOptions, filters?: TaskFilters): Timeline {
    return buildTimeline(this.tasks(filters), this.kb.plans, this.kb.themes, { planLabel: (p) => this.planTag(p.id), ...opts });
  }

  /** The task's counterparts in the other plans (computed with the knowledge base), best first. */
  counterparts(task: Task): Array<{ task: Task; score: number }> {
    const out: Array<{ task: Task; score: number }> = [];
    for (const c of task.counterparts ?? []) {
      const t = this.taskById(c.taskId);
      if (t) out.push({ task: t, score: c.score });
    }
    return out;
  }

  /**
   * The task in the other plans ("在其他方案" of the detail view and of `plans show`): its counterparts first (the
   * same obligation, best score first), then the rest of its themes there (most shared themes first, then plan
   * order), with a null score.
   */
  related(task: Task): RelatedTask[] {
    const order = new Map(this.plans().map((p, i) => [p.id, i]));
    const counterparts: RelatedTask[] = this.counterparts(task);
    const seen = new Set(counterparts.map((c) => c.task.id));
    const shared = (t: Task) => t.themes.filter((x) => task.themes.includes(x)).length;
    const theme = this.sameTheme(task)
      .filter((t) => !t.restates && !seen.has(t.id))
      .map((t, i) => ({ t, i, s: shared(t) }))
      .sort((a, b) => b.s - a.s || (order.get(a.t.planId) ?? 0) - (order.get(b.t.planId) ?? 0) || a.i - b.i)
      .map((x) => ({ task: x.t, score: null }));
    return [...counterparts, ...theme];
  }

  /** Obligation by obligation: rows of counterpart tasks, a cell per plan (see obligations.ts) — of every plan, or of the plans given (in plan order). */
  obligations(sort: ObligationSort = 'plans', planIds?: readonly string[]): ObligationRow[] {
    const plans = planIds ? this.plans().filter((p) => planIds.includes(p.id)) : this.plans();
    const key = `ob:${sort}:${planIds ? plans.map((p) => p.id).join('\u0000') : '*'}`;
    let rows = this.memo.get(key) as ObligationRow[] | undefined;
    if (!rows) this.memo.set(key, (rows = obligationRows(plans, this.kb.tasks, (id) => this.taskById(id), sort)));
    return rows;
  }

  /**
   * Read a plan's source file ahead of its first preview, when that is cheap (text, web page, Word);
   * a PDF or a spreadsheet is read when a preview first needs it.
   */
  prefetchContext(planId: string): void {
    const file = this.plan(planId)?.file;
    if (file && this.opts.source?.cheap?.(file)) this.opts.source(file);
  }

  /** The raw paragraph a task comes from, with the task's span inside it; with `onlyLoaded`, null rather than reading its file now. */
  context(task: Task, opts: { onlyLoaded?: boolean } = {}): SourceContext | null {
    const src = this.opts.source;
    if (opts.onlyLoaded && src?.loaded && !src.loaded(task.source.file)) return null;
    const raw = src?.(task.source.file);
    if (!raw) return null;
    const { start, end } = task.source;
    let ls = start > 0 ? raw.lastIndexOf('\n', start - 1) + 1 : 0;
    let le = raw.indexOf('\n', end);
    if (le < 0) le = raw.length;
    // A huge paragraph (a file with no line breaks) is shown as a window around the task, not whole.
    const head = ls < start - CONTEXT_MARGIN ? '…' : '';
    if (head) ls = start - CONTEXT_MARGIN;
    const tail = le > end + CONTEXT_MARGIN ? '…' : '';
    if (tail) le = end + CONTEXT_MARGIN;
    if (end - start <= CONTEXT_SPAN_MAX) {
      return { paragraph: head + raw.slice(ls, le) + tail, start: start - ls + head.length, end: end - ls + head.length, line: task.source.line };
    }
    const cut = start + CONTEXT_SPAN_MAX;
    const paragraph = head + raw.slice(ls, cut) + '…' + raw.slice(end, le) + tail;
    return { paragraph, start: start - ls + head.length, end: cut - ls + head.length + 1, line: task.source.line };
  }
}

/** The place of a plan without its level word (安徽省 → 安徽), else the file id. */
function placeTag(p: Plan): string {
  const name = p.place ?? p.id;
  const short = name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|县|区|盟|旗|镇|乡|街道)$/u, '');
  return short.length >= 2 || (short && /(?:省|市|自治区)$/.test(name)) ? short : name;
}

/** The topic of a plan's title: without its place, year and plan word, at most 6 characters (防汛, 营商环境). */
function titleTopic(p: Plan): string {
  let t = (p.title ?? '').replace(/[《》“”"\s]/g, '');
  if (p.place && t.startsWith(p.place)) t = t.slice(p.place.length);
  // What opens a title but names no topic: the year, 关于, the scope (全市), 贯彻落实, an ordinal (第三次), a verb of
  // doing (加快推进) — taken off as long as some remain (关于贯彻落实第三次全国土壤普查… → 土壤普查).
  const OPENERS = [
    /^(?:(?:19|20)\d{2}(?:[—\-－~～至](?:19|20)?\d{2,4})?年(?:度)?)/,
    /^(?:关于|全国|全省|全市|全县|全区|全域|全面)/,
    /^(?:认真)?(?:贯彻落实|贯彻|落实|学习贯彻)(?=.{4})/,
    /^第[一二三四五六七八九十\d]+(?:次|批|轮|届)/,
    /^(?:进一步)?(?:全面|加快|深入|持续|大力)?(?:推进|推动|加强|深化|做好|开展|实施)(?=.{4})/,
  ];
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of OPENERS) {
      const u = t.replace(re, '');
      if (u !== t && u.length >= 2) {
        t = u;
        changed = true;
      }
    }
  }
  if (p.place && t.startsWith(p.place)) t = t.slice(p.place.length);
  t = t.replace(/(?:（[^）]*）)$/, '').replace(/的?(?:三年|五年)?(?:专项)?(?:实施方案|工作方案|行动方案|行动计划|工作计划|方案|工作要点|要点|任务分工表|任务清单|责任清单|整改清单|清单|规划|计划|意见|办法|细则|安排|台账|通知)$/, '');
  t = t.replace(/的$/, '').replace(/(?:工作|行动|攻坚|专项)$/, '');
  return t.slice(0, 6);
}

function uniqueTags(plans: readonly Plan[]): Map<string, string> {
  const out = new Map<string, string>();
  const byPlace = new Map<string, Plan[]>();
  for (const p of plans) {
    const place = placeTag(p);
    const group = byPlace.get(place);
    if (group) group.push(p);
    else byPlace.set(place, [p]);
  }
  for (const [place, group] of byPlace) {
    if (group.length === 1) {
      out.set(group[0].id, place);
      continue;
    }
    const tags = group.map((p) => {
      const topic = titleTopic(p);
      return topic ? `${place}·${topic}` : p.id;
    });
    group.forEach((p, k) => out.set(p.id, tags.indexOf(tags[k]) !== tags.lastIndexOf(tags[k]) ? p.id : tags[k]));
  }
  return out;
}
