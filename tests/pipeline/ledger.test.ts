/**
 * A 任务台账 as its keeper has it: the columns a ledger keeps beside the task (its status, its own task ids,
 * the plan and chapter it comes from), bare dates in the 时限 column, and the app's own exports read back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { extractPlan } from '../../src/pipeline/plan.js';
import { PlansQuery } from '../../src/query/index.js';
import { LEDGER_HEADER, ledgerRows } from '../../src/query/ledger.js';
import { csvFile } from '../../src/util/csv.js';

function rows(file: string, text: string) {
  const r = extractPlan(file, Buffer.from(text, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.tasks.map((t) => ({ text: t.text, units: t.units.map((u) => `${u.name}:${u.role}`), deadlines: t.deadlines.map((d) => d.date ?? d.raw), section: t.section.slice(1) }));
}

describe('a ledger (.csv)', () => {
  it('a 状态 column and a 任务编号 column are no part of the task; the units keep their columns', () => {
    const got = rows('台账.csv', '序号,任务编号,工作任务,牵头单位,配合单位,时限,状态\n1,RW-01,建成区级养老服务中心,区民政局,区财政局,2025年6月底前,进行中\n2,RW-02,开展老年人能力评估,区卫健委,,2025年9月底前,未开始\n');
    expect(got).toEqual([
      { text: '建成区级养老服务中心', units: ['区民政局:lead', '区财政局:support'], deadlines: ['2025-06-30'], section: [] },
      { text: '开展老年人能力评估', units: ['区卫健委:lead'], deadlines: ['2025-09-30'], section: [] },
    ]);
  });
  it('a bare date in the 时限 column is the deadline, whether or not the cells after it are empty', () => {
    const got = rows('台账.csv', '序号,重点任务,责任单位,完成时限,备注\n1,完成河道清淤,县水利局,2025年3月31日,\n2,完成堤防加固,县水利局,2025年5月31日,汛前\n3,修订防汛预案,县应急局,二季度,\n');
    expect(got.map((r) => r.deadlines)).toEqual([['2025-03-31'], ['2025-05-31'], ['2025-06-30']]);
  });
  it('a role marked after a name in a cell (市住建局（牵头）) is that unit’s role, not part of its name', () => {
    const got = rows('台账.csv', '序号,重点任务,责任单位,完成时限\n1,推进雨污分流改造,市住建局（牵头）、市水务局,2025年底前\n');
    expect(got[0].units).toEqual(['市住建局:lead', '市水务局:responsible']);
  });
  it('the 章节 column groups the tasks; the plan and source columns are not read as text', () => {
    const got = rows('台账.csv', '序号,方案,章节,工作任务,牵头单位,时限,出处\n1,甲县方案,一、补齐设施短板,新建污水管网12公里,县住建局,2025年底前,甲县.txt:12\n');
    expect(got).toEqual([{ text: '新建污水管网12公里', units: ['县住建局:lead'], deadlines: ['2025-12-31'], section: ['一、补齐设施短板'] }]);
  });
});

describe('the app’s own 任务台账 export, read back as a plan', () => {
  it('gives the same tasks, units (shared prefixes and suffixes of its lists kept) and deadlines (a recurring one dated by the 截止日期 column)', () => {
    const { kb } = loadKnowledgeBase({ corpusDir: join(import.meta.dirname, '..', '..', 'corpus'), cachePath: null });
    const q = new PlansQuery(kb);
    const csv = csvFile(LEDGER_HEADER, ledgerRows(q.tasks(), { planTag: (id) => q.planTag(id), themeLabel: (id) => q.theme(id)?.label ?? id }));
    const dir = mkdtempSync(join(tmpdir(), 'plans-ledger-'));
    writeFileSync(join(dir, 'ledger.csv'), csv);
    const { kb: back } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
    expect(back.tasks.length).toBe(kb.tasks.length);
    const key = (t: (typeof kb.tasks)[number]) => t.text.replace(/\s+/g, '');
    const byText = new Map(back.tasks.map((t) => [key(t), t]));
    let same = 0;
    for (const t of kb.tasks) {
      const b = byText.get(key(t));
      if (!b) continue;
      const units = (x: typeof t) => x.units.map((u) => `${u.canonical}:${u.role === 'responsible' && !x.units.some((v) => v.role === 'lead') ? 'lead' : u.role}`).sort();
      if (JSON.stringify(units(b)) === JSON.stringify(units(t)) && b.deadlines[0]?.date === t.deadlines[0]?.date) same++;
    }
    expect(same).toBe(kb.tasks.length);
  });
});
