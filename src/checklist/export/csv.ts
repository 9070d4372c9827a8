/** CSV export of 我的清单 (util/csv.ts: UTF-8 with a BOM so Excel shows the Chinese, CRLF rows, RFC 4180 quoting). */
import { csvFile } from '../../util/csv.js';
import { ledgerRows, type ExportInput } from './common.js';

export const CSV_HEADER = ['序号', '任务编号', '方案', '工作任务', '我的角色', '牵头单位', '配合单位', '时限', '截止日期', '我的期限', '状态', '备注', '孤立', '最近更新'];

export function toCsv(input: ExportInput): string {
  return csvFile(
    CSV_HEADER,
    ledgerRows(input).map((r) => [r.no, r.taskId, r.plan, r.text, r.myRoles, r.lead, r.support, r.deadline, r.deadlineDate, r.myDue, r.status, r.note, r.orphan ? '是' : '', r.updatedAt]),
  );
}
