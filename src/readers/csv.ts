/** CSV task tables (Excel's exports, UTF-8 or GBK): one row per line, cells by tabs. RFC 4180 quoting. */
import { decode } from '../pipeline/decode.js';
import { joinCellLines } from './cell.js';
import type { LineOrigin, Reader } from './types.js';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const sep = (text.split('\n', 1)[0].match(/\t/g)?.length ?? 0) > (text.split('\n', 1)[0].match(/,/g)?.length ?? 0) ? '\t' : ',';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Table rows → text lines (cells by tabs; line breaks inside a cell joined), with their origins. */
export function rowsToText(rows: string[][], origin: (i: number) => LineOrigin): { text: string; lines: LineOrigin[] } {
  const out: string[] = [];
  const lines: LineOrigin[] = [];
  rows.forEach((r, i) => {
    // (a ' before = + - @ is how a spreadsheet export keeps a cell from being read as a formula: not text)
    const cells = r.map((c) => joinCellLines(c).replace(/\t/g, ' ').trim().replace(/^'(?=[=+\-@])/, ''));
    if (!cells.some(Boolean)) return;
    // trailing empty cells carry nothing
    while (cells.length && !cells[cells.length - 1]) cells.pop();
    out.push(cells.join('\t'));
    lines.push(origin(i));
  });
  return { text: out.join('\n'), lines };
}

export const csvReader: Reader = {
  format: 'csv',
  extensions: ['.csv'],
  read(bytes) {
    const d = decode(bytes);
    if (!d.ok) return d;
    const { text, lines } = rowsToText(parseCsv(d.text), (i) => ({ table: 1, row: i + 1 }));
    return { ok: true, format: 'csv', text, lines, encoding: d.encoding, warnings: [...d.warnings, ...(d.encoding === 'gb18030' ? ['decoded as GB18030 (the file is not UTF-8)'] : [])] };
  },
};
