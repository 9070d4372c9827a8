import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json'] });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const { query } = await openKb(p, io);
  const rows = query.themes().map((th) => ({
    ...th,
    plans: Object.fromEntries(query.plans().map((pl) => [pl.id, query.matrixCell(th.id, pl.id).count])),
  }));
  if (p.flags.json) {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  // A theme no plan of the folder has (the e-government themes, for plans of another topic) is named once, at the end.
  const some = rows.filter((r) => Object.values(r.plans).some((n) => n > 0));
  for (const r of some) io.out(`${r.id.padEnd(12)} ${r.label}  ${Object.entries(r.plans).map(([k, n]) => `${query.planTag(k)}:${n}`).join(' ')}`);
  const none = rows.filter((r) => !some.includes(r));
  if (none.length) io.out(`${some.length ? '\n' : ''}无任务 no task in these plans: ${none.map((r) => r.label).join('、')}`);
  return 0;
}
