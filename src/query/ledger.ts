/**
 * The knowledge base as a 任务台账: one row per task, the columns a ledger keeps (units by role, the deadlines
 * as written and the first date, the recurrence, the source). What `plans export --format csv` writes.
 */
import type { Role, Task } from '../types.js';
import { deadlineRaws, RECURRENCE_LABEL } from '../domain/deadline-format.js';
import { sourceWhere } from '../domain/source.js';
import { namesWithRole } from '../domain/roles.js';
import { stripControl } from '../util/text.js';

/** 复述: for an annex row that restates a task of the text, that task's 任务编号 (filter it out to count each obligation once). */
export const LEDGER_HEADER = ['序号', '任务编号', '方案', '章节', '工作任务', '牵头单位', '责任单位', '配合单位', '督查单位', '时限', '截止日期', '重复', '主题', '复述', '出处'] as const;

export interface LedgerLabels {
  planTag: (planId: string) => string;
  themeLabel: (themeId: string) => string;
}

export function ledgerRows(tasks: readonly Task[], labels: LedgerLabels): string[][] {
  const byRole = (t: Task, role: Role) => [...new Set(namesWithRole(t.units, role).map(stripControl))].join('、');
  return tasks.map((t, i) => {
    const dates = t.deadlines.map((d) => d.date).filter((d): d is string => !!d).sort();
    const rec = [...new Set(t.deadlines.map((d) => d.recurring).filter((r): r is NonNullable<typeof r> => !!r))].map((r) => RECURRENCE_LABEL[r]);
    return [
      String(i + 1),
      t.id,
      labels.planTag(t.planId),
      t.section.map(stripControl).join(' › '),
      stripControl(t.text),
      byRole(t, 'lead'),
      byRole(t, 'responsible'),
      byRole(t, 'support'),
      byRole(t, 'supervise'),
      deadlineRaws(t.deadlines),
      dates[0] ?? '',
      rec.join('、'),
      t.themes.map(labels.themeLabel).join('、'),
      t.restates ?? '',
      sourceWhere(t.source) + (t.source.origin === 'annex' ? `（附件第${t.source.row ?? '?'}行）` : ''),
    ];
  });
}
