/**
 * Word documents (.docx): paragraphs in order (a heading style kept as a heading line), Word tables as
 * real rows and cells (cells by tabs; a vertically merged cell repeats the value above it), so a 任务分解表
 * becomes annex tasks with its columns mapped by header name. The OOXML is read with fflate (zip) and
 * htmlparser2 in XML mode.
 */
import { Parser } from './libs.js';
import type { LineOrigin, Reader, ReadResult } from './types.js';
import { openZip } from './zip.js';
import { joinCellParagraphs, PARA } from './cell.js';

export function docxXmlToText(xml: string): { text: string; lines: LineOrigin[] } {
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let para: string | null = null;
  let inText = false;
  let skip = 0; // deleted text, field instructions
  let paragraph = 0;
  // table state (only the outermost table is read as rows; nested tables become cell text)
  let depth = 0;
  let tables = 0;
  let rowNo = 0;
  let row: Array<{ text: string; merge: 'restart' | 'continue' | null; span: number }> | null = null;
  let cell: { text: string; merge: 'restart' | 'continue' | null; span: number } | null = null;
  let above: string[] = [];
  const parser = new (Parser())(
    {
      onopentag(name, attrs) {
        if (name === 'w:del' || name === 'w:instrtext' || name === 'w:delinstrtext') skip++;
        if (skip) return;
        switch (name) {
          case 'w:tbl':
            depth++;
            if (depth === 1) {
              tables++;
              rowNo = 0;
              above = [];
            }
            break;
          case 'w:tr':
            if (depth === 1) row = [];
            break;
          case 'w:tc':
            if (depth === 1) cell = { text: '', merge: null, span: 1 };
            break;
          case 'w:vmerge':
            if (depth === 1 && cell) cell.merge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          case 'w:gridspan':
            if (depth === 1 && cell) cell.span = Math.max(1, Number(attrs['w:val']) || 1);
            break;
          case 'w:p':
            if (depth === 0) para = '';
            break;
          case 'w:t':
            inText = true;
            break;
          case 'w:tab':
            if (depth === 0 && para !== null) para += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            if (depth === 0 && para !== null) para += '\n';
            break;
        }
      },
      ontext(t) {
        if (!inText || skip) return;
        if (depth >= 1 && cell) cell.text += t;
        else if (para !== null) para += t;
      },
      onclosetag(name) {
        if (name === 'w:del' || name === 'w:instrtext' || name === 'w:delinstrtext') {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (skip) return;
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          case 'w:p':
            if (depth === 0 && para !== null) {
              for (const l of para.split('\n')) {
                const t = l.replace(/[ \u00a0\u3000]+$/g, '').replace(/^[ \u00a0\u3000]+/, '');
                if (t.trim()) {
                  lines.push(t);
                  origins.push({ paragraph: ++paragraph });
                }
              }
              para = null;
            } else if (depth >= 1 && cell) cell.text += depth === 1 ? PARA : ' ';
            break;
          case 'w:tc':
            if (depth === 1 && row && cell) {
              cell.text = joinCellParagraphs(cell.text);
              row.push(cell);
              cell = null;
            }
            break;
          case 'w:tr':
            if (depth === 1 && row) {
              // vertically merged cells repeat the text above them (a unit or deadline spanning rows)
              const cells: string[] = [];
              for (const c of row) {
                const i = cells.length;
                const text = c.merge === 'continue' ? (above[i] ?? '') : c.text.replace(/\s+/g, (m) => (/\u3000|\u00a0/.test(m) ? ' ' : '')).trim();
                for (let k = 0; k < c.span; k++) cells.push(k === 0 ? text : '');
              }
              above = cells;
              while (cells.length && !cells[cells.length - 1]) cells.pop();
              if (cells.some(Boolean)) {
                lines.push(cells.join('\t'));
                origins.push({ table: tables, row: ++rowNo });
              }
              row = null;
            }
            break;
          case 'w:tbl':
            depth = Math.max(0, depth - 1);
            break;
        }
      },
    },
    { xmlMode: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(xml);
  parser.end();
  return { text: lines.join('\n'), lines: origins };
}

export const docxReader: Reader = {
  format: 'docx',
  extensions: ['.docx', '.docm'],
  read(bytes): ReadResult {
    const zip = openZip(bytes, '.docx', (n) => n === 'word/document.xml');
    if (!zip.ok) return zip;
    const xml = zip.part('word/document.xml');
    if (!xml) return { ok: false, reason: 'not a Word document (the .docx has no word/document.xml)' };
    const { text, lines } = docxXmlToText(xml);
    if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: 'the document holds no Chinese text' };
    return { ok: true, format: 'docx', text, lines, warnings: [] };
  },
};
