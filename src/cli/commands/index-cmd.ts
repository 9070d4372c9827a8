import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import { displayWidth, padEndWidth, stripControl } from '../../util/text.js';
import { explainTask } from '../explain.js';
import type { PlanCounts } from '../../kb/build.js';
import type { Task } from '../../types.js';

function countsOf(tasks: Task[]): PlanCounts {
  return {
    tasks: tasks.length,
    prose: tasks.filter((t) => t.source.origin === 'prose').length,
    annex: tasks.filter((t) => t.source.origin === 'annex').length,
    dated: tasks.filter((t) => t.deadlines.length > 0).length,
    withUnits: tasks.filter((t) => t.units.length > 0).length,
  };
}

/** `plans index`: rebuild and print a quality report per plan. */
export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json', 'explain'] });
  if (p.positionals.length && !p.flags.explain) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  if (p.positionals.length > 1) throw new UsageError('--explain takes at most one FILE');
  const { query, load } = await openKb(p, io, { force: true, quietSkips: true });
  if (p.flags.explain) {
    // Every task of the corpus, or of one file (its name in the corpus folder or its plan id).
    const want = p.positionals[0]?.replace(/^.*[\\/]/, '');
    const plans = query.plans().filter((pl) => !want || pl.file === want || pl.id === want);
    if (want && !plans.length) {
      io.err(`plans index: no plan from "${stripControl(want)}" in the corpus (plans: ${query.plans().map((pl) => pl.file).join(', ')})`);
      return 1;
    }
    for (const pl of plans) {
      const tasks = query.tasksOfPlan(pl.id);
      io.out(`== ${pl.file}: ${tasks.length} 项任务 tasks${pl.warnings.length ? `；提示 warnings：${pl.warnings.join('；')}` : ''}`);
      for (const t of tasks) io.out(explainTask(query, t).join('\n') + '\n');
    }
    return 0;
  }
  const rows = query.plans().map((plan) => {
    // counted by the build (the tasks are not read back: at thousands of plans they would not fit in memory
    // twice); else grouped once for all plans, linear in the tasks
    const c = load.planCounts?.get(plan.id) ?? countsOf(query.tasksOfPlan(plan.id));
    return { plan: plan.id, province: plan.province, place: plan.place, file: plan.file, ...c, warnings: plan.warnings };
  });
  if (p.flags.json) {
    const timings = load.timings && Object.fromEntries(Object.entries(load.timings).map(([k, v]) => [k, Math.round(v)]));
    io.out(JSON.stringify({ ms: Math.round(load.ms), ...(timings ? { timings } : {}), plans: rows, skipped: load.skipped }, null, 2));
    return 0;
  }
  const head = ['方案 plan', '地方 place', '任务 tasks', '正文 prose', '附件 annex', '有期限 dated', '有单位 with units', '提示 warnings'];
  const table = [head, ...rows.map((r) => [r.plan, r.place && r.province && r.province !== r.place ? `${r.place}（${r.province}）` : (r.place ?? r.province ?? '—'), r.tasks, r.prose, r.annex, r.dated, r.withUnits, r.warnings.length].map(String))];
  const widths = head.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]))));
  for (const r of table) io.out(r.map((c, i) => padEndWidth(c, widths[i])).join('  ').trimEnd());
  for (const r of rows) for (const w of r.warnings) io.out(`提示 warning ${r.plan}: ${w}`);
  for (const s of load.skipped) io.err(`跳过 skipped ${s.file}: ${s.reason}`);
  const tm = load.timings;
  const parts = tm ? `（抽取 extract ${Math.round(tm.extract)} ms，对应任务 counterparts ${Math.round(tm.counterparts)} ms${tm.search !== undefined ? `，搜索索引 search index ${Math.round(tm.search)} ms` : ''}）` : '';
  io.out(`${rows.length} 个方案 plans，${query.taskCount()} 项任务 tasks，${load.skipped.length} 个文件跳过 files skipped，用时 built in ${Math.round(load.ms)} ms${parts}`);
  return 0;
}
