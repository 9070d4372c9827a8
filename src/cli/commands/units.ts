import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json'] });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const { query } = await openKb(p, io);
  const units = query.units();
  if (p.flags.json) {
    io.out(JSON.stringify(units, null, 2));
    return 0;
  }
  for (const u of units) {
    const plans = Object.entries(u.plans).map(([k, n]) => `${query.planTag(k)}×${n}`).join(' ');
    const aliases = u.aliases.filter((a) => a !== u.canonical);
    io.out(`${u.canonical}  [${u.kind}]  ${plans}${aliases.length ? `  （又称 also：${aliases.join('、')}）` : ''}`);
  }
  return 0;
}
