/**
 * The same plan as users get it — web page (UTF-8 and GBK), Word, PDF, and its annex as a spreadsheet
 * and CSV — gives the same obligations as the .txt. The fixtures were made from corpus/anhui.txt by real
 * producers (LibreOffice; see scripts/make-fixtures.mjs and the README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';
import type { Task } from '../../src/types.js';

const DIR = join(__dirname, '..', 'fixtures', 'formats');
const ROOT = join(__dirname, '..', '..');

function plan(file: string, bytes = readFileSync(join(DIR, file))) {
  const r = extractPlan(file, bytes);
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  return r;
}
const key = (t: Task) => t.text.replace(/\s/g, '');
/** Deadlines (date, or the recurrence when a bare table has no year to date it) and units by role. */
const sig = (t: Task, undatedYearly = false) =>
  `${t.deadlines.map((d) => (undatedYearly && d.recurring ? d.recurring : d.date ?? d.raw)).join(',')}|${t.units.map((u) => `${u.canonical}:${u.role}`).sort().join(',')}`;

const txt = plan('anhui.txt', readFileSync(join(ROOT, 'corpus', 'anhui.txt')));
const txtByKey = new Map(txt.tasks.map((t) => [key(t), t]));

describe.each(['anhui.docx', 'anhui.pdf', 'anhui.html', 'anhui-gbk.html'])('%s', (file) => {
  const r = plan(file);
  it('gives the same tasks, deadlines and units by role as the .txt, and the annex its 21 rows', () => {
    expect(r.tasks.length).toBe(txt.tasks.length);
    expect(r.tasks.filter((t) => t.source.origin === 'annex').map((t) => t.source.row)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const differ = r.tasks.filter((t) => !txtByKey.has(key(t)) || sig(txtByKey.get(key(t))!) !== sig(t)).map((t) => t.text.slice(0, 30));
    expect(differ).toEqual([]);
  });
  it('records the format and where each task stands', () => {
    const t = r.tasks.find((x) => x.source.origin === 'annex')!;
    expect(t.source.format).toBe(file.endsWith('.pdf') ? 'pdf' : file.endsWith('.docx') ? 'docx' : 'html');
    if (file.endsWith('.pdf')) expect(r.tasks.every((x) => (x.source.page ?? 0) >= 1)).toBe(true);
    else {
      expect(t.source.tableRow).toBe(2); // row 1 of the Word/HTML table is its header
      expect(r.tasks.filter((x) => x.source.origin === 'prose').every((x) => (x.source.paragraph ?? 0) >= 1)).toBe(true);
    }
  });
});

describe('anhui.pdf', () => {
  it('drops the running header and the page numbers, and joins the hard wraps', () => {
    const r = plan('anhui.pdf');
    expect(r.plan.warnings.join(' ')).toMatch(/running header\/footer or page-number line/);
    expect(r.tasks.some((t) => /安徽省人民政府办公厅文件|— \d+ —/.test(t.text))).toBe(false);
    expect(new Set(r.tasks.map((t) => t.source.page)).size).toBeGreaterThan(2);
  });
});

describe.each(['anhui-annex.xlsx', 'anhui-annex.csv'])('%s (the annex alone)', (file) => {
  const r = plan(file);
  it('gives the 21 rows with the deadlines and units by role of the .txt annex', () => {
    const rows = r.tasks.filter((t) => t.source.origin === 'annex');
    expect(rows.map((t) => t.source.row)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
    const differ = rows.filter((t) => sig(txtByKey.get(key(t))!, true) !== sig(t, true)).map((t) => t.text.slice(0, 30));
    expect(differ).toEqual([]);
  });
  it('the sheet title row is the table title', () => {
    expect(r.tasks[0].section[0]).toBe('安徽省政务信息系统整合共享具体任务分解表');
  });
});
