/** `plans search QUERY`: ranked search over all tasks (Chinese, typos, pinyin, initials) with filters. */
import { isoDate, parseArgs, positiveInt, str, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import type { PlansQuery, TaskFilters } from '../../query/index.js';
import { highlight, leadUnits, paint } from '../render.js';
import { deadlineBrief } from '../../domain/deadline-format.js';
import { stripControl } from '../../util/text.js';
import { provinceNamed } from '../../domain/provinces.js';

/** Plan ids matching --province: a plan id, a province (安徽省, 安徽: the plans of its cities and counties too), a
 * place (芜湖市) or a plan's tag (安徽, 江州·防汛), or a part of one. */
export function resolveProvince(query: PlansQuery, p: string): string[] {
  const want = p.trim();
  const plans = query.plans();
  const province = provinceNamed(want);
  const exact = plans.filter((pl) => pl.id === want || (province && pl.province === province) || pl.place === want || query.planTag(pl.id) === want);
  if (exact.length) return exact.map((pl) => pl.id);
  const partial = plans.filter((pl) => pl.id.includes(want.toLowerCase()) || (pl.province ?? '').includes(want) || (pl.place ?? '').includes(want) || query.planTag(pl.id).includes(want));
  return partial.map((pl) => pl.id);
}

/** Theme id from --theme (id or label); a UsageError listing the theme ids when unknown. */
export function resolveTheme(query: PlansQuery, t: string): string {
  const th = query.theme(t.trim());
  if (!th) throw new UsageError(`unknown theme "${t}". Themes: ${query.themes().map((x) => x.id).join(', ')}`);
  return th.id;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: ['province', 'unit', 'theme', 'after', 'before', 'limit', ...KB_FLAGS], booleans: ['json'] });
  const text = p.positionals.join(' ').trim();
  const filtered = ['province', 'unit', 'theme', 'after', 'before'].some((f) => str(p, f) !== undefined);
  if (!text && !filtered) throw new UsageError('a search QUERY or a filter is needed, e.g. `plans search 僵尸`, `plans search shenji` or `plans search --unit 审计`');
  const after = isoDate(p, 'after');
  const before = isoDate(p, 'before');
  const givenLimit = positiveInt(p, 'limit');
  // Without a query every task the filters select is listed (in plan order), unless --limit says otherwise.
  const limit = givenLimit ?? (text ? 20 : Infinity);
  const { query } = await openKb(p, io);
  const filters: TaskFilters = {};
  const province = str(p, 'province');
  if (province !== undefined) {
    const ids = resolveProvince(query, province);
    if (!ids.length) throw new UsageError(`no plan matches --province "${province}". Plans: ${query.plans().map((pl) => `${pl.id} (${query.planTag(pl.id)})`).join(', ')}`);
    filters.plans = ids;
  }
  const theme = str(p, 'theme');
  if (theme !== undefined) filters.themes = [resolveTheme(query, theme)];
  const unit = str(p, 'unit');
  if (unit !== undefined) filters.unit = unit;
  if (after) filters.after = after;
  if (before) filters.before = before;

  const hits = text ? query.search(text, filters, limit) : query.tasks(filters).slice(0, limit).map((task) => ({ task, score: 0, ranges: [] as Array<[number, number]> }));
  if (p.flags.json) {
    io.out(JSON.stringify(hits.map((h) => ({ task: h.task, score: Math.round(h.score * 1e4) / 1e4 })), null, 2));
    return 0;
  }
  if (!hits.length) {
    io.err(text ? `没有匹配“${stripControl(text)}”的任务 no task matches "${stripControl(text)}"${Object.keys(filters).length ? '（在这些筛选条件下 with these filters）' : ''}` : '没有符合筛选条件的任务 no task matches these filters');
    return 0;
  }
  const c = io.color;
  for (const h of hits) {
    const t = h.task;
    const meta = [paint.cyan(c, query.planTag(t.planId)), paint.dim(c, t.id), deadlineBrief(t.deadlines), leadUnits(t).join('、')].filter(Boolean).join('  ');
    io.out(meta);
    io.out(`  ${highlight(t.text, h.ranges, c)}`);
  }
  io.out(paint.dim(c, `${hits.length} 项任务 tasks${hits.length === limit ? `（仅前 ${limit} 项 first ${limit}；--limit N 显示更多 for more）` : ''}`));
  return 0;
}
