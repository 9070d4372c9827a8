import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leadsOf, ROLE_LABEL } from '../../src/domain/roles.js';
import { deadlineBrief, deadlineInline, deadlineLabel, deadlineLine, deadlineShort } from '../../src/domain/deadline-format.js';
import { detailMarkdown } from '../../src/tui/markdown.js';
import { PlansQuery } from '../../src/query/index.js';
import type { Deadline, KnowledgeBase, Role, Task } from '../../src/types.js';

const SRC = join(import.meta.dirname, '..', '..', 'src');
function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}
/** Files of src/ (relative) whose text matches `re`. */
function definedIn(re: RegExp): string[] {
  return sources()
    .filter((p) => re.test(readFileSync(p, 'utf8')))
    .map((p) => relative(SRC, p));
}

const dl = (date: string | null, recurring: Deadline['recurring'], precision: Deadline['precision'] = 'month', raw = '原文'): Deadline => ({ raw, date, recurring, precision });

describe('domain: one vocabulary', () => {
  it('grep finds one definition of the role labels, of next-occurrence and of "today"', () => {
    expect(definedIn(/ROLE_LABEL\s*(:[^=]+)?=/)).toEqual(['domain/roles.ts']);
    expect(definedIn(/function nextOccurrence\b/)).toEqual(['domain/recurrence.ts']);
    expect(definedIn(/function (today|todayIso|localToday)\b/)).toEqual(['domain/today.ts']);
    expect(definedIn(/toISOString\(\)\.slice\(0, 10\)/).filter((f) => !f.startsWith('domain/'))).toEqual([]);
    // 督导 is never a label; the extractor reads it in plan texts as a supervising verb.
    expect(definedIn(/督导/).filter((f) => !f.startsWith('pipeline/'))).toEqual([]);
    // recurrence labels are written in one table (domain/deadline-format.ts), not per view (the pipeline parses these words)
    expect(definedIn(/'每半年'|'每年'|'（每年）'|每年两次/).filter((f) => !f.startsWith('pipeline/'))).toEqual(['domain/deadline-format.ts']);
  });

  it('supervise is 督查 in the detail markdown (TUI) as in the CLI and the checklist', () => {
    expect(ROLE_LABEL.supervise).toBe('督查');
    const t: Task = {
      id: 'p-1',
      planId: 'p',
      kind: 'task',
      section: [],
      text: '加强督查',
      deadlines: [],
      units: [{ name: '省政府督查室', canonical: '省政府督查室', kind: '督查', role: 'supervise' }],
      themes: [],
      source: { file: 'p.txt', start: 0, end: 1, line: 1, origin: 'prose', row: null },
      restates: null,
    };
    const kb: KnowledgeBase = { version: 1, plans: [{ id: 'p', province: '河北省', place: '河北省', title: null, docNumber: null, issuer: null, issuedOn: null, file: 'p.txt', warnings: [] }], tasks: [t], units: [], themes: [] };
    expect(detailMarkdown(new PlansQuery(kb), t, null)).toContain('• 督查：省政府督查室');
  });

  it('deadline labels: row label, CLI line and short form for every recurrence', () => {
    expect(deadlineLabel([])).toBe('—');
    expect(deadlineLabel([dl('2018-06-30', null), dl('2017-12-31', null)])).toBe('2017-12');
    expect(deadlineLabel([dl('2017-12-31', null, 'day')])).toBe('2017-12-31');
    expect(deadlineLabel([dl('2018-12-31', null, 'year')])).toBe('2018');
    expect(deadlineLabel([dl('2017-12-31', 'yearly')])).toBe('每年12-31');
    // a yearly end of February (每年10月至次年2月, first due in a leap year) is no 29 February of every year
    expect(deadlineLabel([dl('2024-02-29', 'yearly')])).toBe('每年02月底');
    expect(deadlineLabel([dl('2023-02-28', 'yearly')])).toBe('每年02月底');
    expect(deadlineLabel([dl('2023-02-20', 'yearly')])).toBe('每年02-20');
    expect(deadlineLabel([dl('2017-06-30', 'twice-yearly')])).toBe('每半年06-30');
    expect(deadlineLabel([dl('2018-03-31', 'quarterly')])).toBe('每季度03-31');
    expect(deadlineLabel([dl('2018-01-31', 'monthly')])).toBe('每月31日');
    expect(deadlineLabel([dl(null, null, 'month', '长期\n坚持')])).toBe('长期 坚持');
    expect(deadlineLine(dl('2017-06-30', 'twice-yearly', 'half', '每半年'))).toBe('每半年 → 2017-06-30 (每半年) [half]');
    expect(deadlineShort([dl(null, null, 'month', '长期'), dl('2018-06-30', null)])).toBe('2018-06-30');
    expect(deadlineShort([dl(null, null, 'month', '长期')])).toBe('长期');
    // the CLI's line: the short form and how the task recurs (a monthly report beside a yearly one)
    expect(deadlineBrief([dl(null, 'monthly', 'day', '每月5日前'), dl('2023-12-20', 'yearly', 'day')])).toBe('2023-12-20（每月、每年）');
    expect(deadlineBrief([dl(null, 'monthly', 'day', '次月5日前')])).toBe('次月5日前（每月）');
    expect(deadlineBrief([dl('2023-06-30', null)])).toBe('2023-06-30');
    expect(deadlineBrief([])).toBe('');
    expect(deadlineInline(dl('2018-03-31', 'quarterly', 'month', '每季度末'))).toBe('每季度末 → 2018-03-31（每季度）');
    expect(deadlineInline(dl('2018-01-31', 'monthly', 'month', '每月\n底'))).toBe('每月 底 → 2018-01-31（每月）');
    expect(deadlineInline(dl(null, null, 'month', '长期'))).toBe('长期');
  });
});

describe('leadsOf: what a 牵头单位 column shows', () => {
  const u = (name: string, role: Role) => ({ name, role });
  it('the lead units, else the responsible ones, never a 配合 or 督查 unit; in the order named', () => {
    expect(leadsOf([u('甲', 'support'), u('乙', 'lead'), u('丙', 'responsible'), u('丁', 'lead')]).map((x) => x.name)).toEqual(['乙', '丁']);
    expect(leadsOf([u('甲', 'support'), u('丙', 'responsible')]).map((x) => x.name)).toEqual(['丙']);
    expect(leadsOf([u('甲', 'support'), u('戊', 'supervise')])).toEqual([]);
  });
});
