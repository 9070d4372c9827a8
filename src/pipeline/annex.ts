/**
 * Annex task tables (具体任务分解表) scraped with one cell per line:
 *   序号 / 工作任务 / 牵头责任单位 / 配合单位 / 时限要求, then rows "1 / text / units / units / deadline".
 * Rows may lack an optional cell (no 配合单位): cells are assigned by content (the deadline cell parses
 * as a deadline) and by header order.
 */
import type { Role } from '../types.js';
import { findDeadlines, type DeadlineContext } from './deadlines.js';

export type ColumnKind = 'row' | 'text' | 'deadline' | { role: Role } | 'other';

export interface AnnexCell {
  text: string;
  start: number;
  end: number;
}

export interface AnnexRow {
  row: number;
  start: number;
  end: number;
  text: AnnexCell | null;
  units: Array<{ cell: AnnexCell; role: Role }>;
  deadline: AnnexCell | null;
}

export interface Annex {
  /** Normalized offset where the annex starts (the prose ends). */
  start: number;
  title: string;
  rows: AnnexRow[];
  warnings: string[];
}

function columnKind(h: string): ColumnKind {
  if (/序号|编号/.test(h)) return 'row';
  if (/时限|时间|期限|完成|进度/.test(h)) return 'deadline';
  if (/牵头|主办/.test(h)) return { role: 'lead' };
  if (/配合|协办|参与/.test(h)) return { role: 'support' };
  if (/责任/.test(h)) return { role: 'responsible' };
  if (/任务|内容|事项|工作|措施/.test(h)) return 'text';
  return 'other';
}

interface Line {
  text: string;
  start: number;
  end: number;
  /** The line as it stands (untrimmed), for splitting cells. */
  raw: string;
}

function linesOf(text: string, from: number): Line[] {
  const out: Line[] = [];
  let s = from;
  while (s <= text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    out.push({ text: text.slice(s, e).trim(), start: s, end: e, raw: text.slice(s, e) });
    s = e + 1;
  }
  return out;
}

/** Find and parse an annex table; null when the text has none. */
const CELL_SEP = /\t|[|｜]/;

/** Split a table line into cells (tab- or bar-separated), with their offsets. */
function cellsOf(l: Line): Line[] {
  const out: Line[] = [];
  let s = l.start;
  const raw = l.raw;
  let off = 0;
  for (const part of raw.split(CELL_SEP)) {
    const lead = part.length - part.trimStart().length;
    const t = part.trim();
    if (t) out.push({ text: t, start: s + off + lead, end: s + off + lead + t.length, raw: t });
    off += part.length + 1;
  }
  return out;
}

/** A table with one row per line: 序号⇥工作任务⇥牵头单位⇥…, then 1⇥…⇥…. */
function parseRowTable(lines: Line[], i: number, ctx: DeadlineContext): Annex | null {
  const header = cellsOf(lines[i]).map((c) => c.text);
  const kinds = header.map(columnKind);
  if (header.length < 3 || !kinds.includes('text')) return null;
  const rows: AnnexRow[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const cells = cellsOf(lines[j]);
    if (!cells.length) continue;
    const num = /^\d{1,3}$/.test(cells[0].text) ? Number(cells[0].text) : null;
    if (num === null) {
      // a continuation line of the previous row's last cell
      if (rows.length && !CELL_SEP.test(lines[j].raw)) continue;
      break;
    }
    rows.push(assignRow(num, cells[0], cells.slice(1), kinds, ctx));
  }
  if (!rows.length) return null;
  return { start: lines[i].start, title: titleBefore(lines, i), rows, warnings: [] };
}

function titleBefore(lines: Line[], i: number): string {
  let k = i;
  while (k > 0 && lines[k - 1].text.length <= 30 && /附件|表|清单|分工/.test(lines[k - 1].text)) k--;
  return lines.slice(k, i).map((l) => l.text).filter((t) => !/^附件\d*$/.test(t)).pop() ?? '附件';
}

export function parseAnnex(text: string, ctx: DeadlineContext): Annex | null {
  const lines = linesOf(text, 0);
  for (let i = 0; i < lines.length; i++) {
    if (/^(?:序号|编号)\s*(?:\t|[|｜])/.test(lines[i].text)) {
      const t = parseRowTable(lines, i, ctx);
      if (t) {
        let k = i;
        while (k > 0 && lines[k - 1].text.length <= 30 && /附件|表|清单|分工/.test(lines[k - 1].text)) k--;
        return { ...t, start: lines[k].start };
      }
    }
    if (!/^序号$|^编号$/.test(lines[i].text)) continue;
    // header cells: until the first line that is the number 1
    const header: string[] = [];
    let j = i;
    while (j < lines.length && !/^1$/.test(lines[j].text) && header.length < 10) header.push(lines[j++].text);
    if (j >= lines.length || header.length < 3) continue;
    const kinds = header.map(columnKind);
    if (!kinds.includes('text')) continue;
    // Title and start: walk back over 附件 / table-title lines.
    let k = i;
    while (k > 0 && lines[k - 1].text.length <= 30 && /附件|表|清单|分工/.test(lines[k - 1].text)) k--;
    const title = titleBefore(lines, i);
    const rows: AnnexRow[] = [];
    const warnings: string[] = [];
    let expect = 1;
    let cells: Line[] = [];
    let rowStart = j;
    const flush = () => {
      if (!cells.length && rowStart >= lines.length) return;
      rows.push(assignRow(expect - 1, lines[rowStart], cells, kinds, ctx));
    };
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.text === String(expect)) {
        if (expect > 1) flush();
        rowStart = j;
        cells = [];
        expect++;
        continue;
      }
      if (l.text) cells.push(l);
    }
    if (expect > 1) flush();
    for (const r of rows) if (!r.text) warnings.push(`annex row ${r.row}: no task text`);
    return { start: lines[k].start, title, rows, warnings };
  }
  return null;
}

function assignRow(row: number, numLine: Line, cells: Line[], kinds: ColumnKind[], ctx: DeadlineContext): AnnexRow {
  const cols = kinds.filter((k) => k !== 'row');
  const out: AnnexRow = { row, start: numLine.start, end: cells.length ? cells[cells.length - 1].end : numLine.end, text: null, units: [], deadline: null };
  const cell = (l: Line): AnnexCell => ({ text: l.text, start: l.start, end: l.end });
  let rest = [...cells];
  // The deadline cell: the last cell that parses as a deadline, when the table has a deadline column.
  const dlIdx = cols.indexOf('deadline');
  if (dlIdx >= 0) {
    for (let c = rest.length - 1; c >= 1; c--) {
      if (findDeadlines(rest[c].text, ctx).length && rest[c].text.length <= 30) {
        out.deadline = cell(rest[c]);
        rest = rest.slice(0, c).concat(rest.slice(c + 1));
        break;
      }
    }
  }
  const textIdx = cols.indexOf('text');
  const unitCols = cols.filter((k): k is { role: Role } => typeof k === 'object');
  if (rest.length) {
    // cells before the text column are ignored (rare); the text cell is the first remaining by order
    out.text = cell(rest[Math.min(textIdx, rest.length - 1)]);
    const after = rest.slice(Math.min(textIdx, rest.length - 1) + 1);
    // A missing optional cell is the later unit column: fill unit columns in header order.
    after.forEach((l, n) => {
      if (n < unitCols.length) out.units.push({ cell: cell(l), role: unitCols[n].role });
    });
  }
  return out;
}
