/** CSV export: UTF-8 with a BOM (so Excel shows the Chinese), CRLF rows, RFC 4180 quoting. */
import { ledgerRows, type ExportInput } from './common.js';

export const CSV_HEADER = ['序号', '任务编号', '方案', '工作任务', '我的角色', '牵头单位', '配合单位', '时限', '截止日期', '我的期限', '状态', '备注', '孤立', '最近更新'];

export function csvCell(v: string | number): string {
  const s = String(v);
  // A leading = + - @ would be run as a formula by Excel; neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(input: ExportInput): string {
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const r of ledgerRows(input)) {
    lines.push(
      [r.no, r.taskId, r.plan, r.text, r.myRoles, r.lead, r.support, r.deadline, r.deadlineDate, r.myDue, r.status, r.note, r.orphan ? '是' : '', r.updatedAt].map(csvCell).join(','),
    );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
