/**
 * Task tables (任务分解表, 重点任务清单, 进展情况表), however they were flattened:
 *  - one cell per line (cells may be separated by lines holding only `|`), rows found by their 序号;
 *  - one row per line, cells separated by tabs, `|` or runs of spaces (normalize turns the spaces of a
 *    recognised space table into tabs).
 * A table is recognised by its header row (序号 / 工作任务 / 重点任务 / 具体要求 / 牵头单位 / 责任单位 /
 * 配合单位 / 完成时限 / 时间节点 / 进展情况 / 备注 …) and its columns are mapped by header name, not by
 * position: a 进展情况 or 备注 column is not the task; with two task-like columns (工作任务 + 具体要求) the
 * later, more specific one is the task and the earlier one groups the rows (a merged cell that is only
 * written when it changes). A 序号 column missing from the header is found where the numbers are.
 */
import type { Role } from '../types.js';
import { findDeadlines, type DeadlineContext } from './deadlines/index.js';
import { columnKind, type ColumnKind } from './tables/columns.js';

export type { ColumnKind };


export interface AnnexCell {
  text: string;
  start: number;
  end: number;
}

/** Between the levels of a row's group (several grouping columns). */
export const GROUP_SEP = '\u001f';

export interface AnnexRow {
  row: number;
  start: number;
  end: number;
  text: AnnexCell | null;
  /** The row's group (the earlier task-like columns, one level each, joined by GROUP_SEP), carried over from the
   * row above when empty. */
  group: string | null;
  units: Array<{ cell: AnnexCell; role: Role; column: string }>;
  deadline: AnnexCell | null;
  /** A second time column (时限 and then 截止日期): the date it holds completes a deadline that has none. */
  date?: AnnexCell;
}

export interface Annex {
  /** Offset where the table (with its title) starts: the prose ends there. */
  start: number;
  /** Offset where the table ends: prose may follow. */
  end: number;
  title: string;
  columns: Array<{ header: string; kind: ColumnKind }>;
  rows: AnnexRow[];
  warnings: string[];
}

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let s = 0;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    out.push({ text: t, start: s + lead, end: s + lead + t.length });
    s = e + 1;
  }
  return out;
}

const CELL_SEP = /\t|[|｜]/;
const isSepLine = (t: string) => /^[|｜]+$/.test(t);

/** Split a row line into cells (tab- or bar-separated), with their offsets; empty cells keep their place. */
function cellsOf(l: Line): Line[] {
  const out: Line[] = [];
  let off = 0;
  for (const part of l.text.split(CELL_SEP)) {
    const lead = part.length - part.trimStart().length;
    const t = part.trim();
    out.push({ text: t, start: l.start + off + lead, end: l.start + off + lead + t.length });
    off += part.length + 1;
  }
  while (out.length && !out[out.length - 1].text) out.pop();
  return out;
}

/** Header kinds with the task column decided: the last task-like column is the task, earlier ones group. */
function mapColumns(headers: string[]): Array<{ header: string; kind: ColumnKind }> | null {
  const kinds = headers.map(columnKind);
  if (kinds.some((k) => k === null)) return null;
  const cols = headers.map((header, i) => ({ header, kind: kinds[i] as ColumnKind }));
  const textIdx = cols.map((c, i) => (c.kind === 'text' ? i : -1)).filter((i) => i >= 0);
  if (!textIdx.length) return null;
  for (const i of textIdx.slice(0, -1)) cols[i].kind = 'group';
  const useful = cols.filter((c) => typeof c.kind === 'object' || c.kind === 'deadline').length;
  return useful ? cols : null;
}

/** A ledger's header line between its title and its table: 填报单位：…  填报日期：… */
const FILLED_BY = /^(?:填报|编制|报送|制表)(?:单位|日期|时间|人)[:：]/;

function titleBefore(lines: Line[], i: number): { title: string; k: number } {
  let k = i;
  while (k > 1 && FILLED_BY.test(lines[k - 1].text.trim())) k--;
  const top = k;
  while (k > 0 && (lines[k - 1].text === '' || (lines[k - 1].text.length <= 40 && /附件|表|清单|分工|分解|任务|台账/.test(lines[k - 1].text)))) {
    if (lines[k - 1].text === '' && (k < 2 || !/附件|表|清单|分工|分解/.test(lines[k - 2].text))) break;
    k--;
  }
  const title = lines.slice(k, top).map((l) => l.text).filter((t) => t && !/^附件\d*$/.test(t)).pop() ?? '附件';
  return { title, k };
}

const NUM = /^\d{1,3}[.．、]?$/;

/** A cell that is a time limit by its content: a deadline (6月底前), or a bare date or period as a 时限 cell
 * holds one (2024年12月31日, 2018-06-30, 二季度). */
function isDeadlineCell(text: string, ctx: DeadlineContext): boolean {
  const t = text.replace(/[。．\s]+$/, '');
  if (!t || t.length > 30) return false;
  if (findDeadlines(t, ctx).length) return true;
  if (/^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?$/.test(t)) return true;
  return findDeadlines(`${t}前`, ctx).some((d) => d.start === 0 && d.end >= t.length);
}

export function parseAnnex(text: string, ctx: DeadlineContext): Annex | null {
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i].text;
    if (!t || columnKind(t.split(CELL_SEP)[0]) === null) continue;
    // One row per line: 序号⇥工作任务⇥牵头单位⇥…
    if (CELL_SEP.test(t) && !isSepLine(t)) {
      const header = cellsOf(lines[i]);
      const cols = header.length >= 2 && header.every((c) => c.text) ? mapColumns(header.map((c) => c.text)) : null;
      if (cols) {
        const table = rowTable(lines, i, cols, ctx);
        if (table) return table;
      }
      continue;
    }
    // One cell per line: header cells until the first row number (or a cell that is no header word).
    const header: string[] = [];
    let j = i;
    for (; j < lines.length && header.length < 12; j++) {
      const c = lines[j].text;
      if (!c || isSepLine(c)) continue;
      if (columnKind(c) === null) break;
      header.push(c);
    }
    if (header.length < 3) continue;
    const cols = mapColumns(header);
    if (!cols) continue;
    const table = cellTable(lines, i, j, cols, ctx);
    if (table) return table;
  }
  return null;
}

function rowTable(lines: Line[], i: number, cols: Array<{ header: string; kind: ColumnKind }>, ctx: DeadlineContext): Annex | null {
  const rows: AnnexRow[] = [];
  const hasRowCol = cols.some((c) => c.kind === 'row');
  const dataCols = cols.filter((c) => c.kind !== 'row');
  let group: string | null = null;
  let n = 0;
  let end = lines[i].end;
  for (let j = i + 1; j < lines.length; j++) {
    const cells = cellsOf(lines[j]);
    if (!cells.some((c) => c.text)) continue;
    const num = NUM.test(cells[0].text) ? parseInt(cells[0].text, 10) : null;
    if (hasRowCol && num === null) {
      if (rows.length && !CELL_SEP.test(lines[j].text)) continue; // a wrapped continuation line
      break;
    }
    if (!hasRowCol && cells.length < 2) break;
    const data = hasRowCol ? cells.slice(1) : cells;
    const row = assignRow(num ?? ++n, hasRowCol ? cells[0] : data[0], data, dataCols, ctx, group);
    group = row.group;
    rows.push(row);
    end = lines[j].end;
  }
  if (!rows.length) return null;
  const { title, k } = titleBefore(lines, i);
  return { start: lines[k].start, end, title, columns: cols, rows, warnings: [] };
}

function cellTable(lines: Line[], i: number, j: number, cols: Array<{ header: string; kind: ColumnKind }>, ctx: DeadlineContext): Annex | null {
  const cells: Line[] = [];
  for (let k = j; k < lines.length; k++) if (lines[k].text && !isSepLine(lines[k].text)) cells.push(lines[k]);
  const dataCols = cols.filter((c) => c.kind !== 'row');
  // Where the numbers stand: the cells before the first "1" are the columns before the 序号.
  const first = cells.findIndex((c) => NUM.test(c.text) && parseInt(c.text, 10) === 1);
  if (first < 0 || first > 3) return null;
  const before = cols.some((c) => c.kind === 'row') ? cols.findIndex((c) => c.kind === 'row') : first;
  const after = dataCols.length - before;
  const rows: AnnexRow[] = [];
  const warnings: string[] = [];
  let expect = 1;
  let lead: Line[] = cells.slice(0, first);
  let group: string | null = null;
  let k = first;
  while (k < cells.length && NUM.test(cells[k].text) && parseInt(cells[k].text, 10) === expect) {
    const numCell = cells[k];
    // the row's cells run to the next row number
    let e = k + 1;
    while (e < cells.length && !(NUM.test(cells[e].text) && parseInt(cells[e].text, 10) === expect + 1)) e++;
    let body = cells.slice(k + 1, e);
    // cells beyond the columns after the number are the next row's leading (group) cells
    let nextLead: Line[] = [];
    if (before > 0 && e < cells.length && body.length > after) {
      nextLead = body.slice(body.length - Math.min(before, body.length - after));
      body = body.slice(0, body.length - nextLead.length);
    }
    // the last row holds its columns; what follows is prose again
    if (e >= cells.length && body.length > after + (lead.length === before ? 0 : before)) body = body.slice(0, after + (lead.length === before ? 0 : before));
    const rowCells = [...(lead.length === before ? lead : []), ...body];
    const rowCols = lead.length === before ? dataCols : dataCols.slice(before);
    const row = assignRow(expect, numCell, rowCells, rowCols, ctx, group);
    group = row.group;
    rows.push(row);
    lead = nextLead;
    expect++;
    k = e;
  }
  if (!rows.length) return null;
  for (const r of rows) if (!r.text) warnings.push(`annex row ${r.row}: no task text`);
  const { title, k: tk } = titleBefore(lines, i);
  const end = Math.max(...rows.map((r) => r.end));
  return { start: lines[tk].start, end, title, columns: cols, rows, warnings };
}

/**
 * Cells of one row → its fields. Cells come in header order; a row with fewer cells than columns lacks
 * optional ones: the deadline cell is found by content (it parses as a deadline), unit columns are
 * filled in header order, and a column kind of `other` (进展情况, 备注) keeps its cell out of the task.
 */
function assignRow(row: number, numLine: Line, cells: Line[], cols: Array<{ header: string; kind: ColumnKind }>, ctx: DeadlineContext, prevGroup: string | null): AnnexRow {
  const out: AnnexRow = { row, start: numLine.start, end: cells.length ? cells[cells.length - 1].end : numLine.end, text: null, group: prevGroup, units: [], deadline: null };
  const cell = (l: Line): AnnexCell => ({ text: l.text, start: l.start, end: l.end });
  // (a row whose missing cells are only the last columns' notes — a spreadsheet's empty 备注 — is complete)
  if (cells.length >= cols.length || (cells.length > 1 && cols.slice(cells.length).every((c) => c.kind === 'other'))) {
    // Every column present: by position; extra cells continue the task cell.
    const extra = Math.max(0, cells.length - cols.length);
    const textAt = cols.findIndex((c) => c.kind === 'text');
    let ci = 0;
    // Several grouping columns (反馈问题, 整改目标 → 整改措施): one level each, an empty cell keeps the row above's.
    const groups: Array<string | undefined> = [];
    cols.forEach((c, n) => {
      const take = n === textAt ? 1 + extra : 1;
      const span = cells.slice(ci, ci + take);
      ci += take;
      if (!span.length) return;
      const merged: Line = { text: span.map((x) => x.text).join(''), start: span[0].start, end: span[span.length - 1].end };
      if (!merged.text) return;
      if (c.kind === 'text') out.text = cell(merged);
      else if (c.kind === 'group') groups[n] = merged.text;
      else if (c.kind === 'deadline') {
        if (!out.deadline) out.deadline = cell(merged);
        else out.date ??= cell(merged);
      }
      else if (typeof c.kind === 'object') out.units.push({ cell: cell(merged), role: c.kind.role, column: c.header });
    });
    const groupCols = cols.map((c, n) => (c.kind === 'group' ? n : -1)).filter((n) => n >= 0);
    if (groupCols.some((n) => groups[n])) {
      const above = prevGroup ? prevGroup.split(GROUP_SEP) : [];
      out.group = groupCols.map((n, k) => groups[n] ?? above[k] ?? '').filter(Boolean).join(GROUP_SEP);
    }
    return out;
  }
  // Fewer cells: the deadline by content, then the task, then unit columns in header order.
  let rest = cells.filter((c) => c.text);
  if (cols.some((c) => c.kind === 'deadline')) {
    for (let c = rest.length - 1; c >= 1; c--) {
      if (isDeadlineCell(rest[c].text, ctx)) {
        out.deadline = cell(rest[c]);
        rest = rest.slice(0, c).concat(rest.slice(c + 1));
        break;
      }
    }
  }
  const textAt = cols.filter((c) => c.kind !== 'deadline').findIndex((c) => c.kind === 'text');
  if (rest.length) {
    const ti = Math.min(textAt, rest.length - 1);
    out.text = cell(rest[ti]);
    const unitCols = cols.filter((c): c is { header: string; kind: { role: Role } } => typeof c.kind === 'object');
    rest.slice(ti + 1).forEach((l, n) => {
      if (n < unitCols.length) out.units.push({ cell: cell(l), role: unitCols[n].kind.role, column: unitCols[n].header });
    });
  }
  return out;
}
