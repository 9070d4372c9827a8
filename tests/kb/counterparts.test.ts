/**
 * Counterparts against requirements annotated by reading the five plans (tests/gold/counterparts.json: an
 * independent annotator, 44 requirements, 26 of them in only some plans). Precision and recall of the
 * returned counterparts are printed; the floors here keep what was measured from slipping. A second annotator's
 * reading (tests/gold/counterparts-second.json) records every statement of each requirement in each plan.
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
    expect(clause.recall).toBeGreaterThanOrEqual(0.68);
  });
  it('against a second reading that records every statement of each requirement (goals, headings, repeats)', () => {
    // tests/gold/counterparts-second.json: another annotator, the same 44 requirements, every passage of each
    // plan that commits to it. A returned counterpart of a clause holding a passage is right when its task is one
    // of the other plan's passages of a requirement in that clause; a pair of plans that both state a requirement
    // is found when some statement of the one has a counterpart, answering it, among the other's statements.
    const second = JSON.parse(readFileSync(join(ROOT, 'tests', 'gold', 'counterparts-second.json'), 'utf8')) as { requirements: Array<{ id: string; plans: Record<string, string[]> }> };
    const prose = kb.tasks.filter((t) => t.source.origin === 'prose');
    type At = { t: Task; pos: number; end: number };
    const locate = (plan: string, snip: string): At[] =>
      prose.filter((t) => t.planId === plan).flatMap((t) => [...t.text.matchAll(new RegExp(snip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({ t, pos: m.index!, end: m.index! + snip.length })));
    const reqs = second.requirements.map((r) => Object.fromEntries(Object.entries(r.plans).map(([p, snips]) => [p, snips.flatMap((x) => locate(p, x))])));
    const answers = (q: At, c: NonNullable<Task['counterparts']>[number]) => !c.clauses || c.clauses.some(([s, e]) => s < q.end && e > q.pos);
    let found = 0;
    let pairs = 0;
    for (const r of reqs)
      for (const [a, pa] of Object.entries(r))
        for (const [b, pb] of Object.entries(r)) {
          if (a === b || !pa.length || !pb.length) continue;
          const want = new Set(pb.map((x) => x.t.id));
          pairs++;
          if (pa.some((q) => (q.t.counterparts ?? []).some((c) => c.planId === b && want.has(c.taskId) && answers(q, c)))) found++;
        }
    let right = 0;
    let wrong = 0;
    const byTask = new Map<Task, Array<{ q: At; r: (typeof reqs)[number] }>>();
    for (const r of reqs) for (const pa of Object.values(r)) for (const q of pa) byTask.set(q.t, [...(byTask.get(q.t) ?? []), { q, r }]);
    for (const [t, list] of byTask)
      for (const c of t.counterparts ?? [])
        for (const [s, e] of c.clauses ?? [[0, t.text.length]]) {
          const rs = list.filter(({ q }) => q.pos < e && q.end > s);
          if (!rs.length) continue;
          if (rs.some(({ r }) => (r[c.planId] ?? []).some((x) => x.t.id === c.taskId))) right++;
          else wrong++;
        }
    const precision = right / (right + wrong);
    const recall = found / pairs;
    console.log(`[measure] counterparts vs the second reading: precision per returned counterpart ${precision.toFixed(3)} (${right} right, ${wrong} wrong); plan pairs that state a requirement found ${recall.toFixed(3)} (${found} of ${pairs})`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.72);
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

describe('between plans of other topics, the tasks\' units and deadlines do not make a weak text match', () => {
  type In = CounterpartInput;
  const plan = (planId: string, texts: string[], more: Partial<In>) => texts.map((text, k): In => ({ id: `${planId}-${k}`, planId, text, title: '', restates: false, deadline: 'none', lead: null, kinds: [], ...more }));
  const flood = ['组织开展全市防汛抢险综合演练，检验防汛应急预案。', '公布水库、河道、山塘防汛行政责任人名单。', '完成防汛抢险物资储备补充和汛前检查。', '落实山洪灾害危险区人员转移避险预案。'];
  const flood2 = ['开展全县防汛抢险应急演练，提升防汛队伍实战能力。', '公布全县水库、河道防汛责任人名单并接受监督。', '补充县级防汛抢险物资储备，完成汛前检查。'];
  const chem = ['开展危险化学品企业执法检查，实现全市覆盖。', '危化品企业全部配备注册安全工程师。', '完成化工园区安全风险评估和等级划定。'];
  /** The score of (task a, its clause 0) → task b, with the units and deadline forms given or without them. */
  const scores = (withMeta: boolean) => {
    const meta: Partial<In> = withMeta ? { deadline: 'dated', lead: '应急', kinds: ['应急', '消防'] } : {};
    const tasks = [...plan('a', flood, meta), ...plan('b', flood2, meta), ...plan('c', chem, meta)];
    const inputs = new CounterpartInputs();
    for (const t of tasks) inputs.add(t);
    const got = new Map<string, number>();
    streamCounterparts(inputs, () => {}, { trace: (i, c, o, x) => c === 0 && got.set(`${tasks[i].id}->${tasks[o].id}`, x) });
    return got;
  };
  it('the bonus is whole between plans of one topic, and cut between plans of two', () => {
    const [bare, meta] = [scores(false), scores(true)];
    const lift = (k: string) => (meta.get(k) ?? 0) - (bare.get(k) ?? 0);
    // two flood plans: a weak pair of them (a drill, a list of names) still takes the whole bonus (0.04 + 0.04 + 0.1)
    expect(bare.get('a-0->b-1')!).toBeLessThan(0.25);
    expect(lift('a-0->b-1')).toBeCloseTo(0.18, 2);
    // a flood drill and a chemical inspection: a weak match of words, the bonus cut by the plans' topic affinity
    for (const k of ['a-0->c-0', 'b-0->c-0']) {
      expect(bare.get(k)!).toBeLessThan(0.25);
      expect(lift(k)).toBeLessThan(0.6 * 0.18);
    }
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

describe('counterparts in a small folder of one topic (its words in every task)', () => {
  // Three plans on school safety, each requirement worded its own way; annotated by reading: 隐患排查 and
  // 食堂检查 in all three, 演练 and 保安 in two, 周边整治, 防溺水 and 视频监控 in one only.
  const dir = mkdtempSync(join(tmpdir(), 'plans-school-'));
  writeFileSync(join(dir, 'e.txt'), ['东港市2025年校园安全专项整治方案', '一、重点任务',
    '1.开展安全隐患排查。2025年4月底前，完成全市中小学校舍安全隐患全面排查。（市教育局牵头，市住建局配合）',
    '2.加强校园食品安全管理。市市场监管局每月对学校食堂开展一次食品安全检查。',
    '3.开展应急疏散演练。各中小学每学期组织开展一次应急疏散演练。（市教育局负责）',
    '4.配齐专职保安。2025年9月底前，全市中小学按标准配齐专职保安员。（市公安局负责，市教育局配合）',
    '5.整治校园周边环境。2025年6月底前，完成校园周边无证摊点清理整治。（市城管局负责）'].join('\n'));
  writeFileSync(join(dir, 'w.txt'), ['西林县2025年校园安全工作实施方案', '一、主要任务',
    '1.全面排查校舍隐患。3月底前，对全县中小学、幼儿园校舍开展一次安全隐患排查。（县教育局负责）',
    '2.落实食堂检查制度。县市场监管局每月对学校食堂食品安全开展检查。',
    '3.组织安全演练。全县中小学、幼儿园每学期开展一次消防和应急疏散演练。（县教育局负责）',
    '4.加强安保力量。10月底前，县城学校专职保安员配备率达到100%。（县公安局牵头）',
    '5.开展防溺水教育。5月底前，完成全县中小学生防溺水专题教育。（县教育局负责）'].join('\n'));
  writeFileSync(join(dir, 'n.txt'), ['北川区2025年平安校园建设要点',
    '一、排查校舍安全隐患。上半年完成全区学校校舍安全排查。（区教育局负责）',
    '二、强化食品安全监管。区市场监管局每月开展学校食堂食品安全检查。',
    '三、建设智慧安防系统。年底前全区中小学视频监控接入区公安局平台。（区公安局负责）'].join('\n'));
  const { kb: k } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
  const t = (plan: string, needle: string) => k.tasks.find((x) => x.planId === plan && x.text.includes(needle))!;
  const groups = [
    [t('e', '隐患排查'), t('w', '校舍隐患'), t('n', '校舍安全隐患')],
    [t('e', '食堂'), t('w', '食堂'), t('n', '食堂')],
    [t('e', '演练'), t('w', '演练')],
    [t('e', '保安'), t('w', '保安')],
    [t('e', '周边')],
    [t('w', '防溺水')],
    [t('n', '视频监控')],
  ];
  it('every task is found', () => {
    for (const g of groups) for (const x of g) expect(x).toBeDefined();
  });
  it('each task has exactly the others of its requirement as counterparts', () => {
    for (const g of groups) {
      for (const x of g) {
        const want = g.filter((y) => y !== x).map((y) => y.id).sort();
        expect((x.counterparts ?? []).map((c) => c.taskId).sort(), x.text).toEqual(want);
      }
    }
  });
  it('the subject of 市市场监管局每月… is its responsible unit, and 每学期 a recurrence', () => {
    expect(t('e', '食堂').units.map((u) => `${u.name}:${u.role}`)).toEqual(['市市场监管局:responsible']);
    expect(t('w', '演练').deadlines.map((d) => d.recurring)).toEqual(['twice-yearly']);
  });
});

describe('counterparts where the topic words fill every task (pairs annotated by reading)', () => {
  // Three plans on waste sorting: 分类, 垃圾 and 生活垃圾 are in nearly every task, and 每月通报 in one task
  // of each plan — a requirement all three share, which a document-frequency cap of the big corpus would
  // take for boilerplate.
  const dir = mkdtempSync(join(tmpdir(), 'plans-waste-'));
  writeFileSync(join(dir, 'a.txt'), [
    "青川市2025年生活垃圾分类工作实施方案",
    "为深入推进生活垃圾分类工作，结合我市实际，制定本方案。",
    "一、工作目标",
    "到2025年底，全市城区生活垃圾回收利用率达到35%以上。",
    "二、重点任务",
    "（一）完善分类投放设施。2025年6月底前，全市居民小区全部配齐四分类投放设施。（市城管局牵头，各区政府负责）",
    "（二）建设厨余垃圾处理设施。2025年第三季度完成市厨余垃圾处理厂二期建设并投入运行。（市城管局负责，市发展改革委配合）",
    "（三）开展校园垃圾分类教育。各中小学每学期组织开展一次垃圾分类主题教育活动。（市教育局负责）",
    "（四）加强执法检查。市城管局每月通报各区垃圾分类工作情况，对不按规定分类投放的单位依法查处。",
    "（五）推进公共机构带头分类。2025年9月底前，全市党政机关全部实行生活垃圾分类。（市机关事务管理局负责）",
    "三、保障措施",
    "（一）加强组织领导。各区政府要成立垃圾分类工作领导小组，每季度召开一次专题会议。（各区政府负责）",
    "（二）强化宣传引导。利用报刊、电视、网络等媒体广泛宣传垃圾分类知识。（市委宣传部牵头，市城管局配合）",
  ].join('\n'));
  writeFileSync(join(dir, 'b.txt'), [
    "松原县2025年生活垃圾分类推进方案",
    "一、主要任务",
    "1.配齐分类收集容器。8月底前，县城所有住宅小区按照可回收物、有害垃圾、厨余垃圾、其他垃圾四类配备收集容器。（县住建局负责，各乡镇配合）",
    "2.党政机关率先实行分类。2025年10月底前，县直机关和事业单位全部实行生活垃圾强制分类。（县机关事务服务中心负责）",
    "3.加快处理能力建设。年底前建成县餐厨垃圾处理站并试运行。（县住建局牵头，县发展改革局配合）",
    "4.开展进校园活动。全县中小学校每学期至少开展一次垃圾分类教育实践活动。（县教育局负责）",
    "二、保障措施",
    "1.加强宣传发动。通过电视、微信公众号等渠道宣传普及垃圾分类知识。（县委宣传部、县住建局按职责分工负责）",
    "2.建立考核通报制度。县住建局每月通报各乡镇垃圾分类工作进展。",
  ].join('\n'));
  writeFileSync(join(dir, 'c.txt'), [
    "白河区2025年垃圾分类工作要点",
    "一、完善投放收运体系。上半年完成全区小区分类投放点改造提升，配齐分类投放设施。（区城管局负责）",
    "二、强化督查考核。区城管局每月对各街道垃圾分类工作开展检查并通报排名。",
    "三、推进垃圾分类进学校。全区中小学每学期开展一次垃圾分类主题班会。（区教育局负责）",
    "四、加强农村垃圾治理。年底前实现行政村生活垃圾收运处置体系全覆盖。（区农业农村局负责）",
  ].join('\n'));
  const { kb: k } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
  const t = (plan: string, needle: string) => k.tasks.find((x) => x.planId === plan && x.text.includes(needle))!;
  const groups = () => [
    [t('a', '每月通报'), t('b', '每月通报'), t('c', '每月对各街道')],
    [t('a', '校园垃圾分类'), t('b', '进校园'), t('c', '进学校')],
    [t('a', '投放设施'), t('b', '收集容器'), t('c', '投放点')],
    [t('a', '党政机关'), t('b', '党政机关')],
    [t('a', '厨余垃圾处理厂'), t('b', '餐厨垃圾处理站')],
    [t('a', '宣传引导'), t('b', '宣传发动')],
    [t('a', '领导小组')],
    [t('c', '农村垃圾')],
  ];
  it('precision ≥ 0.9 and recall ≥ 0.8 over the annotated pairs; the monthly report found in all three', () => {
    const gs = groups();
    for (const g of gs) for (const x of g) expect(x).toBeDefined();
    const want = new Set(gs.flatMap((g) => g.flatMap((x) => g.filter((y) => y !== x).map((y) => `${x.id}>${y.id}`))));
    const got = new Set(gs.flat().flatMap((x) => (x.counterparts ?? []).map((c) => `${x.id}>${c.taskId}`)));
    const tp = [...got].filter((p) => want.has(p)).length;
    console.log(`[measure] waste-sorting folder: precision ${(tp / got.size).toFixed(3)}, recall ${(tp / want.size).toFixed(3)} (${tp} of ${want.size} directed pairs)`);
    expect(tp / got.size).toBeGreaterThanOrEqual(0.9);
    expect(tp / want.size).toBeGreaterThanOrEqual(0.8);
    const report = gs[0];
    for (const x of report) expect((x.counterparts ?? []).map((c) => c.taskId).sort(), x.text).toEqual(report.filter((y) => y !== x).map((y) => y.id).sort());
  });
});

describe('obligation rows: a counterpart counted in another row', () => {
  it('is named in the cell (elsewhere), not shown as a plan without it', async () => {
    const { obligationRows } = await import('../../src/query/obligations.js');
    const mk = (id: string, planId: string, cps: Array<[string, string]>) =>
      ({ id, planId, text: id, deadlines: [], units: [], themes: [], restates: null, counterparts: cps.map(([p, t]) => ({ planId: p, taskId: t, score: 0.5 })) }) as unknown as Task;
    const tasks = [
      mk('a1', 'a', [['b', 'b1'], ['c', 'c1']]),
      mk('b1', 'b', [['a', 'a1'], ['c', 'c1']]),
      mk('c1', 'c', [['a', 'a1'], ['b', 'b1']]),
      mk('c2', 'c', [['b', 'b1']]),
    ];
    const by = new Map(tasks.map((t) => [t.id, t]));
    const plans = ['a', 'b', 'c'].map((id) => ({ id }) as unknown as Parameters<typeof obligationRows>[0][number]);
    const rows = obligationRows(plans, tasks, (id) => by.get(id));
    const full = rows.find((r) => r.plans === 3)!;
    expect(full.cells.map((c) => c?.id)).toEqual(['a1', 'b1', 'c1']);
    expect(full.elsewhere).toEqual([null, null, null]);
    const c2 = rows.find((r) => r.anchor.id === 'c2')!;
    expect(c2.cells.map((c) => c?.id ?? null)).toEqual([null, null, 'c2']);
    expect(c2.elsewhere.map((c) => c?.id ?? null)).toEqual([null, 'b1', null]);
    expect(c2.plans).toBe(1);
  });
});
