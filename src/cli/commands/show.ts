/** `plans show TASK_ID`: one task in full (marked + marked-terminal), its source, and the task in the other plans
 * (its counterparts, then the same theme) — the detail view's "在其他方案". */
import { parseArgs, UsageError } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openKb } from '../../app/open.js';
import type { PlansQuery, RelatedTask } from '../../query/index.js';
import type { Task } from '../../types.js';
import { leadUnits, mdEscape, termWidth, unitsByRole } from '../render.js';
import { deadlineLine } from '../../domain/deadline-format.js';
import { ROLE_LABEL } from '../../domain/roles.js';
import { stripControl, truncateWidth } from '../../util/text.js';
import { explainTask } from '../explain.js';

interface Block {
  heading: string;
  lines: string[];
  /** Lines of corpus text (escaped for Markdown, quoted). */
  quote?: boolean;
}

function blocks(query: PlansQuery, t: Task, others: RelatedTask[]): { title: string; body: Block[] } {
  const plan = query.plan(t.planId);
  const title = `${plan?.place ?? t.planId} · ${plan?.title ?? t.planId}`;
  const body: Block[] = [];
  body.push({ heading: '章节 Section', lines: [t.section.length ? t.section.join(' › ') : '—'] });
  body.push({ heading: t.kind === 'goal' ? '目标 Goal' : '任务 Task', lines: [t.text], quote: true });
  body.push({ heading: '时限 Deadlines', lines: t.deadlines.length ? t.deadlines.map(deadlineLine) : ['（无 none）'] });
  const groups = unitsByRole(t);
  body.push({ heading: '责任单位 Units', lines: groups.length ? groups.map((g) => `${ROLE_LABEL[g.role]} ${g.role}: ${g.names.join('、')}`) : ['（无 none）'] });
  const src = t.source;
  body.push({
    heading: '来源 Source',
    lines: [`${src.file}:${src.line}${src.page ? `（第 ${src.page} 页 page）` : ''}${src.tableRow ? `（表 table ${src.table ?? 1}${src.sheet ? ` ${src.sheet}` : ''}，第 ${src.tableRow} 行 row）` : src.paragraph ? `（第 ${src.paragraph} 段 paragraph）` : ''}${src.origin === 'annex' ? `（附件第 ${src.row} 行 annex row）` : ''}`, ...(t.restates ? [`重述 restates ${t.restates}`] : []), `编号 id ${t.id}`, ...(t.themes.length ? [`主题 themes：${t.themes.join(', ')}`] : [])],
  });
  const w = Math.max(30, termWidth() - 24);
  const n = others.filter((o) => o.score !== null).length;
  body.push({
    heading: `在其他方案 In other plans (${n} 对应 counterparts + ${others.length - n} 同主题 same theme)`,
    lines: others.length
      ? others.slice(0, 30).map(({ task: o, score }) => `${score !== null ? `对应 ${score.toFixed(2)}` : '同主题'} ${query.planTag(o.planId)} ${o.id}: ${truncateWidth(stripControl(o.text), w)}${leadUnits(o).length ? ` (${leadUnits(o).join('、')})` : ''}`)
      : ['（无 none）'],
  });
  if (others.length > 30) body[body.length - 1].lines.push(`… 另有 ${others.length - 30} 项 more（plans counterparts ID, plans compare THEME）`);
  return { title, body };
}

function plain(title: string, body: Block[]): string {
  const out = [stripControl(title), ''];
  for (const b of body) {
    out.push(`${b.heading}:`);
    for (const l of b.lines) out.push(`  ${stripControl(l)}`);
    out.push('');
  }
  return out.join('\n').trimEnd();
}

async function markdown(title: string, body: Block[]): Promise<string> {
  const { Marked } = await import('marked');
  const { markedTerminal } = await import('marked-terminal');
  const md: string[] = [`# ${mdEscape(title)}`, ''];
  for (const b of body) {
    md.push(`## ${mdEscape(b.heading)}`, '');
    if (b.quote) md.push(...b.lines.map((l) => `> ${mdEscape(l)}`), '');
    // Paragraph lines with hard breaks rather than a list: marked-terminal leaves escapes raw in list items.
    else md.push(b.lines.map((l) => `• ${mdEscape(l)}`).join('\\\n'), '');
  }
  const m = new Marked();
  // marked-terminal's types lag behind marked's; the extension object is compatible at runtime.
  m.use(markedTerminal({ reflowText: false, width: termWidth(), showSectionPrefix: false, tab: 2 }) as never);
  return String(await m.parse(md.join('\n'))).trimEnd();
}

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json', 'explain'] });
  if (p.positionals.length !== 1) throw new UsageError(p.positionals.length ? `one TASK_ID expected, got ${p.positionals.length}` : 'a TASK_ID is needed (see `plans search QUERY` for ids)');
  const id = p.positionals[0];
  const { query } = await openKb(p, io);
  // Unknown → exit 1, a prefix of several ids → the candidates and exit 2 (src/query/ids.ts, as for every command).
  const t = query.resolveTask(id);
  if (p.flags.explain) {
    io.out(explainTask(query, t).join('\n'));
    return 0;
  }
  if (p.flags.json) {
    const plan = query.plan(t.planId) ?? null;
    io.out(JSON.stringify({ task: t, plan, sameTheme: query.sameTheme(t) }, null, 2));
    return 0;
  }
  const { title, body } = blocks(query, t, query.related(t));
  io.out(io.color ? await markdown(title, body) : plain(title, body));
  return 0;
}
