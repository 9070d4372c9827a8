/**
 * Spreadsheet task tables (.xlsx): every sheet's rows as lines (cells by tabs), merged cells filled with
 * their top-left value (a 牵头单位 merged over several rows belongs to each), date cells as ISO dates, shared
 * and inline strings. Title and header rows may stand anywhere in the first rows: the table parser finds
 * the header by its words. The OOXML is read with fflate and htmlparser2 in XML mode (sync, no temp files).
 */
import { Parser } from './libs.js';
import { joinCellLines } from './cell.js';
import { isoOf } from '../domain/dates.js';
import type { LineOrigin, Reader, ReadResult } from './types.js';
import { openZip } from './zip.js';

function parseXml(xml: string, on: { open?(name: string, attrs: Record<string, string>): void; text?(t: string): void; close?(name: string): void }): void {
  const p = new (Parser())({ onopentag: on.open, ontext: on.text, onclosetag: on.close }, { xmlMode: true, decodeEntities: true });
  p.write(xml);
  p.end();
}

function sharedStrings(xml: string | null): string[] {
  const out: string[] = [];
  if (!xml) return out;
  let cur: string | null = null;
  let inT = false;
  let inPh = 0; // phonetic runs (rPh) are not the text
  parseXml(xml, {
    open(n) {
      if (n === 'si') cur = '';
      else if (n === 'rPh') inPh++;
      else if (n === 't') inT = true;
    },
    text(t) {
      if (inT && !inPh && cur !== null) cur += t;
    },
    close(n) {
      if (n === 't') inT = false;
      else if (n === 'rPh') inPh--;
      else if (n === 'si') {
        out.push(cur ?? '');
        cur = null;
      }
    },
  });
  return out;
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index: does it format a date? */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const xfs: boolean[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open(n, a) {
      if (n === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        xfs.push(BUILTIN_DATE_FORMATS.has(id) || (code !== undefined && /[yd]|[年日]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]/g, ''))));
      }
    },
    close(n) {
      if (n === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs;
}

/** An Excel date serial (days since 1899-12-30) as an ISO day. */
function serialToIso(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function rowIndex(ref: string): number {
  return Number(/\d+$/.exec(ref)?.[0] ?? 1) - 1;
}

export function sheetRows(xml: string, strings: string[], dates: boolean[]): string[][] {
  const grid: string[][] = [];
  const merges: Array<[number, number, number, number]> = [];
  let ref = '';
  let type = '';
  let style = 0;
  let val: string | null = null;
  let inV = false;
  let inIs = false;
  let inT = false;
  let nextRow = 0;
  let nextCol = 0;
  parseXml(xml, {
    open(n, a) {
      if (n === 'row') {
        nextRow = a.r ? Number(a.r) - 1 : nextRow;
        nextCol = 0;
      } else if (n === 'c') {
        ref = a.r ?? '';
        type = a.t ?? '';
        style = Number(a.s ?? 0);
        val = null;
      } else if (n === 'v') inV = true;
      else if (n === 'is') inIs = true;
      else if (n === 't' && inIs) inT = true;
      else if (n === 'mergeCell' && a.ref) {
        const [from, to = from] = a.ref.split(':');
        merges.push([rowIndex(from), colIndex(from), rowIndex(to), colIndex(to)]);
      }
    },
    text(t) {
      if (inV || inT) val = (val ?? '') + t;
    },
    close(n) {
      if (n === 'v') inV = false;
      else if (n === 't') inT = false;
      else if (n === 'is') inIs = false;
      else if (n === 'c') {
        const r = ref ? rowIndex(ref) : nextRow;
        const c = ref ? colIndex(ref) : nextCol;
        nextCol = c + 1;
        let text = val ?? '';
        if (type === 's') text = strings[Number(text)] ?? '';
        else if (type === 'b') text = text === '1' ? 'TRUE' : 'FALSE';
        else if ((type === '' || type === 'n') && text && dates[style] && Number.isFinite(Number(text))) text = serialToIso(Number(text));
        (grid[r] ??= [])[c] = text;
      } else if (n === 'row') nextRow++;
    },
  });
  for (const [r0, c0, r1, c1] of merges) {
    const v = grid[r0]?.[c0] ?? '';
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) (grid[r] ??= [])[c] = c === c0 ? v : '';
  }
  return grid.map((row) => Array.from({ length: row?.length ?? 0 }, (_, i) => row[i] ?? ''));
}

export const xlsxReader: Reader = {
  format: 'xlsx',
  extensions: ['.xlsx', '.xlsm'],
  read(bytes): ReadResult {
    const zip = openZip(bytes, '.xlsx', (n) => n === 'xl/workbook.xml' || n === 'xl/_rels/workbook.xml.rels' || n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml' || /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    if (!zip.ok) return zip;
    const wb = zip.part('xl/workbook.xml');
    if (!wb) return { ok: false, reason: 'not an Excel workbook (the .xlsx has no xl/workbook.xml)' };
    const rels = new Map<string, string>();
    parseXml(zip.part('xl/_rels/workbook.xml.rels') ?? '', { open: (n, a) => void (n === 'Relationship' && rels.set(a.Id, a.Target)) });
    const sheets: Array<{ name: string; path: string }> = [];
    parseXml(wb, {
      open(n, a) {
        if (n !== 'sheet') return;
        const target = rels.get(a['r:id']) ?? '';
        sheets.push({ name: a.name ?? `Sheet${sheets.length + 1}`, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` });
      },
    });
    const strings = sharedStrings(zip.part('xl/sharedStrings.xml'));
    const dates = dateStyles(zip.part('xl/styles.xml'));
    const out: string[] = [];
    const lines: LineOrigin[] = [];
    sheets.forEach((s, si) => {
      const xml = zip.part(s.path);
      if (!xml) return;
      sheetRows(xml, strings, dates).forEach((row, ri) => {
        const cells = row.map((c) => joinCellLines(c).replace(/\t/g, ' ').trim());
        while (cells.length && !cells[cells.length - 1]) cells.pop();
        if (!cells.some(Boolean)) return;
        out.push(cells.join('\t'));
        lines.push({ sheet: s.name, table: si + 1, row: ri + 1 });
      });
    });
    const text = out.join('\n');
    if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: 'the workbook holds no Chinese text' };
    return { ok: true, format: 'xlsx', text, lines, warnings: [] };
  },
};
