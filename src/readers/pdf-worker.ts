/**
 * Runs in a child process (see pdf.ts): reads a PDF from stdin with pdfjs-dist and prints its text layer as
 * JSON: one entry per page, each a list of lines rebuilt from the text items' positions (items on one
 * baseline in x order; a wide gap between items is a table cell boundary, written as a tab).
 */
import { readFileSync } from 'node:fs';

interface Seg {
  x: number;
  x2: number;
  s: string;
}

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

async function main(): Promise<void> {
  const data = new Uint8Array(readFileSync(0));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  } catch (e) {
    const err = e as Error;
    const encrypted = err.name === 'PasswordException' || /password/i.test(err.message);
    process.stdout.write(JSON.stringify({ error: encrypted ? 'encrypted' : 'damaged', message: err.message }));
    return;
  }
  const pages: Seg[][][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    const items = (content.items as unknown as Item[]).filter((it) => typeof it.str === 'string' && it.str.length);
    // group by baseline (y), top to bottom
    const rows: Array<{ y: number; h: number; items: Item[] }> = [];
    for (const it of items) {
      const y = it.transform[5];
      const h = Math.abs(it.height) || Math.abs(it.transform[3]) || 10;
      let row = rows.find((r) => Math.abs(r.y - y) <= Math.max(2, Math.min(r.h, h) * 0.5));
      if (!row) rows.push((row = { y, h, items: [] }));
      row.items.push(it);
    }
    rows.sort((a, b) => b.y - a.y);
    // Each line as runs of text split at wide gaps (cell boundaries), with their x extents.
    const lines: Seg[][] = [];
    for (const r of rows) {
      r.items.sort((a, b) => a.transform[4] - b.transform[4]);
      const segs: Seg[] = [];
      let lastEnd: number | null = null;
      for (const it of r.items) {
        // Whitespace items (producers fill gaps with them) only separate: they are no text.
        if (!it.str.trim()) continue;
        const x = it.transform[4];
        const charW = it.str.length ? it.width / it.str.length : r.h;
        const cur = segs[segs.length - 1];
        const gap = lastEnd === null ? 0 : x - lastEnd;
        if (!cur || gap > Math.max(charW, r.h) * 0.5) segs.push({ x, x2: x + it.width, s: it.str });
        else {
          if (gap > Math.max(charW, r.h) * 0.25 && /[\w.,;:%)]$/.test(cur.s) && /^[\w(]/.test(it.str)) cur.s += ' ';
          cur.s += it.str;
          cur.x2 = x + it.width;
        }
        lastEnd = x + it.width;
      }
      const kept = segs.map((g) => ({ ...g, s: g.s.replace(/\s+$/, '') })).filter((g) => g.s.trim());
      if (kept.length) lines.push(kept);
    }
    pages.push(lines);
    page.cleanup();
  }
  await doc.destroy();
  process.stdout.write(JSON.stringify({ pages }));
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ error: 'damaged', message: (e as Error).message }));
});
