/**
 * The detail screen's markdown: built from a task, rendered with marked + marked-terminal. marked is
 * loaded lazily (first detail opened), so it costs nothing at start-up.
 */
import type { PlansQuery, SourceContext } from '../query/index.js';
import type { Task } from '../types.js';
import { stripControl } from '../util/text.js';
import { ROLE_LABEL, ROLES } from '../domain/roles.js';
import { RECURRENCE_LABEL } from '../domain/deadline-format.js';
import { sourceWhere } from '../domain/source.js';
import { stripColorCodes, wrapAnsi } from './layout.js';

export type MarkdownRenderer = (md: string, width: number) => string;

let loading: Promise<MarkdownRenderer> | null = null;
let loaded: MarkdownRenderer | null = null;

export function loadMarkdown(): Promise<MarkdownRenderer> {
  loading ??= (async () => {
    const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
    const byWidth = new Map<number, InstanceType<typeof Marked>>();
    const render: MarkdownRenderer = (md, width) => {
      let m = byWidth.get(width);
      if (!m) {
        m = new Marked();
        // marked-terminal's types lag behind marked's; the extension object is what marked.use expects.
        m.use(markedTerminal({ width, reflowText: false, emoji: false, tab: 2, showSectionPrefix: false }) as never);
        byWidth.set(width, m);
      }
      return m.parse(md, { async: false }) as string;
    };
    loaded = render;
    return render;
  })();
  return loading;
}

/**
 * The markdown detailMarkdown writes (headings, **bold**, hard breaks, quotes, escapes) as plain lines: what the
 * detail shows at once while marked loads (a busy start at hundreds of plans can take a second), instead of an
 * empty "loading".
 */
export const plainMarkdown: MarkdownRenderer = (md) =>
  md
    .split('\n')
    .map((l) =>
      l
        .replace(/^#{1,6} /, '')
        .replace(/^> ?/, '│ ')
        .replace(/\\$/, '')
        .replace(/\*\*([^*]*)\*\*/g, '$1')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
    )
    .join('\n');

/** The renderer if it is already loaded (tests and the second detail screen get it synchronously). */
export function markdownIfLoaded(): MarkdownRenderer | null {
  return loaded;
}

const PRECISION: Record<string, string> = { day: '日', month: '月', half: '半年', year: '年' };
const SPAN_OPEN = '\uE000';
const SPAN_CLOSE = '\uE001';

/** Corpus text inside markdown: control sequences stripped, markdown syntax escaped. */
export function mdText(s: string): string {
  return stripControl(s)
    .replace(/[\uE000\uE001]/g, '')
    .replace(/[!-/:-@[-`{-~]/g, (c) => '\\' + c);
}

/**
 * Bullet lines as one paragraph with hard line breaks, not a Markdown list: marked-terminal prints list items
 * without resolving their backslash escapes (工信\/经信), while a paragraph's escapes are resolved.
 */
function bullets(lines: string[]): string {
  return lines.map((l) => `• ${l}`).join('\\\n');
}

export function detailMarkdown(q: PlansQuery, task: Task, ctx: SourceContext | null): string {
  const out: string[] = [];
  const plan = q.plan(task.planId);
  out.push(`# ${mdText(q.planTag(task.planId))} · ${task.kind === 'goal' ? '目标' : '任务'}`);
  if (plan?.title) out.push(mdText(plan.title));
  out.push('');
  out.push(`**章节** ${task.section.length ? task.section.map(mdText).join(' › ') : '（无）'}`);
  out.push('');
  out.push(mdText(task.text));
  out.push('');
  out.push('## 期限 Deadlines');
  if (!task.deadlines.length) out.push('—');
  out.push(
    bullets(
      task.deadlines.map((d) => {
        const rec = d.recurring ? `，${RECURRENCE_LABEL[d.recurring]}` : '';
        return `${mdText(d.raw)} → ${d.date ?? '无具体日期'}（${PRECISION[d.precision] ?? d.precision}${rec}）`;
      }),
    ),
  );
  out.push('');
  out.push('## 责任单位 Units');
  if (!task.units.length) out.push('—');
  const roles: string[] = [];
  for (const role of ROLES) {
    const us = task.units.filter((u) => u.role === role);
    if (!us.length) continue;
    const names = us.map((u) => (u.canonical && u.canonical !== u.name ? `${mdText(u.name)}（${mdText(u.canonical)}）` : mdText(u.name)) + (u.kind ? ` \\[${mdText(u.kind)}\\]` : ''));
    roles.push(`${ROLE_LABEL[role]}：${names.join('、')}`);
  }
  out.push(bullets(roles));
  out.push('');
  if (task.themes.length) {
    out.push(`**主题** ${task.themes.map((id) => mdText(q.theme(id)?.label ?? id)).join('、')}`);
    out.push('');
  }
  const src = task.source;
  out.push(`## 出处 Source  ${mdText(sourceWhere(src))}${src.origin === 'annex' ? `（附件第${src.row ?? '?'}行）` : ''}`);
  out.push('');
  if (ctx) {
    const para = ctx.paragraph;
    const a = Math.max(0, Math.min(para.length, ctx.start));
    const b = Math.max(a, Math.min(para.length, ctx.end));
    const marked = mdText(para.slice(0, a)) + SPAN_OPEN + mdText(para.slice(a, b)) + SPAN_CLOSE + mdText(para.slice(b));
    for (const l of marked.split('\n')) out.push(`> ${l}`);
  } else {
    out.push('（原文不可用 source file not available）');
  }
  return out.join('\n');
}

/** Rendered detail as screen lines, each at most `width` columns. */
export function detailLines(render: MarkdownRenderer, md: string, width: number, color: boolean): string[] {
  let s = render(md, width);
  if (!color) s = stripColorCodes(s);
  // The task's span inside its paragraph: inverse video (also visible without colour).
  s = s.replaceAll(SPAN_OPEN, '\u001b[7m').replaceAll(SPAN_CLOSE, '\u001b[27m');
  const lines = s.replace(/\n+$/, '').split('\n');
  return lines.flatMap((l) => wrapAnsi(l, width));
}
