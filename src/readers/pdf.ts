/**
 * PDF plans (text layer): pdfjs-dist, run in a child process so that the pipeline stays synchronous and a
 * huge or broken PDF is bounded in time and memory (and cannot take the app down). Lines are rebuilt
 * from the text positions; running headers, footers and page numbers (— 3 —, 第3页, 3/12) are removed; hard
 * wraps are joined later by normalize's wrap-width rule; a table's cells are kept apart by their x gaps.
 * A PDF without a text layer (a scan) is reported: "no text layer; OCR it first".
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { columnKind } from '../pipeline/tables/columns.js';
import type { LineOrigin, Reader, ReadResult } from './types.js';

const TIMEOUT_MS = 180_000;
const MEMORY_MB = 1536;

function workerPath(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  // dist/src/readers (built), the bundle's folder, or the sources run by the test runner (→ the built worker)
  for (const p of [join(here, 'pdf-worker.js'), join(here, 'src', 'readers', 'pdf-worker.js'), join(here, '..', 'src', 'readers', 'pdf-worker.js'), join(here, '..', '..', 'dist', 'src', 'readers', 'pdf-worker.js')]) if (existsSync(p)) return p;
  return null;
}

/** A page number or a running header/footer line. */
const PAGE_NO = /^(?:[—–\-－_\s]*\d{1,4}[—–\-－_\s]*|第\s*\d{1,4}\s*页(?:\s*[/／共]\s*\d{1,4}\s*页?)?|\d{1,4}\s*[/／]\s*\d{1,4}|[-—]\s*[ivxlcIVXLC]+\s*[-—]|page\s*\d+(?:\s*of\s*\d+)?)$/i;

export interface Seg {
  x: number;
  x2: number;
  s: string;
}

const lineText = (segs: Seg[]) => segs.map((g) => g.s).join('\t');

/** Drop running headers/footers and page numbers: the first or last lines of a page. */
export function dropRunning(pages: Seg[][][]): { pages: Seg[][][]; removed: number } {
  const key = (l: Seg[]) => lineText(l).replace(/\d+/g, '#').replace(/\s+/g, '');
  const edges = new Map<string, number>();
  for (const p of pages) for (const k of new Set([p[0], p[p.length - 1]].filter(Boolean).map(key))) edges.set(k, (edges.get(k) ?? 0) + 1);
  const running = new Set([...edges].filter(([, n]) => pages.length >= 3 && n >= Math.max(3, pages.length * 0.5)).map(([k]) => k));
  let removed = 0;
  const out = pages.map((p) =>
    p.filter((l, li) => {
      const t = lineText(l).trim();
      const edge = li <= 1 || li >= p.length - 2;
      if ((edge && PAGE_NO.test(t)) || ((li === 0 || li === p.length - 1) && running.has(key(l)))) {
        removed++;
        return false;
      }
      return true;
    }),
  );
  return { pages: out, removed };
}

/**
 * Lines → text lines. A task table (a line of header words at distinct x positions) is rebuilt row by row:
 * the text of every line is put in the column its x falls in, a new row starts where the first column
 * holds a number (序号), and wrapped cell lines join their cell — also across a page break.
 */
export function pagesToText(pages: Seg[][][]): { text: string; lines: LineOrigin[] } {
  const out: string[] = [];
  const origins: LineOrigin[] = [];
  let cols: number[] | null = null; // column start x of the active table
  let width = 0;
  let row: string[] | null = null;
  let rowPage = 0;
  const flushRow = () => {
    if (row && row.some(Boolean)) {
      const cells = [...row];
      while (cells.length && !cells[cells.length - 1]) cells.pop();
      out.push(cells.join('\t'));
      origins.push({ page: rowPage });
    }
    row = null;
  };
  const colOf = (x: number) => {
    let c = 0;
    for (let i = 0; i < cols!.length; i++) if (x >= cols![i] - width * 0.6) c = i;
    return c;
  };
  const isHeader = (l: Seg[]) => l.length >= 3 && l.every((g) => columnKind(g.s.replace(/\s+/g, '')) !== null);
  pages.forEach((p, pi) => {
    // The page's left margin (the most common line start) and text size: an indented line opens a paragraph.
    const starts = new Map<number, number>();
    for (const l of p) starts.set(Math.round(l[0].x), (starts.get(Math.round(l[0].x)) ?? 0) + 1);
    const margin = [...starts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
    const charW = Math.max(4, Math.min(...p.map((l) => (l[0].x2 - l[0].x) / Math.max(1, l[0].s.length))));
    for (let li = 0; li < p.length; li++) {
      let l = p[li];
      // A header whose cells wrap over two lines (牵头责任 / 单位): join the second line's runs to the columns above.
      if (!cols && !isHeader(l) && l.length >= 3 && li + 1 < p.length && l.filter((g) => columnKind(g.s) !== null).length >= 2) {
        const joined = l.map((g) => ({ ...g }));
        for (const g of p[li + 1]) {
          const k = joined.reduce((best, h, i) => (Math.abs(h.x - g.x) < Math.abs(joined[best].x - g.x) ? i : best), 0);
          joined[k].s += g.s;
        }
        if (isHeader(joined)) {
          l = joined;
          li++;
        }
      }
      const header = isHeader(l);
      if (header) {
        flushRow();
        if (!cols) {
          out.push(l.map((g) => g.s.replace(/\s+/g, '')).join('\t'));
          origins.push({ page: pi + 1 });
        }
        cols = l.map((g) => g.x);
        width = Math.max(4, Math.min(...l.map((g) => (g.x2 - g.x) / Math.max(1, g.s.length))));
        continue;
      }
      if (cols) {
        const first = l[0];
        const startsRow = colOf(first.x) === 0 && /^\d{1,3}$/.test(first.s.trim());
        // Prose again: one run starting in the first column that is no row number and spans several columns.
        if (!startsRow && l.length === 1 && colOf(first.x) === 0 && first.x2 > (cols[1] ?? Infinity) + width * 2) {
          flushRow();
          cols = null;
        } else {
          if (startsRow || !row) {
            flushRow();
            row = cols.map(() => '');
            rowPage = pi + 1;
          }
          for (const g of l) {
            const c = colOf(g.x);
            row![c] += g.s.trim();
          }
          continue;
        }
      }
      out.push((l[0].x > margin + charW * 1.5 ? '\u3000\u3000' : '') + lineText(l).replace(/\t/g, ' '));
      origins.push({ page: pi + 1 });
    }
  });
  flushRow();
  return { text: out.join('\n'), lines: origins };
}

export const pdfReader: Reader = {
  format: 'pdf',
  extensions: ['.pdf'],
  read(bytes): ReadResult {
    if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
    if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf('%PDF') < 0) return { ok: false, reason: 'not a PDF file (no %PDF header)' };
    const worker = workerPath();
    if (!worker) return { ok: false, reason: 'the PDF reader is not built (run npm run build)' };
    const r = spawnSync(process.execPath, [`--max-old-space-size=${MEMORY_MB}`, worker], { input: bytes, timeout: TIMEOUT_MS, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      const why = r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT' ? `reading it took longer than ${TIMEOUT_MS / 1000} s` : `the PDF reader failed (${(r.stderr || String(r.error ?? r.signal)).trim().split('\n').pop()})`;
      return { ok: false, reason: why };
    }
    let res: { pages?: Seg[][][]; error?: string; message?: string };
    try {
      res = JSON.parse(r.stdout);
    } catch {
      return { ok: false, reason: 'the PDF reader gave no result' };
    }
    if (res.error === 'encrypted') return { ok: false, reason: 'the PDF is password-protected (encrypted): save an unprotected copy first' };
    if (res.error || !res.pages) return { ok: false, reason: `the PDF is damaged (${res.message ?? 'unreadable'})` };
    const chars = res.pages.reduce((n, p) => n + p.map(lineText).join('').replace(/\s/g, '').length, 0);
    if (chars === 0) return { ok: false, reason: `no text layer (${res.pages.length} page(s) of images, a scan?); OCR it first (e.g. ocrmypdf -l chi_sim)` };
    const { pages, removed } = dropRunning(res.pages);
    const { text, lines } = pagesToText(pages);
    if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: 'the PDF text layer holds no Chinese text (fonts without a Unicode map?); OCR it first' };
    return { ok: true, format: 'pdf', text, lines, warnings: removed ? [`${removed} running header/footer or page-number line(s) removed`] : [] };
  },
};
