/** `plans compare THEME`: one column per plan with the theme's tasks, deadlines and lead units. */
import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import { leadUnits, paint, termWidth } from '../render.js';
import { deadlineShort } from '../../domain/deadline-format.js';
import { resolveTheme } from './search.js';
import { padEndWidth, stripControl, truncateWidth, wrapWidth } from '../../util/text.js';
import type { Task } from '../../types.js';

const MAX_TEXT_LINES = 4;
const MIN_COL = 18;

function cell(t: Task, width: number): string[] {
  const lines = wrapWidth(stripControl(t.text), width - 2);
  const text = lines.length > MAX_TEXT_LINES ? [...lines.slice(0, MAX_TEXT_LINES - 1), truncateWidth(lines.slice(MAX_TEXT_LINES - 1).join(''), width - 2)] : lines;
  const out = text.map((l, i) => (i === 0 ? '• ' : '  ') + l);
  const d = deadlineShort(t.deadlines);
  if (d) out.push(...wrapWidth(`  ⏱ ${d}`, width));
  const lead = leadUnits(t);
  if (lead.length) out.push(...wrapWidth(`  ▸ ${lead.join('、')}`, width));
  return out;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json'] });
  if (p.positionals.length !== 1) throw new UsageError(p.positionals.length ? `one THEME expected, got ${p.positionals.length}` : 'a THEME is needed (see `plans themes`)');
  const { query } = await openKb(p, io);
  const themeId = resolveTheme(query, p.positionals[0]);
  const { theme, columns } = query.compare(themeId);
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
