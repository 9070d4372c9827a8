/**
 * .xlsx export laid out as a 任务台账: 序号 / 工作任务 / 牵头单位 / 配合单位 / 时限 / 状态 / 备注
 * (then 所属方案, 我的期限, 任务编号 for reference), header frozen, columns sized for Chinese text, an
 * auto-filter, and a second sheet 变更记录 with every change's history.
 */
import ExcelJS from 'exceljs';
import { displayWidth } from '../../util/text.js';
import { STATUS_LABEL } from '../model.js';
import { ledgerRows, type ExportInput } from './common.js';

export const XLSX_HEADER = ['序号', '工作任务', '牵头单位', '配合单位', '时限', '状态', '备注', '所属方案', '截止日期', '我的期限', '任务编号'];
const MAX_WIDTH = [6, 60, 24, 28, 22, 8, 30, 10, 12, 12, 14];
/** Columns holding dates: written as Excel date cells, shown yyyy-mm-dd. */
const DATE_COLUMNS = [9, 10];
const DATE_FORMAT = 'yyyy-mm-dd';

/** A YYYY-MM-DD day as an Excel date (UTC midnight, which exceljs writes as that day), or null for none. */
function excelDate(day: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : null;
}

const FIELD_LABEL: Record<string, string> = { status: '状态', note: '备注', due: '我的期限', added: '加入清单', orphaned: '孤立', relinked: '重新关联', migrated: '格式升级' };

function valueLabel(field: string, v: string | null): string {
  if (v === null) return '';
  if (field === 'status') return STATUS_LABEL[v as keyof typeof STATUS_LABEL] ?? v;
  if (field === 'added') return v === 'manual' ? '手动' : '按单位';
  return v;
}

export async function toXlsx(input: ExportInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'plans';
  wb.created = input.generatedAt;
  const ws = wb.addWorksheet('任务台账', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 } });
  const rows = ledgerRows(input);
  const data = rows.map((r) => [
    r.no,
    r.orphan ? `【原任务已变更】${r.text}` : r.text,
    r.lead,
    r.support,
    r.deadline,
    r.status,
    r.note,
    r.plan,
    excelDate(r.deadlineDate),
    excelDate(r.myDue),
    r.taskId,
  ]);
  ws.addRow(XLSX_HEADER);
  for (const d of data) {
    const row = ws.addRow(d);
    for (const c of DATE_COLUMNS) row.getCell(c).numFmt = DATE_FORMAT;
  }
  ws.columns.forEach((col, i) => {
    let w = displayWidth(XLSX_HEADER[i]) + 2;
    for (const d of data) w = Math.max(w, Math.min(MAX_WIDTH[i], displayWidth(d[i] instanceof Date ? DATE_FORMAT : String(d[i] ?? '')) + 2));
    col.width = Math.min(MAX_WIDTH[i], w);
    col.alignment = { vertical: 'top', wrapText: i === 1 || i === 2 || i === 3 || i === 4 || i === 6, horizontal: i === 0 || i === 5 ? 'center' : 'left' };
  });
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.height = 20;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.alignment = { vertical: 'middle', horizontal: 'center' };
  });
  const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
  ws.eachRow((row) => row.eachCell({ includeEmpty: true }, (c) => void (c.border = { top: thin, left: thin, bottom: thin, right: thin })));
  rows.forEach((r, i) => {
    const c = ws.getRow(i + 2).getCell(6);
    if (r.status === STATUS_LABEL.done) c.font = { color: { argb: 'FF2E7D32' } };
    const it = input.items.find((x) => x.taskId === r.taskId);
    if (it?.overdue) ws.getRow(i + 2).getCell(5).font = { color: { argb: 'FFC62828' }, bold: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: XLSX_HEADER.length } };

  const hs = wb.addWorksheet('变更记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  hs.addRow(['时间', '任务编号', '工作任务', '变更', '原值', '新值']);
  hs.getRow(1).font = { bold: true };
  for (const it of input.items) {
    for (const h of it.entry?.history ?? []) {
      hs.addRow([h.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), it.taskId, it.text.slice(0, 40), FIELD_LABEL[h.field] ?? h.field, valueLabel(h.field, h.from), valueLabel(h.field, h.to)]);
    }
  }
  [22, 14, 44, 10, 24, 24].forEach((w, i) => (hs.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
