/**
 * `--explain`: per task, the spans and the rules that fired — how the task was cut out (task rule and the
 * refiners that changed it), each deadline (raw → date, its parser), each unit (role, its parser), and the
 * source span as it stands in the file. Plain text, one block per task.
 */
import type { PlansQuery } from '../query/index.js';
import type { Task } from '../types.js';
import { stripControl } from '../util/text.js';

function mark(text: string, needles: string[]): string {
  let out = text;
  for (const n of [...new Set(needles)].filter(Boolean).sort((a, b) => b.length - a.length)) out = out.split(n).join(`「${n}」`);
  return out.replace(/「「([^」]*)」」/g, '「$1」');
}

export function explainTask(query: PlansQuery, t: Task): string[] {
  const out: string[] = [];
  const refined = t.refinedBy?.length ? `  (${t.refinedBy.join(', ')})` : '';
  out.push(`${t.id}  ${t.kind}  ${t.rule}${refined}`);
  if (t.section.length) out.push(`  section  ${stripControl(t.section.join(' › '))}`);
  out.push(`  text     ${stripControl(mark(t.text, [...t.deadlines.map((d) => d.raw), ...t.units.map((u) => u.name)]))}`);
  for (const d of t.deadlines) out.push(`  deadline 「${stripControl(d.raw)}」 → ${d.date ?? '(no date)'}${d.recurring ? ` every ${d.recurring}` : ''}  ${d.rule}`);
  for (const u of t.units) out.push(`  unit     「${stripControl(u.name)}」 ${u.role}  ${u.rule}  (canonical ${stripControl(u.canonical)}, kind ${u.kind})`);
  if (!t.deadlines.length) out.push('  deadline (none found)');
  if (!t.units.length) out.push('  unit     (none found)');
  const src = t.source;
  out.push(`  source   ${src.file}:${src.line}${src.format ? `  ${src.format}` : ''}${src.page ? ` page ${src.page}` : ''}${src.paragraph ? ` paragraph ${src.paragraph}` : ''}${src.tableRow ? ` table ${src.table ?? 1} row ${src.tableRow}` : ''}  offsets ${src.start}–${src.end}${src.origin === 'annex' ? `  table row ${src.row}` : ''}${t.restates ? `  restates ${t.restates}` : ''}`);
  const ctx = query.context(t);
  if (ctx) out.push(`  span     ${stripControl(ctx.paragraph.slice(ctx.start, ctx.end)).replace(/\s*\n\s*/g, ' ⏎ ')}`);
  return out;
}
