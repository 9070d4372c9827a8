import { describe, expect, it } from 'vitest';
import { nextOccurrence } from '../../src/domain/recurrence.js';
import { applyChange, cycleStatus, emptyChecklist, ensureEntry, groupItems, migrate, reconcile, relinkEntry, resolveMine, similarity, SimilarityIndex, snapshotOf, summarize, unitCandidates } from '../../src/checklist/model.js';
import { ROOT, syntheticKb } from './helpers.js';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const NOW = '2026-01-01T00:00:00.000Z';
const tag = (p: string) => (p === 'anhui' ? '安徽' : '河北');

describe('checklist model', () => {
  it('cycles 待办 → 进行中 → 已完成 → 不适用 → 待办', () => {
    expect(['todo', 'doing', 'done', 'na'].map((s) => cycleStatus(s as never))).toEqual(['doing', 'done', 'na', 'todo']);
  });

  it('resolves my tasks from kinds and plan-scoped units, with roles and overdue / due-soon marks', () => {
    const kb = syntheticKb();
    const d = emptyChecklist();
    d.units = [{ type: 'kind', value: '审计' }];
    let items = resolveMine(kb, d, { asOf: '2018-01-15', planTag: tag });
    expect(items.map((i) => [i.taskId, i.roles.join()])).toEqual([
      ['ah-001', 'lead'],
      ['ah-002', 'supervise'],
      ['hb-001', 'responsible'],
    ]);
    const byId = Object.fromEntries(items.map((i) => [i.taskId, i]));
    expect(byId['ah-002'].effectiveDue).toBe('2018-12-31'); // yearly: next occurrence
    expect(byId['hb-001'].effectiveDue).toBe('2018-01-31'); // twice-yearly, due within 30 days
    expect(byId['hb-001'].dueSoon).toBe(true);
    expect(byId['ah-001'].overdue).toBe(false);
    d.units = [{ type: 'unit', value: '省财政厅', planId: 'hebei' }];
    items = resolveMine(kb, d, { asOf: '2018-07-15' });
    expect(items.map((i) => i.taskId)).toEqual(['hb-001', 'hb-002']);
    // my due date wins over the task's deadline
    applyChange(ensureEntry(d, 'hb-002', NOW, 'units', null), { due: '2018-07-01' }, NOW);
    items = resolveMine(kb, d, { asOf: '2018-07-15' });
    expect(items.find((i) => i.taskId === 'hb-002')).toMatchObject({ effectiveDue: '2018-07-01', overdue: true });
    const s = summarize(items, '2018-07-15');
    expect(s).toMatchObject({ total: 2, done: 0, overdue: 1, dueSoon: 1 }); // hb-001 recurs: next 2018-07-31
    expect(groupItems(items, 'deadline', '2018-07-15').map((g) => g.label)).toEqual(['已逾期 Overdue', '30天内到期 Due within 30 days']);
  });

  it('recurring deadlines step to the next occurrence (month ends clamp)', () => {
    expect(nextOccurrence({ raw: '', date: '2017-12-31', recurring: 'yearly', precision: 'year' }, '2020-03-01')).toBe('2020-12-31');
    expect(nextOccurrence({ raw: '', date: '2017-08-31', recurring: 'twice-yearly', precision: 'month' }, '2018-01-01')).toBe('2018-02-28');
    expect(nextOccurrence({ raw: '', date: '2017-08-31', recurring: null, precision: 'month' }, '2018-01-01')).toBe('2017-08-31');
  });

  it('records history only for real changes', () => {
    const d = emptyChecklist();
    const e = ensureEntry(d, 'x', NOW, 'manual', null);
    expect(applyChange(e, { status: 'todo', note: '' }, NOW)).toBe(false);
    expect(applyChange(e, { status: 'done', note: 'n' }, NOW)).toBe(true);
    expect(e.history.map((h) => `${h.field}:${h.from}→${h.to}`)).toEqual(['added:null→manual', 'status:todo→done', 'note:→n']);
    expect(() => applyChange(e, { due: '2018-02-30x' }, NOW)).toThrow(/due date/);
  });

  it('orphans entries whose task vanished (never on an empty KB), un-orphans them when it returns, re-links by similarity', () => {
    const kb = syntheticKb();
    const d = emptyChecklist();
    const t = kb.tasks.find((x) => x.id === 'ah-001')!;
    applyChange(ensureEntry(d, 'ah-001', NOW, 'units', snapshotOf(t, '安徽')), { status: 'doing', note: 'keep me' }, NOW);
    expect(reconcile(d, { ...kb, tasks: [] }, tag, NOW)).toBe(false);
    const edited = { ...kb, tasks: kb.tasks.map((x) => (x.id === 'ah-001' ? { ...x, id: 'ah-001b', text: '开展政务信息系统审计，重点审计信息系统整合共享和数据开放情况。' } : x)) };
    expect(reconcile(d, edited, tag, NOW)).toBe(true);
    expect(d.entries['ah-001'].orphanedAt).toBe(NOW);
    const items = resolveMine(edited, d, { asOf: '2018-01-01' });
    const o = items.find((i) => i.taskId === 'ah-001')!;
    expect(o).toMatchObject({ orphan: true, status: 'doing', note: 'keep me', text: t.text });
    expect(o.suggestion?.taskId).toBe('ah-001b');
    expect(o.suggestion!.score).toBeGreaterThan(0.7);
    relinkEntry(d, 'ah-001', 'ah-001b', snapshotOf(edited.tasks[0], '安徽'), NOW);
    expect(d.entries['ah-001']).toBeUndefined();
    expect(d.entries['ah-001b']).toMatchObject({ status: 'doing', note: 'keep me', orphanedAt: null });
    // the task coming back un-orphans an entry
    const d2 = emptyChecklist();
    ensureEntry(d2, 'ah-001', NOW, 'units', null).orphanedAt = NOW;
    expect(reconcile(d2, kb, tag, NOW)).toBe(true);
    expect(d2.entries['ah-001'].orphanedAt).toBeNull();
  });

  it('the similarity index ranks as similarity() over every task would (same scores, same order)', () => {
    const kb = loadKnowledgeBase({ corpusDir: join(ROOT, 'corpus'), cachePath: null }).kb;
    const ix = new SimilarityIndex(kb.tasks);
    const queries = [...kb.tasks.slice(0, 40).map((t) => t.text.replace(/推进/g, '推动') + '（新）'), '审', '！', '𠀀𠀁 未见过的字', '', '“审计”：', kb.tasks[3].text];
    for (const q of queries) {
      for (const plan of [null, kb.tasks[0].planId]) {
        const want = kb.tasks
          .map((task) => ({ task, score: similarity(q, task.text) * (plan && task.planId !== plan ? 0.85 : 1) }))
          .filter((x) => x.score >= 0.2)
          .sort((a, b) => b.score - a.score)
          .slice(0, 5);
        const got = ix.rank(q, plan, 5);
        expect(got.map((x) => x.score), q).toEqual(want.map((x) => x.score));
        expect(new Set(got.map((x) => x.task.id)).size).toBe(got.length);
      }
    }
  });

  it('similarity ranks an edited paragraph far above unrelated tasks', () => {
    const a = '开展政务信息系统审计，重点审计信息系统整合共享情况。';
    expect(similarity(a, a)).toBe(1);
    expect(similarity(a, '开展政务信息系统审计，重点审计整合共享情况。')).toBeGreaterThan(0.8);
    expect(similarity(a, '推进公共数据资源开放，建设统一的数据开放网站。')).toBeLessThan(0.2);
  });

  it('unit picker: kinds first, then per-plan units; substring, alias and in-order fuzzy matches', () => {
    const kb = syntheticKb();
    const c = unitCandidates(kb, '审计', tag);
    expect(c[0]).toMatchObject({ unit: { type: 'kind', value: '审计' }, tasks: 3 });
    expect(c.slice(1).map((x) => x.label)).toEqual(['安徽 省审计厅', '河北 省审计厅']);
    expect(unitCandidates(kb, '安徽审计', tag)[0].label).toBe('安徽 省审计厅');
    expect(unitCandidates(kb, '省发改委', tag)[0].unit).toEqual({ type: 'unit', value: '省发展改革委', planId: 'anhui' });
    expect(unitCandidates(kb, '审厅', tag).map((x) => x.label)).toContain('河北 省审计厅');
  });

  it('migrate refuses non-checklists and newer versions', () => {
    expect(() => migrate({ foo: 1 }, NOW)).toThrow(/not a checklist/);
    expect(() => migrate({ version: 2, units: [], entries: {} }, NOW)).toThrow(/newer version/);
    expect(migrate({ version: 1, units: [], entries: {}, updatedAt: null }, NOW).migratedFrom).toBeNull();
  });
});
