/** `plans export`: the knowledge base as JSON (the schema in the README), or as a 任务台账 CSV for Excel. */
import { parseArgs, str, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import { LEDGER_HEADER, ledgerRows } from '../../query/ledger.js';
import { csvFile } from '../../util/csv.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: ['format', ...KB_FLAGS] });
  const format = str(p, 'format') ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`unsupported --format "${format}" (json or csv)`);
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const { query, load } = await openKb(p, io);
  if (format === 'csv') {
    const rows = ledgerRows(query.tasks(), { planTag: (id) => query.planTag(id), themeLabel: (id) => query.theme(id)?.label ?? id });
    io.out(csvFile(LEDGER_HEADER, rows));
    return 0;
  }
  // The files of the corpus folder that are not plans, with the reason (additive to the schema).
  io.out(JSON.stringify({ ...query.exportKnowledgeBase(), skipped: load.skipped }, null, 2));
  return 0;
}
