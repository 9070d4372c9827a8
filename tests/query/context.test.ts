import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { CONTEXT_MARGIN, CONTEXT_SPAN_MAX, PlansQuery } from '../../src/query/index.js';
import { previewLines } from '../../src/tui/views/search.js';
import { corpusReader } from '../../src/kb/source.js';

const TASK = '2019年6月底前，完成全省政务数据资源普查（省大数据局牵头）';
const FILLER = '各地区各部门要高度重视数据资源管理工作，切实加强组织领导';

function queryFor(text: string): PlansQuery {
  const dir = mkdtempSync(join(tmpdir(), 'plans-ctx-'));
  writeFileSync(join(dir, 'one.txt'), text);
  const { kb } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
  return new PlansQuery(kb, { source: corpusReader(dir) });
}

describe('source context of a task in a huge paragraph', () => {
  it('is a window around the span, cut with … on both sides, the span still marked', () => {
    const before = FILLER.repeat(5000);
    const after = FILLER.repeat(5000);
    const q = queryFor(`某某省数据资源统筹管理工作方案\n${before}。${TASK}${after}\n`);
    const task = q.tasks().find((t) => t.text.includes('全省政务数据资源普查'));
    expect(task).toBeDefined();
    const ctx = q.context(task!)!;
    expect(ctx.paragraph.length).toBeLessThanOrEqual(2 * CONTEXT_MARGIN + (task!.source.end - task!.source.start) + 2);
    expect(ctx.paragraph.startsWith('…')).toBe(true);
    expect(ctx.paragraph.endsWith('…')).toBe(true);
    expect(ctx.paragraph.slice(ctx.start, ctx.end)).toContain('完成全省政务数据资源普查');
  });
  it('a short paragraph is kept whole', () => {
    const q = queryFor(`某某省数据资源统筹管理工作方案\n${FILLER}。${TASK}\n`);
    const task = q.tasks()[0];
    const ctx = q.context(task)!;
    expect(ctx.paragraph).toBe(`${FILLER}。${TASK}`);
    expect(ctx.paragraph.slice(ctx.start, ctx.end)).toContain(TASK.slice(0, 10));
  });
  it('the search preview of a task in a 20 MB line is built without overflowing the stack', () => {
    const q = queryFor(TASK + FILLER.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(FILLER))));
    const task = q.tasks()[0];
    const lines = previewLines(q, { task, score: 0, ranges: [] }, 78);
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.length).toBeLessThan((2 * CONTEXT_MARGIN + CONTEXT_SPAN_MAX) / 10);
  });
});

describe('reading source files ahead (prefetchContext)', () => {
  it('reads a text plan ahead, never a PDF or a spreadsheet', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-prefetch-'));
    writeFileSync(join(dir, 'one.txt'), `某某省数据资源统筹管理工作方案\n${TASK}\n`);
    const { kb } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
    const real = corpusReader(dir);
    const read: string[] = [];
    const source = Object.assign((file: string) => (read.push(file), real(file)), { cheap: real.cheap });
    // The same plan, as if it had come from a PDF and from a spreadsheet.
    const plan = kb.plans[0];
    const kb2 = { ...kb, plans: [plan, { ...plan, id: 'p-pdf', file: 'one.pdf' }, { ...plan, id: 'p-xlsx', file: 'one.xlsx' }] };
    const q = new PlansQuery(kb2, { source });
    q.prefetchContext('p-pdf');
    q.prefetchContext('p-xlsx');
    expect(read).toEqual([]);
    q.prefetchContext(plan.id);
    expect(read).toEqual(['one.txt']);
    expect(real.cheap!('a.docx') && real.cheap!('a.html') && real.cheap!('noext')).toBe(true);
  });
});

describe('a preview that may not read files (the first frame)', () => {
  it('shows the source paragraph only once its file has been read', () => {
    const q = queryFor(`某某省数据资源统筹管理工作方案\n${FILLER}。${TASK}\n`);
    const task = q.tasks()[0];
    const has = (lines: ReturnType<typeof previewLines>) => lines.some((l) => l.some((s) => s.text.includes(FILLER)));
    expect(q.context(task, { onlyLoaded: true })).toBeNull();
    expect(has(previewLines(q, { task, score: 0, ranges: [] }, 78, false))).toBe(false);
    q.prefetchContext(task.planId);
    expect(q.context(task, { onlyLoaded: true })?.paragraph).toBe(`${FILLER}。${TASK}`);
    expect(has(previewLines(q, { task, score: 0, ranges: [] }, 78, false))).toBe(true);
  });
});
