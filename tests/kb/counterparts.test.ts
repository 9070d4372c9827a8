/**
 * Counterparts against requirements annotated by reading the five plans (tests/gold/counterparts.json: an
 * independent annotator, 44 requirements, 26 of them in only some plans). Precision and recall of the
 * returned counterparts are printed; the floors here keep what was measured from slipping.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clausesOf, computeCounterparts, COUNTERPART_THRESHOLD, CounterpartInputs, streamCounterparts, type CounterpartInput } from '../../src/kb/counterparts.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { Task } from '../../src/types.js';

const ROOT = join(__dirname, '..', '..');
const { kb } = loadKnowledgeBase({ corpusDir: join(ROOT, 'corpus'), cachePath: null });
const gold = JSON.parse(readFileSync(join(ROOT, 'tests', 'gold', 'counterparts.json'), 'utf8')) as { requirements: Req[] };
const find = (plan: string, snip: string) => kb.tasks.find((t) => t.planId === plan && t.source.origin === 'prose' && t.text.includes(snip));

type Req = { id: string; plans: Record<string, string | null> };
/**
 * For each annotated requirement, each plan a that has it (its task ta, found by the snippet) and each other
 * plan b: the counterparts of ta in b that answer the clause holding the snippet (a counterpart without
 * `clauses` answers the whole task). A hit when one of them is b's annotated task; the others are false
 * counterparts; a miss when b has the requirement and none of them is its task. `task`: the same with only
 * the best counterpart of ta in b, whatever clause (how it was scored when a task had one per plan).
 */
function score(reqs: Req[], t2c: (t: Task) => Task['counterparts'] = (t) => t.counterparts) {
  const m = { clause: { tp: 0, fp: 0, fn: 0 }, task: { tp: 0, fp: 0, fn: 0 } };
  for (const r of reqs) {
    for (const [a, snip] of Object.entries(r.plans)) {
      const ta = snip ? find(a, snip) : undefined;
      if (!ta || !snip) continue;
      const pos = ta.text.indexOf(snip);
      const end = pos + snip.length;
      for (const [b, snipB] of Object.entries(r.plans)) {
        if (b === a) continue;
        const want = snipB ? find(b, snipB) : undefined;
        const inB = (t2c(ta) ?? []).filter((c) => c.planId === b);
        const sets = { clause: inB.filter((c) => !c.clauses || c.clauses.some(([s, e]) => s < end && e > pos)), task: inB.slice(0, 1) };
        for (const k of ['clause', 'task'] as const) {
          const got = sets[k];
          const hit = !!want && got.some((c) => c.taskId === want.id);
          m[k].tp += hit ? 1 : 0;
          m[k].fp += got.length - (hit ? 1 : 0);
          m[k].fn += want && !hit ? 1 : 0;
        }
      }
    }
  }
  const pr = (x: { tp: number; fp: number; fn: number }) => ({ ...x, precision: x.tp / (x.tp + x.fp), recall: x.tp / (x.tp + x.fn) });
  return { clause: pr(m.clause), task: pr(m.task) };
}

describe('counterparts on the bundled plans', () => {
  it('precision and recall against the reading annotation', () => {
    const { clause, task } = score(gold.requirements);
    console.log(`[measure] counterparts vs reading annotation, per requirement clause: precision ${clause.precision.toFixed(3)}, recall ${clause.recall.toFixed(3)} (tp ${clause.tp}, fp ${clause.fp}, fn ${clause.fn})`);
    console.log(`[measure] …per task (the best counterpart in each plan, whatever clause): precision ${task.precision.toFixed(3)}, recall ${task.recall.toFixed(3)}`);
    expect(clause.precision).toBeGreaterThanOrEqual(0.86);
    expect(clause.recall).toBeGreaterThanOrEqual(0.64);
  });
  it('the threshold, calibrated on one half of the annotation, holds on the other', () => {
    const blank = kb.tasks.map((t) => ({ ...t, counterparts: undefined }));
    const halves = [gold.requirements.filter((_, i) => i % 2 === 0), gold.requirements.filter((_, i) => i % 2 === 1)];
    const grid = [0.2, 0.25, 0.3, 0.35, 0.4, 0.5];
    const at = grid.map((threshold) => {
      const m = computeCounterparts(blank, { threshold });
      return halves.map((h) => score(h, (t) => m.get(t.id)).clause);
    });
    const f1 = (x: { precision: number; recall: number }) => (2 * x.precision * x.recall) / (x.precision + x.recall);
    for (const [fit, check] of [[0, 1], [1, 0]]) {
      const k = at.reduce((b, r, i) => (f1(r[fit]) > f1(at[b][fit]) ? i : b), 0);
      const [f, c] = [at[k][fit], at[k][check]];
      console.log(`[measure] threshold fitted on half ${fit} (F1): ${grid[k]}; half ${fit} precision ${f.precision.toFixed(3)} recall ${f.recall.toFixed(3)}; held-out half ${check} precision ${c.precision.toFixed(3)} recall ${c.recall.toFixed(3)}`);
      expect(Math.abs(grid[k] - COUNTERPART_THRESHOLD)).toBeLessThanOrEqual(0.1);
    }
  });
  it('the zombie-system clean-up of 安徽 has its counterparts in 河北, 湖南 and 重庆', () => {
    const t = find('anhui', '“僵尸”信息系统的清理工作')!;
    const plans = (t.counterparts ?? []).map((c) => c.planId).sort();
    expect(plans).toEqual(expect.arrayContaining(['chongqing', 'hebei', 'hunan']));
    for (const c of t.counterparts ?? []) expect(c.score).toBeGreaterThan(0.3);
  });
  it('is stable: the same corpus gives the same counterparts', () => {
    const again = computeCounterparts(kb.tasks.map((t) => ({ ...t, counterparts: undefined })));
    for (const t of kb.tasks) expect(again.get(t.id) ?? []).toEqual(t.counterparts ?? []);
  });
  it('a task never has a counterpart in its own plan, and at most one per other plan for each of its clauses', () => {
    for (const t of kb.tasks) {
      const cps = t.counterparts ?? [];
      expect(cps.map((c) => c.planId)).not.toContain(t.planId);
      const seen = new Set<string>();
      for (const c of cps) {
        if (!c.clauses) {
          expect(seen.has(c.planId), t.id).toBe(false);
          seen.add(c.planId);
          continue;
        }
        for (const [s, e] of c.clauses) {
          expect(s < e && e <= t.text.length).toBe(true);
          const key = `${c.planId}:${s}`;
          expect(seen.has(key), t.id).toBe(false);
          seen.add(key);
        }
      }
    }
  });
  it('splits a task into its requirement clauses (sentences, semicolons, 一是…二是…, numbered items)', () => {
    const cut = (x: string) => clausesOf(x).map(([s, e]) => x.slice(s, e));
    expect(cut('加强统筹。2018年底前完成平台建设；2019年底前实现全覆盖。')).toEqual(['加强统筹。2018年底前完成平台建设；', '2019年底前实现全覆盖。']);
    expect(cut('重点做好三项工作：一是完成系统清理和整合，二是建成统一平台并接入各部门')).toEqual(['重点做好三项工作：一是完成系统清理和整合，', '二是建成统一平台并接入各部门']);
    expect(cut('（1）编制资源目录并按季度更新（2）建立共享考核评价制度')).toEqual(['（1）编制资源目录并按季度更新', '（2）建立共享考核评价制度']);
  });
});

describe('counterparts on plans of another topic', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plans-topic-'));
  const plan = (title: string, items: string[]) => [title, '一、重点任务', ...items.map((x, i) => `${i + 1}.${x}`)].join('\n');
  writeFileSync(join(dir, 'east.txt'), plan('东江市2023年安全生产专项整治工作方案', [
    '开展重大事故隐患排查整治。6月底前，全面排查危险化学品企业重大事故隐患，建立隐患清单和整改台账。（市应急管理局牵头，各县区政府负责）',
    '加强应急演练。每季度组织一次综合应急演练，提升应急处置能力。（市应急管理局负责）',
    '强化执法检查。对非法违法生产经营行为依法严厉打击，年底前执法检查覆盖率达到100%。（市应急管理局负责）',
  ]));
  writeFileSync(join(dir, 'west.txt'), plan('西岭市2023年安全生产专项整治实施方案', [
    '组织应急演练。各地每季度至少开展一次综合性应急演练，检验应急预案。（市应急局负责）',
    '深入排查重大事故隐患。7月底前，完成对全市危险化学品企业重大事故隐患的全面排查，建立整改台账。（市应急局牵头，各区政府配合）',
  ]));
  writeFileSync(join(dir, 'north.txt'), plan('北川县2023年安全生产工作要点', [
    '开展危险化学品重大事故隐患排查整治，9月底前建立隐患清单和整改台账。（县应急局负责）',
    '推进安全文化建设，组织安全生产月宣传活动。（县委宣传部牵头，县应急局配合）',
  ]));
  const { kb: k } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
  const t = (plan: string, needle: string) => k.tasks.find((x) => x.planId === plan && x.text.includes(needle))!;
  it('finds the same requirement in each plan that has it', () => {
    const hazard = t('east', '重大事故隐患排查整治');
    expect(Object.fromEntries((hazard.counterparts ?? []).map((c) => [c.planId, c.taskId]))).toEqual({ west: t('west', '重大事故隐患').id, north: t('north', '重大事故隐患').id });
    const drill = t('east', '应急演练');
    expect((drill.counterparts ?? []).map((c) => [c.planId, c.taskId])).toEqual([['west', t('west', '应急演练').id]]);
  });
  it('a plan without the requirement has no counterpart', () => {
    expect((t('east', '执法检查').counterparts ?? []).map((c) => c.planId)).toEqual([]);
    expect((t('north', '安全文化').counterparts ?? []).map((c) => c.planId)).toEqual([]);
  });
});

describe('obligation rows on plans of another topic', () => {
  it('group each requirement across the plans that have it', async () => {
    const { PlansQuery } = await import('../../src/query/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'plans-ob-'));
    writeFileSync(join(dir, 'a.txt'), '甲县2023年乡村振兴工作要点\n一、重点任务\n1.推进农村人居环境整治。6月底前完成农村厕所改造2000户。（县农业农村局牵头）\n2.发展特色产业。培育农业产业化龙头企业5家。（县农业农村局负责）');
    writeFileSync(join(dir, 'b.txt'), '乙县2023年乡村振兴实施方案\n一、主要任务\n1.整治农村人居环境。8月底前完成农村户厕改造1500户。（县农业农村局负责）\n2.加强乡村治理。年底前建成村级综治中心。（县委政法委负责）');
    const { kb: k } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
    const q = new PlansQuery(k, {});
    const rows = q.obligations();
    const toilet = rows.find((r) => r.cells.every(Boolean))!;
    expect(toilet.cells.map((c) => c!.text.includes('厕'))).toEqual([true, true]);
    expect(toilet.spreadDays).toBe(62);
    expect(rows.filter((r) => r.plans === 1).length).toBe(2);
  });
});

describe('the second ranking of the candidates', () => {
  type In = CounterpartInput;
  const inp = (planId: string, k: number, text: string, more: Partial<In> = {}): In => ({ id: `${planId}-${k}`, planId, text, title: '', restates: false, deadline: 'none', lead: null, kinds: [], ...more });
  const run = (tasks: In[]) => {
    const out = new Map<string, Array<{ taskId: string; score: number; clauses?: Array<[number, number]> }>>();
    const scored = new Map<string, number>();
    const inputs = new CounterpartInputs();
    for (const t of tasks) inputs.add(t);
    streamCounterparts(inputs, (i, list) => out.set(tasks[i].id, list), { trace: (i, c, o, x) => scored.set(`${tasks[i].id}/${c}->${tasks[o].id}`, x) });
    return { out, scored };
  };
  it('a weak match between the counterparts of its neighbours is taken: the plans follow the same order', () => {
    const a = [
      '全面开展校舍安全隐患排查，建立问题台账，限期完成危房改造和加固。',
      '健全家校共育机制，每学期至少召开一次家长会，畅通家长反映意见的渠道。',
      '严格落实课后服务收费公示制度，规范校外培训机构审批和日常监管。',
    ].map((t, k) => inp('a', k, t));
    const b = [
      '组织开展校舍安全隐患全面排查，建立整改台账，完成危房改造加固任务。',
      '加强学校与家庭沟通，定期召开家长会，听取家长对学校工作的意见建议。',
      '规范校外培训机构审批和日常监管，落实课后服务收费公示制度。',
    ].map((t, k) => inp('b', k, t));
    const inOrder = run([...a, ...b]);
    expect(inOrder.scored.get('a-1/0->b-1')).toBeLessThan(COUNTERPART_THRESHOLD);
    expect(inOrder.out.get('a-1')!.map((c) => c.taskId)).toEqual(['b-1']);
    // the same tasks, b's middle one moved to the end: nothing vouches for the weak match
    const moved = run([...a, b[0], b[2], b[1]]);
    expect(moved.scored.get('a-1/0->b-1')).toBe(inOrder.scored.get('a-1/0->b-1'));
    expect(moved.out.get('a-1')).toEqual([]);
    expect(moved.out.get('a-0')!.map((c) => c.taskId)).toEqual(['b-0']);
  });
  it('a clause does not take a counterpart that another clause of its task explains far better', () => {
    const same: Partial<In> = { deadline: 'dated', lead: '教育', kinds: ['教育'] };
    const tasks = [
      inp('a', 0, '全面开展校舍安全隐患排查，建立问题台账，限期完成危房改造和加固。年底前实现千兆光纤接入全部中小学校。', same),
      inp('a', 1, '严格落实课后服务收费公示制度，规范校外培训机构审批和日常监管。', same),
      inp('b', 0, '组织开展校舍安全隐患全面排查，建立整改台账，完成危房改造加固任务，确保师生安全。', same),
      inp('b', 1, '规范校外培训机构审批和日常监管，落实课后服务收费公示制度。', same),
      inp('b', 2, '加强教师队伍建设，完善教师培训体系。', same),
    ];
    const { out, scored } = run(tasks);
    // the fibre clause scores the threshold against b-0 only through the whole task's similarity
    expect(scored.get('a-0/1->b-0')).toBeGreaterThanOrEqual(COUNTERPART_THRESHOLD);
    expect(out.get('a-0')).toEqual([expect.objectContaining({ taskId: 'b-0', clauses: [[0, 32]] })]);
  });
});
