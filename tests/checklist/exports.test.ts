import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { applyChange, emptyChecklist, ensureEntry, resolveMine, snapshotOf, type ChecklistData } from '../../src/checklist/model.js';
import { toCsv, CSV_HEADER } from '../../src/checklist/export/csv.js';
import { toMarkdown } from '../../src/checklist/export/md.js';
import { toXlsx, XLSX_HEADER } from '../../src/checklist/export/xlsx.js';
import { foldLine, toIcs } from '../../src/checklist/export/ics.js';
import type { ExportInput } from '../../src/checklist/export/common.js';
import { syntheticKb } from './helpers.js';
import { parseCsv } from '../csv.js';

function input(): ExportInput {
  const kb = syntheticKb();
  const d: ChecklistData = emptyChecklist();
  d.units = [{ type: 'kind', value: '审计' }];
  const now = '2026-01-10T02:00:00.000Z';
  const t = (id: string) => kb.tasks.find((x) => x.id === id)!;
  applyChange(ensureEntry(d, 'ah-001', now, 'units', snapshotOf(t('ah-001'), '安徽')), { status: 'done', note: '已报送，见"皖审〔2018〕1号"\n第二行' }, now);
  applyChange(ensureEntry(d, 'hb-001', now, 'units', snapshotOf(t('hb-001'), '河北')), { status: 'doing', due: '2026-03-31', note: '=SUM(A1)' }, now);
  applyChange(ensureEntry(d, 'ah-003', now, 'manual', snapshotOf(t('ah-003'), '安徽')), { status: 'todo' }, now);
  // an orphan: its task is gone from the KB
  const gone = ensureEntry(d, 'ah-gone', now, 'units', { ...snapshotOf(t('ah-001'), '安徽'), text: '已删除的任务：开展审计。' });
  gone.orphanedAt = now;
  const tag = (p: string) => (p === 'anhui' ? '安徽' : '河北');
  const items = resolveMine(kb, d, { asOf: '2026-01-15', planTag: tag });
  return { items, units: d.units, unitLabels: ['审计（类）'], asOf: '2026-01-15', generatedAt: new Date('2026-01-15T08:30:00Z'), planTitle: (p) => kb.plans.find((x) => x.id === p)?.title ?? null };
}

/** RFC 4180 parser (quotes, doubled quotes, CRLF inside quotes). */
/** Minimal RFC 5545 reader: checks physical lines, unfolds, splits components and properties. */
function parseIcs(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const l of physical) {
    expect(l.includes('\n') || l.includes('\r'), 'bare LF/CR').toBe(false);
    expect(Buffer.byteLength(l, 'utf8'), `line over 75 octets: ${l}`).toBeLessThanOrEqual(75);
  }
  const logical: string[] = [];
  for (const l of physical) {
    if (l.startsWith(' ') || l.startsWith('\t')) logical[logical.length - 1] += l.slice(1);
    else logical.push(l);
  }
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
  type Comp = { name: string; props: { name: string; params: string; value: string }[]; children: Comp[] };
  const stack: Comp[] = [{ name: 'ROOT', props: [], children: [] }];
  for (const l of logical) {
    const m = /^([A-Z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(l);
    expect(m, `bad content line: ${l}`).not.toBeNull();
    const [, name, params, value] = m!;
    if (name === 'BEGIN') {
      const c: Comp = { name: value, props: [], children: [] };
      stack[stack.length - 1].children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.name).toBe(value);
    } else stack[stack.length - 1].props.push({ name, params, value: unescape(value) });
  }
  expect(stack.length).toBe(1);
  return stack[0].children;
}

describe('checklist exports', () => {
  it('CSV: UTF-8 with BOM, CRLF, parses back with every field intact', () => {
    const csv = toCsv(input());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual(CSV_HEADER);
    const byId = new Map(rows.slice(1).map((r) => [r[1], r]));
    expect(rows.length).toBe(1 + 5); // ah-001, ah-002 (审计 督查), ah-003 (manual), hb-001, orphan
    const a = byId.get('ah-001')!;
    expect(a[2]).toBe('安徽');
    expect(a[3]).toBe('开展政务信息系统审计，重点审计信息系统整合共享情况。');
    expect(a[4]).toBe('牵头');
    expect(a[5]).toBe('省审计厅');
    expect(a[6]).toBe('省财政厅');
    expect(a[7]).toBe('2018年6月底前');
    expect(a[10]).toBe('已完成');
    expect(a[11]).toBe('已报送，见"皖审〔2018〕1号"\n第二行');
    expect(byId.get('hb-001')![9]).toBe('2026-03-31');
    expect(byId.get('hb-001')![11]).toBe("'=SUM(A1)"); // formula injection neutralised
    expect(byId.get('ah-gone')![12]).toBe('是');
    expect(byId.get('ah-003')![3]).toContain('逗号,分号;和反斜杠\\');
  });

  it('Markdown report: summary, tables per plan, orphans marked', () => {
    const md = toMarkdown(input());
    expect(md).toMatch(/^# 我的清单/);
    expect(md).toContain('完成：1/5');
    expect(md).toContain('## 安徽　安徽省政务信息系统整合共享实施方案');
    expect(md).toContain('## 孤立条目');
    expect(md).toContain('已报送，见"皖审〔2018〕1号"<br>第二行');
    expect(md).toContain('`hb-001`');
    for (const line of md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 序号'))) expect(line.split(/(?<!\\)\|/).length).toBe(10);
  });

  it('xlsx: a 任务台账 that exceljs opens, frozen header, sized columns, history sheet', async () => {
    const buf = await toXlsx(input());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as any);
    const ws = wb.getWorksheet('任务台账')!;
    expect(ws).toBeDefined();
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    expect(head.slice(0, 7)).toEqual(['序号', '工作任务', '牵头单位', '配合单位', '时限', '状态', '备注']);
    expect(head).toEqual(XLSX_HEADER);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBeGreaterThan(30);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(6);
    expect(ws.rowCount).toBe(6);
    const rows = [2, 3, 4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    const a = rows.find((r) => r[10] === 'ah-001')!;
    expect(a).toEqual([expect.any(Number), '开展政务信息系统审计，重点审计信息系统整合共享情况。', '省审计厅', '省财政厅', '2018年6月底前', '已完成', '已报送，见"皖审〔2018〕1号"\n第二行', '安徽', expect.anything(), undefined, 'ah-001']);
    expect(rows.find((r) => r[10] === 'ah-gone')![1]).toMatch(/^【原任务已变更】/);
    expect(rows.map((r) => r[0])).toEqual([1, 2, 3, 4, 5]);
    const hs = wb.getWorksheet('变更记录')!;
    expect(hs.rowCount).toBeGreaterThan(5);
  });

  it('xlsx: 截止日期 and 我的期限 are real Excel date cells (yyyy-mm-dd), read back with exceljs', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsx(input())) as any);
    const ws = wb.getWorksheet('任务台账')!;
    const col = (name: string) => XLSX_HEADER.indexOf(name) + 1;
    expect(col('截止日期')).toBeGreaterThan(0);
    const rowOf = (id: string) => [2, 3, 4, 5, 6].map((r) => ws.getRow(r)).find((r) => r.getCell(col('任务编号')).value === id)!;
    const deadline = rowOf('ah-001').getCell(col('截止日期'));
    expect(deadline.type).toBe(ExcelJS.ValueType.Date);
    expect(deadline.numFmt).toBe('yyyy-mm-dd');
    expect((deadline.value as Date).toISOString().slice(0, 10)).toBe('2018-06-30');
    const due = rowOf('hb-001').getCell(col('我的期限'));
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect((due.value as Date).toISOString().slice(0, 10)).toBe('2026-03-31');
    // no date: an empty cell, not an empty string or a bogus date
    expect(rowOf('ah-001').getCell(col('我的期限')).type).toBe(ExcelJS.ValueType.Null);
  });

  it('ics: valid for Outlook (CRLF, 75-octet folding, escaping, DTSTAMP, UID, RRULE)', () => {
    const ics = toIcs(input());
    const [cal] = parseIcs(ics);
    expect(cal.name).toBe('VCALENDAR');
    const p = (c: { props: { name: string; value: string }[] }, n: string) => c.props.find((x) => x.name === n)?.value;
    expect(p(cal, 'VERSION')).toBe('2.0');
    expect(p(cal, 'PRODID')).toBeTruthy();
    const evs = cal.children.filter((c) => c.name === 'VEVENT');
    const uids = evs.map((e) => p(e, 'UID'));
    expect(new Set(uids).size).toBe(uids.length);
    for (const e of evs) {
      expect(p(e, 'DTSTAMP')).toBe('20260115T083000Z');
      expect(p(e, 'DTSTART')).toMatch(/^\d{8}$/);
      expect(e.props.find((x) => x.name === 'DTSTART')!.params).toBe(';VALUE=DATE');
    }
    const yearly = evs.find((e) => p(e, 'UID')!.startsWith('ah-002-d0'))!;
    expect(p(yearly, 'RRULE')).toBe('FREQ=YEARLY');
    expect(p(yearly, 'DTSTART')).toBe('20171231');
    const half = evs.find((e) => p(e, 'UID')!.startsWith('hb-001-d0'))!;
    expect(p(half, 'RRULE')).toBe('FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1');
    const mine = evs.find((e) => p(e, 'UID')!.startsWith('hb-001-mine'))!;
    expect(p(mine, 'DTSTART')).toBe('20260331');
    expect(p(mine, 'SUMMARY')).toContain('我的期限');
    const done = evs.find((e) => p(e, 'UID')!.startsWith('ah-001-d0'))!;
    expect(p(done, 'SUMMARY')).toMatch(/^【已完成】\[安徽\]/);
    expect(p(done, 'DESCRIPTION')).toContain('备注：已报送，见"皖审〔2018〕1号"\n第二行');
    const escaped = evs.find((e) => p(e, 'UID')!.startsWith('ah-003-d0'))!;
    expect(p(escaped, 'DESCRIPTION')).toContain('逗号,分号;和反斜杠\\');
    expect(ics).toContain('逗号\\,分号\\;和反斜杠\\\\');
  });

  it('ics: ical.js (the parser Thunderbird uses) reads it and expands the recurrences', () => {
    const comp = new ICAL.Component(ICAL.parse(toIcs(input())));
    const events = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.length).toBeGreaterThanOrEqual(5);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const yearly = byUid.get('ah-002-d0@plans.local')!;
    expect(yearly.isRecurring()).toBe(true);
    const it1 = yearly.iterator();
    expect([1, 2, 3].map(() => it1.next()!.toString())).toEqual(['2017-12-31', '2018-12-31', '2019-12-31']);
    const half = byUid.get('hb-001-d0@plans.local')!;
    const it2 = half.iterator();
    expect([1, 2, 3, 4].map(() => it2.next()!.toString())).toEqual(['2018-01-31', '2018-07-31', '2019-01-31', '2019-07-31']);
    const done = byUid.get('ah-001-d0@plans.local')!;
    expect(done.startDate.isDate).toBe(true);
    expect(done.summary).toMatch(/^【已完成】\[安徽\] 开展政务信息系统审计/);
    expect(done.description).toContain('备注：已报送，见"皖审〔2018〕1号"\n第二行');
    expect(byUid.get('ah-003-d0@plans.local')!.description).toContain('逗号,分号;和反斜杠\\');
  });

  it('ics folding never splits a UTF-8 character', () => {
    const line = 'SUMMARY:' + '审计'.repeat(100);
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
  });
});
