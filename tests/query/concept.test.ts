/** Search by concept: a query of several words matches tasks holding all of them, in any order. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { SearchIndex, TIER, conceptWords } from '../../src/query/search.js';
import { mkTask } from './helpers.js';

describe('concept words', () => {
  it('a query written without spaces is cut into words; one word stays one', () => {
    expect(conceptWords('年度报告')).toEqual(['年度', '报告']);
    expect(conceptWords('数据共享交换平台')).toEqual(['数据', '共享', '交换', '平台']);
    expect(conceptWords('审计')).toEqual([]);
  });
});

describe('concept search on synthetic tasks', () => {
  const tasks = [
    mkTask('每年1月底前报告上一年度数据开放情况', { units: [{ name: '市数据局', role: 'support' }] }),
    mkTask('编制年度报告并向社会公开'),
    mkTask('年度考核结果纳入目标管理，另行报告', { units: [{ name: '市考核办', role: 'lead' }] }),
    mkTask('报告制度', {}),
    mkTask('完善数据开放平台，年度内发布开放目录并报告进展', { units: [{ name: '市数据局', role: 'lead' }] }),
  ];
  const ix = new SearchIndex(tasks);
  it('exact substring hits first, then every word in any order, closest words first', () => {
    const hits = ix.search('年度报告');
    expect(hits[0].task).toBe(tasks[1]);
    expect(hits[0].score).toBe(TIER.text);
    const rest = hits.slice(1).map((h) => h.task);
    expect(rest).toEqual(expect.arrayContaining([tasks[0], tasks[2], tasks[4]]));
    expect(rest).not.toContain(tasks[3]);
    // 上一年度 … 报告 stand closer in task 0 than 年度 … 另行报告 in task 2
    expect(rest.indexOf(tasks[0])).toBeLessThan(rest.indexOf(tasks[2]));
    for (const h of hits.slice(1)) expect(h.score).toBeGreaterThanOrEqual(TIER.concept);
  });
  it('word order does not matter', () => {
    const a = ix.search('报告年度').map((h) => h.task);
    expect(a).toEqual(expect.arrayContaining([tasks[0], tasks[1], tasks[2], tasks[4]]));
  });
  it('a unit name that matches ranks the task where that unit leads higher', () => {
    const hits = ix.search('数据局开放').map((h) => h.task);
    expect(hits.indexOf(tasks[4])).toBeLessThan(hits.indexOf(tasks[0]));
  });
});

describe('a unit name typed as a query', () => {
  const text = mkTask('由市交通运输局牵头，建设综合客运枢纽', { units: [{ name: '市交通运输局', role: 'lead' }] });
  const support = mkTask('开展道路运输安全检查', { units: [{ name: '市应急管理局', role: 'lead' }, { name: '市交通运输局', role: 'support' }] });
  const lead = mkTask('完善农村公路养护机制', { units: [{ name: '市交通运输局', role: 'lead' }] });
  const heading = mkTask('推进公路建设', { units: [{ name: '市发展改革委', role: 'lead' }], section: ['三、市交通运输局重点任务'] });
  const split = mkTask('加强农村交通安全宣传', { units: [{ name: '县道路运输局', role: 'lead' }] });
  const words = mkTask('交通枢纽建设由运输局统筹', { units: [{ name: '市住房城乡建设局', role: 'lead' }] });
  const ix = new SearchIndex([support, split, heading, words, lead, text]);
  it('the text first, then the tasks the unit leads, then where it is another unit, then a heading; the words apart last', () => {
    const hits = ix.search('交通运输局');
    expect(hits.map((h) => h.task)).toEqual([text, lead, support, heading, words, split]);
    const s = hits.map((h) => h.score);
    expect(s[0]).toBe(TIER.text);
    expect(s[1]).toBeLessThan(s[2]);
    expect(s[3]).toBeLessThan(TIER.concept);
    expect(s[4]).toBeGreaterThanOrEqual(TIER.concept);
  });
  it('a filter keeps the order of what passes it', () => {
    const hits = ix.search('交通运输局', (t) => t !== lead);
    expect(hits.map((h) => h.task)).toEqual([text, support, heading, words, split]);
  });
});

describe('concept search on the bundled plans', () => {
  const { kb } = loadKnowledgeBase({ corpusDir: join(import.meta.dirname, '..', '..', 'corpus'), cachePath: null });
  const q = new PlansQuery(kb, {});
  it('年度报告 finds the annual report obligations of at least three plans', () => {
    const plans = new Set(q.search('年度报告').map((h) => h.task.planId));
    expect(plans.size).toBeGreaterThanOrEqual(3);
    expect([...plans]).toEqual(expect.arrayContaining(['anhui', 'hebei', 'hunan']));
  });
  it('two concept words with a space behave the same, and the exact phrase still comes first', () => {
    const joined = q.search('僵尸系统');
    const spaced = q.search('僵尸 系统');
    expect(new Set(joined.map((h) => h.task.id))).toEqual(new Set(spaced.map((h) => h.task.id)));
    expect(joined[0].task.text).toContain('僵尸');
  });
});
