import { parseArgs, str, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: ['format', ...KB_FLAGS] });
  const format = str(p, 'format') ?? 'json';
  if (format !== 'json') throw new UsageError(`unsupported --format "${format}" (only json)`);
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const { query, load } = await openKb(p, io);
  // The files of the corpus folder that are not plans, with the reason (additive to the schema).
  io.out(JSON.stringify({ ...query.exportKnowledgeBase(), skipped: load.skipped }, null, 2));
  return 0;
}
