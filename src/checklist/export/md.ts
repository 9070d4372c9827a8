/** Markdown report of my checklist: summary, then one table per plan, orphans last. */
import { groupItems, STATUS_LABEL, summarize } from '../model.js';
import { deadlineText, type ExportInput } from './common.js';
import { stripControl } from '../../util/text.js';
import { ROLE_LABEL } from '../../domain/roles.js';

function cell(s: string): string {
  return stripControl(s).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>').trim() || ' ';
}

const MARK: Record<string, string> = { todo: '☐', doing: '◐', done: '☑', na: '—' };

export function toMarkdown(input: ExportInput): string {
  const s = summarize(input.items, input.asOf);
  const out: string[] = [];
  out.push('# 我的清单', '');
  out.push(`- 我的单位：${input.unitLabels.length ? input.unitLabels.join('、') : '（未设置）'}`);
  out.push(`- 截至：${input.asOf}（生成于 ${input.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC）`);
  out.push(`- 完成：${s.done}/${s.total}　逾期：${s.overdue}　30天内到期：${s.dueSoon}${s.orphans ? `　孤立条目：${s.orphans}` : ''}`);
  if (s.next) out.push(`- 最近到期：${s.next.effectiveDue}　${cell(s.next.text.slice(0, 60))}`);
  out.push('');
  let n = 0;
  for (const g of groupItems(input.items, 'plan', input.asOf)) {
    const title = g.key === '~orphans' ? g.label : `${g.label}　${input.planTitle(g.key) ?? ''}`.trim();
    out.push(`## ${cell(title)}`, '');
    if (g.key === '~orphans') out.push('> 这些任务在重新索引后已不在知识库中（原文已修改或删除）。以下为最后已知的内容；可用 `plans mine relink` 重新关联。', '');
    out.push('| 序号 | 状态 | 工作任务 | 我的角色 | 时限 | 我的期限 | 备注 | 任务编号 |');
    out.push('|---:|:---:|---|---|---|---|---|---|');
    for (const it of g.items) {
      n++;
      const flag = it.overdue ? ' **逾期**' : it.dueSoon ? ' *将到期*' : '';
      const sug = it.orphan && it.suggestion ? `<br>建议关联：${it.suggestion.taskId}` : '';
      out.push(
        `| ${n} | ${MARK[it.status]} ${STATUS_LABEL[it.status]} | ${cell(it.text)}${sug} | ${cell(it.roles.map((r) => ROLE_LABEL[r]).join('、'))} | ${cell(deadlineText(it) || '—')}${flag} | ${it.due ?? ' '} | ${cell(it.note)} | \`${it.taskId}\` |`,
      );
    }
    out.push('');
  }
  if (!input.items.length) out.push('（清单为空：先用 `plans mine units set 审计` 选择我的单位。）', '');
  return out.join('\n');
}
