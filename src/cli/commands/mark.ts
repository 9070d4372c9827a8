/** `plans mark TASK_ID todo|doing|done|na [--note TEXT] [--due YYYY-MM-DD|none]`: update (or add) a checklist entry. */
import { parseArgs, str, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS } from '../../app/open.js';
import { isoDayProblem } from '../../domain/dates.js';
import { parseStatus, STATUS_LABEL, type EntryChange } from '../../checklist/model.js';
import { openChecklist } from './mine.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: [...KB_FLAGS, 'note', 'due', 'as-of'], booleans: ['json'] });
  const [idArg, statusArg, ...extra] = p.positionals;
  if (!idArg) throw new UsageError('give a task id (see `plans search`)');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const change: EntryChange = {};
  if (statusArg !== undefined) {
    const s = parseStatus(statusArg);
    if (!s) throw new UsageError(`status must be todo, doing, done or na (待办/进行中/已完成/不适用), not "${statusArg}"`);
    change.status = s;
  }
  const note = str(p, 'note');
  if (note !== undefined) change.note = note;
  const due = str(p, 'due');
  if (due !== undefined) {
    if (due === 'none' || due === '') change.due = null;
    else {
      const problem = isoDayProblem(due);
      if (problem) throw new UsageError(`--due: ${problem} (or "none" to clear it)`);
      change.due = due;
    }
  }
  if (statusArg === undefined && note === undefined && due === undefined) throw new UsageError('give a status (todo|doing|done|na) and/or --note / --due');
  const cl = await openChecklist(p, io);
  // Unknown → exit 1, a prefix of several ids → the candidates and exit 2 (src/query/ids.ts, as for every command).
  const id = cl.resolveId(idArg);
  const e = cl.mark(id, change);
  if (p.flags.json) {
    io.out(JSON.stringify(e, null, 2));
    return 0;
  }
  const orphan = e.orphanedAt ? '  （孤立 orphaned：该任务已不在知识库中 the task is no longer in the knowledge base）' : '';
  io.out(`${id}  ${STATUS_LABEL[e.status]}${e.due ? `  我的期限 ${e.due}` : ''}${e.note ? `  备注：${e.note}` : ''}${orphan}`);
  return 0;
}
