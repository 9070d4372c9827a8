/** `plans counterparts TASK_ID`: the task's counterpart in each other plan that has one, best first. */
import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import { leadUnits } from '../render.js';
import { deadlineLine } from '../../domain/deadline-format.js';
import { stripControl, truncateWidth } from '../../util/text.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json'] });
  if (p.positionals.length !== 1) throw new UsageError('one TASK_ID expected (see `plans search QUERY` for ids)');
  const { query } = await openKb(p, io);
  // Unknown → exit 1, a prefix of several ids → the candidates and exit 2; a unique prefix will do
  // (src/query/ids.ts, as for every command).
  const t = query.resolveTask(p.positionals[0]);
  const list = query.counterparts(t);
  if (p.flags.json) {
    io.out(JSON.stringify(list.map((c) => ({ planId: c.task.planId, task: c.task, score: c.score })), null, 2));
    return 0;
  }
  io.out(`${query.planTag(t.planId)} ${t.id}: ${truncateWidth(stripControl(t.text), 90)}`);
  const missing = query.plans().filter((pl) => pl.id !== t.planId && !list.some((c) => c.task.planId === pl.id));
  for (const c of list) {
    const o = c.task;
    io.out(`  ${query.planTag(o.planId)} ${c.score.toFixed(2)} ${o.id}  ${o.deadlines.length ? o.deadlines.map(deadlineLine).join('；') : '—'}  ${leadUnits(o).join('、') || '—'}`);
    io.out(`      ${truncateWidth(stripControl(o.text), 100)}`);
  }
  if (missing.length) io.out(`  无对应 none in: ${missing.map((pl) => query.planTag(pl.id)).join(' ')}`);
  return 0;
}
