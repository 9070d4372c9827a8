/**
 * `plans compare THEME`: one column per plan with the theme's tasks, deadlines and lead units.
 * `plans compare` (or `--obligations`): obligation by obligation, topic-free — a row per requirement (a task and
 * its counterparts), a cell per plan with its deadline and lead unit, — where a plan has none. `plans compare 防汛`
 * (a word that is no theme): those rows whose tasks match it as a search (the exact, word and pinyin tiers).
 */
import { parseArgs, positiveInt, str, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import { leadUnits, paint, termWidth } from '../render.js';
import { deadlineBrief, deadlineShort } from '../../domain/deadline-format.js';
import { resolveProvince, resolveTheme } from './search.js';
import { displayWidth, padEndWidth, stripControl, truncateWidth, wrapWidth } from '../../util/text.js';
import type { Task } from '../../types.js';
import type { PlansQuery } from '../../query/index.js';
import type { ObligationSort } from '../../query/obligations.js';
import { TIER } from '../../query/search.js';

const MAX_TEXT_LINES = 4;
const MIN_COL = 18;

function cell(t: Task, width: number): string[] {
  const lines = wrapWidth(stripControl(t.text), width - 2);
  const text = lines.length > MAX_TEXT_LINES ? [...lines.slice(0, MAX_TEXT_LINES - 1), truncateWidth(lines.slice(MAX_TEXT_LINES - 1).join(''), width - 2)] : lines;
  const out = text.map((l, i) => (i === 0 ? '• ' : '  ') + l);
  // (a line that wraps continues under its text, not at the column's edge)
  const mark = (sign: string, s: string) => wrapWidth(s, width - 4).map((l, i) => (i === 0 ? `  ${sign} ` : '    ') + l);
  const d = deadlineBrief(t.deadlines);
  if (d) out.push(...mark('⏱', d));
  const lead = leadUnits(t);
  if (lead.length) out.push(...mark('▸', lead.join('、')));
  return out;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: ['sort', 'limit', 'plans', ...KB_FLAGS], booleans: ['json', 'obligations'] });
  if (p.positionals.length > 1) throw new UsageError(`one THEME expected, got ${p.positionals.length}`);
  if (p.positionals.length && p.flags.obligations) throw new UsageError('either a THEME or --obligations, not both');
  const sort = str(p, 'sort') ?? 'plans';
  if (sort !== 'plans' && sort !== 'spread') throw new UsageError(`--sort is plans (how many plans have it) or spread (of their deadlines), got "${sort}"`);
  const limit = positiveInt(p, 'limit') ?? null;
  const { query } = await openKb(p, io);
  // --plans 江州·防汛,岭北 (ids, tags, places or a unique part of one): only those plans, side by side
  const only = str(p, 'plans');
  let planIds: string[] | undefined;
  if (only !== undefined) {
    planIds = [];
    for (const want of only.split(/[,，、]/).map((x) => x.trim()).filter(Boolean)) {
      const ids = resolveProvince(query, want);
      if (!ids.length) throw new UsageError(`no plan matches "${want}" (--plans takes plan ids, tags or places: ${query.plans().map((x) => query.planTag(x.id)).join(', ')})`);
      planIds.push(...ids.filter((id) => !planIds!.includes(id)));
    }
  }
  if (!p.positionals.length) return obligations(query, io, sort, Boolean(p.flags.json), limit, planIds);
  // Not a theme (the theme table knows one topic): the requirements whose tasks match it as a search — the
  // tiers above homophones and typos, which would pull in other topics.
  const word = p.positionals[0].trim();
  if (!query.theme(word)) {
    const hits = query.search(word, {}, 200).filter((h) => h.score < TIER.homophone);
    if (!hits.length) throw new UsageError(`unknown theme "${word}", and no task matches it. Themes: ${query.themes().map((x) => x.id).join(', ')}`);
    return obligations(query, io, sort, Boolean(p.flags.json), limit, planIds, { label: word, ids: new Set(hits.map((h) => h.task.id)) });
  }
  const themeId = resolveTheme(query, word);
  const compared = query.compare(themeId);
  const theme = compared.theme;
  const columns = planIds ? compared.columns.filter((col) => planIds!.includes(col.planId)) : compared.columns;
  if (p.flags.json) {
    io.out(JSON.stringify({ theme, columns }, null, 2));
    return 0;
  }
  const c = io.color;
  io.out(paint.bold(c, `${theme?.label ?? themeId} (${themeId})`));
  const total = termWidth();
  const gap = 2;
  const colW = Math.floor((total - gap * (columns.length - 1)) / Math.max(1, columns.length));
  if (colW < MIN_COL) {
    // Too many plans for side-by-side columns: one block per plan.
    for (const col of columns) {
      io.out('');
      io.out(paint.cyan(c, `${query.planTag(col.planId)} (${col.planId}) — ${col.tasks.length}`));
      for (const t of col.tasks) for (const l of cell(t, Math.min(total, 100))) io.out(l);
    }
    return 0;
  }
  const cells = columns.map((col) => {
    const head = truncateWidth(`${query.planTag(col.planId)} · ${col.tasks.length}`, colW);
    const body: string[] = [];
    for (const t of col.tasks) body.push(...cell(t, colW), '');
    if (!col.tasks.length) body.push('—');
    return { head, body };
  });
  io.out(cells.map((x) => paint.cyan(c, padEndWidth(x.head, colW))).join(' '.repeat(gap)).trimEnd());
  io.out(cells.map(() => '─'.repeat(colW)).join(' '.repeat(gap)));
  const rows = Math.max(...cells.map((x) => x.body.length));
  for (let r = 0; r < rows; r++) {
    io.out(cells.map((x) => padEndWidth(x.body[r] ?? '', colW)).join(' '.repeat(gap)).trimEnd());
  }
  return 0;
}

/** `plans compare` without a THEME (or with --obligations): a row per requirement, a cell per plan — topic-free. */
function obligations(query: PlansQuery, io: Io, sort: ObligationSort, json: boolean, limit: number | null, planIds?: string[], match?: { label: string; ids: Set<string> }): number {
  const plans = planIds ? query.plans().filter((pl) => planIds.includes(pl.id)) : query.plans();
  const all = query.obligations(sort, planIds);
  const rows = match ? all.filter((r) => r.cells.some((t) => t && match.ids.has(t.id))) : all;
  const shown = limit === null ? rows : rows.slice(0, limit);
  if (json) {
    io.out(JSON.stringify(shown.map((r) => ({ plans: r.plans, spreadDays: r.spreadDays, anchor: r.anchor.id, cells: r.cells.map((t, i) => ({ planId: plans[i].id, task: t, elsewhere: r.elsewhere[i]?.id ?? null })) })), null, 2));
    return 0;
  }
  const c = io.color;
  const tagW = Math.max(4, ...plans.map((p) => displayWidth(query.planTag(p.id))));
  const total = termWidth();
  const about = match ? `“${stripControl(match.label)}”（不是主题，按搜索 not a theme: the requirements whose tasks match it） ` : '';
  io.out(paint.bold(c, `${about}逐项对比 obligation by obligation — ${rows.length} 项 requirements, ${plans.length} 个方案 plans (${sort === 'plans' ? '按方案数 by plans' : '按期限跨度 by deadline spread'})`));
  for (const r of shown) {
    io.out('');
    const spread = r.spreadDays === null ? '' : ` · 跨度 spread ${r.spreadDays} 天 days`;
    io.out(paint.cyan(c, truncateWidth(`${r.plans}/${plans.length} ${stripControl(r.anchor.text).replace(/\s+/g, ' ')}`, total - displayWidth(spread)) + spread));
    r.cells.forEach((t, i) => {
      const tag = padEndWidth(query.planTag(plans[i].id), tagW);
      if (!t) {
        const o = r.elsewhere[i];
        io.out(o ? `  ${tag}  ↗ 另见 in another row: ${o.id}` : `  ${tag}  —`);
        return;
      }
      const head = `  ${tag}  ${padEndWidth(deadlineShort(t.deadlines) || '—', 10)}  ${padEndWidth(truncateWidth(leadUnits(t).join('、') || '—', 16), 16)}  ${t.id}  `;
      io.out(head + truncateWidth(stripControl(t.text).replace(/\s+/g, ' '), Math.max(10, total - displayWidth(head))));
    });
  }
  if (shown.length < rows.length) io.out(`\n… ${rows.length - shown.length} more (--limit N)`);
  return 0;
}
