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
  for (const r of rows) io.out(`${r.id.padEnd(12)} ${r.label}  ${Object.entries(r.plans).map(([k, n]) => `${query.planTag(k)}:${n}`).join(' ')}`);
  return 0;
}
