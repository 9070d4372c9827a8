import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { SearchIndex, TIER, fold, proximity } from '../../src/query/search.js';
import { PlansQuery } from '../../src/query/index.js';
import type { KnowledgeBase, Task } from '../../src/types.js';
import { mkTask } from './helpers.js';

const CORPUS = join(import.meta.dirname, '..', '..', 'corpus');

describe('full pinyin that two words share', () => {
  // 值班 and the 指办 of 防指办 are both "zhiban"; 指办 here is the more frequent reading and comes first in plan order.
  const tasks = [
    mkTask('县防指办负责汛期调度，县防指办每日会商'),
    mkTask('市防指办组织防汛演练'),
    mkTask('汛期严格落实24小时值班制度'),
    mkTask('镇防指办督促落实'),
  ];
  const ix = new SearchIndex(tasks);
  it('ranks the hit that is a word of its text (值班) before one that spans two (指办)', () => {
    const hits = ix.search('zhiban', undefined, 10);
    expect(hits.map((h) => h.task)).toEqual([tasks[2], tasks[0], tasks[1], tasks[3]]);
    const [s, e] = hits[0].ranges[0];
    expect(tasks[2].text.slice(s, e)).toBe('值班');
  });
});

describe('several words, some typed in pinyin', () => {
  const tasks = [
    mkTask('组织开展全县防汛抢险应急演练'),
    mkTask('公布防汛责任人名单'),
    mkTask('开展消防演练和疏散演习'),
    mkTask('汛期值班', { units: [{ name: '县防汛办' }], section: ['二、重点任务', '（一）演练'] }),
  ];
  const ix = new SearchIndex(tasks);
  it('fangxun yanlian, yanlian fangxun, 防汛 yanlian, fx yl: every word in the task, in any order', () => {
    for (const q of ['fangxun yanlian', 'yanlian fangxun', '防汛 yanlian', 'fx yl']) {
      const hits = ix.search(q, undefined, 10);
      expect(hits.map((h) => h.task), q).toEqual([tasks[0], tasks[3]]);
      expect(hits[0].score).toBe(TIER.pinyinTerms);
    }
    // the words are marked where they stand in the text
    const [h] = ix.search('fangxun yanlian', undefined, 10);
    expect(h.ranges.map(([a, b]) => tasks[0].text.slice(a, b))).toEqual(['防汛', '演练']);
  });
  it('fangxunyanlian, typed without spaces, reads as its words of two syllables', () => {
    const hits = ix.search('fangxunyanlian', undefined, 10);
    expect(hits.map((h) => h.task)).toEqual([tasks[0], tasks[3]]);
    expect(ix.search('yanlianfangxun', undefined, 10).map((h) => h.task)).toEqual([tasks[0], tasks[3]]);
    // three syllables stay one word, found only where they stand together; letters that are no pinyin find nothing
    expect(ix.search('yanlianx', undefined, 10)).toEqual([]);
  });
});

describe('homophones: the typo a pinyin IME makes', () => {
  const tasks = [
    mkTask('开展城镇燃气管道老化更新改造'),
    mkTask('督促燃情演出场所落实消防措施'),
    mkTask('推进瓶装燃气安全整治'),
    mkTask('开展消防安全整治百日行动'),
  ];
  const ix = new SearchIndex(tasks);
  it('燃起 / 燃器 (ranqi) find 燃气, the same syllables over as many characters, not the start of 燃情 (ranqing)', () => {
    for (const q of ['燃起', '燃器']) {
      const hits = ix.search(q, undefined, 10);
      expect(hits.map((h) => h.task)).toEqual([tasks[0], tasks[2]]);
      const [s, e] = hits[0].ranges[0];
      expect(tasks[0].text.slice(s, e)).toBe('燃气');
      expect(hits[0].score).toBeGreaterThanOrEqual(TIER.homophone);
      expect(hits[0].score).toBeLessThan(TIER.fuzzy);
    }
  });
  it('below every exact hit: 整治 first, then what only sounds like it', () => {
    const extra = new SearchIndex([...tasks, mkTask('开展违规建设专项整制（原文笔误）')]);
    const hits = extra.search('整制', undefined, 10);
    expect(hits[0].task.text).toContain('整制');
    expect(hits[0].score).toBe(TIER.text);
    expect(hits.slice(1).map((h) => h.task)).toEqual([tasks[2], tasks[3]]);
  });
});

describe('SearchIndex on synthetic tasks', () => {
  const tasks = [
    mkTask('组织开展信息系统审计，摸清各部门信息系统数量'),
    mkTask('2017年12月底前，政府部门基本完成“僵尸”信息系统的清理工作', { units: [{ name: '省政府各部门' }] }),
    mkTask('建设统一的数据共享交换平台', { units: [{ name: '省审计厅' }], section: ['三、保障措施', '（二）加强审计监督'] }),
    mkTask('重庆市推进ＩＰｖ６部署'),
    mkTask('清理僵尸系统和孤立系统𠮷野家审计'),
  ];
  const ix = new SearchIndex(tasks);

  it('folds full-width ASCII and case without changing offsets', () => {
    expect(fold('ＩＰｖ６ ABC　x')).toBe('ipv6 abc x');
    const h = ix.search('IPV6');
    expect(h.map((x) => x.task)).toEqual([tasks[3]]);
    expect(h[0].ranges).toEqual([[5, 9]]);
  });

  it('empty query lists tasks in order, honouring predicate and limit', () => {
    expect(ix.search('').map((h) => h.task)).toEqual(tasks);
    expect(ix.search('  ', (t) => t !== tasks[0], 2).map((h) => h.task)).toEqual([tasks[1], tasks[2]]);
  });

  it('exact text hits first (score 0), then unit/section hits', () => {
    const h = ix.search('审计');
    expect(h[0].score).toBe(TIER.text);
    expect(h.filter((x) => x.score === 0).map((x) => x.task)).toEqual([tasks[0], tasks[4]]);
    const last = h[h.length - 1];
    expect(last.task).toBe(tasks[2]);
    expect(last.score).toBe(TIER.meta);
  });

  it('unit names and section titles are searchable', () => {
    expect(ix.search('省审计厅').map((h) => h.task)).toEqual([tasks[2]]);
    expect(ix.search('加强审计监督').map((h) => h.task)).toEqual([tasks[2]]);
  });

  it('pinyin after a surrogate pair keeps offsets right', () => {
    const h = ix.search('yejia');
    expect(h[0].task).toBe(tasks[4]);
    const [s, e] = h[0].ranges[0];
    expect(tasks[4].text.slice(s, e)).toBe('野家');
  });

  it('a typo (wrong or missing character) still finds the task', () => {
    expect(ix.search('僵户系统').map((h) => h.task)).toContain(tasks[4]);
    expect(ix.search('僵户系统').map((h) => h.task)).toContain(tasks[1]);
    expect(ix.search('僵系统')[0].score).toBeGreaterThanOrEqual(TIER.fuzzy);
  });

  it('proximity scores in-order characters close together', () => {
    const m = proximity('“僵尸”信息系统', '僵户系统', 3);
    expect(m).not.toBeNull();
    expect(m!.score).toBeGreaterThan(0.4);
    expect(proximity('系统的僵', '僵户系统', 3)).toBeNull();
  });

  it('never returns more than `limit` hits when exact and pinyin hits mix', () => {
    const mixed = new SearchIndex([mkTask('sj 项目编号'), mkTask('组织审计'), mkTask('统一设计'), mkTask('实际情况')]);
    for (const limit of [1, 2, 3]) expect(mixed.search('sj', undefined, limit)).toHaveLength(limit);
    expect(mixed.search('sj', undefined, 10)[0].score).toBe(TIER.text);
  });

  it('pinyin narrowing only reuses a cached prefix (a cached "hen" must not hide "shen")', () => {
    const typed = new SearchIndex(tasks);
    typed.search('hen');
    typed.search('enji');
    expect(typed.search('shenji').map((h) => h.task)).toEqual(new SearchIndex(tasks).search('shenji').map((h) => h.task));
    expect(typed.search('shenji').length).toBeGreaterThan(0);
  });

  it('stays consistent while a query is typed character by character (incremental narrowing)', () => {
    const typed = new SearchIndex(tasks);
    for (const q of ['僵尸系统', '信息系统审计', 'shenji', 'sjt']) {
      for (let k = 1; k <= q.length; k++) {
        const pre = q.slice(0, k);
        const fresh = new SearchIndex(tasks).search(pre);
        expect(typed.search(pre)).toEqual(fresh);
      }
    }
  });
});

describe('SearchIndex on the bundled corpus', () => {
  let kb: KnowledgeBase;
  let ix: SearchIndex;
  let query: PlansQuery;
  beforeAll(() => {
    kb = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
    ix = new SearchIndex(kb.tasks).warm();
    query = new PlansQuery(kb);
  });

  const inRange = (t: Task, r: Array<[number, number]>) => r.every(([s, e]) => s >= 0 && s < e && e <= t.text.length);

  it('the corpus loaded', () => {
    expect(kb.plans.length).toBe(5);
    expect(kb.tasks.length).toBeGreaterThan(100);
  });

  it('exact substring: every task containing 僵尸 comes first, with its range', () => {
    const want = kb.tasks.filter((t) => t.text.includes('僵尸'));
    const hits = ix.search('僵尸', undefined, 500);
    const exact = hits.filter((h) => h.score === 0);
    expect(exact.map((h) => h.task)).toEqual(want);
    for (const h of exact) for (const [s, e] of h.ranges) expect(h.task.text.slice(s, e)).toBe('僵尸');
    expect(hits.slice(0, want.length).every((h) => h.score === 0)).toBe(true);
  });

  it('multi-term queries need every term (terms anywhere in the text rank first)', () => {
    const hits = ix.search('审计 调查', undefined, 500);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits.filter((x) => x.score < TIER.meta)) {
      expect(h.task.text).toContain('审计');
      expect(h.task.text).toContain('调查');
    }
  });

  it('typo 僵户系统 finds the zombie-system tasks', () => {
    const hits = ix.search('僵户系统', undefined, 20);
    expect(hits.length).toBeGreaterThan(3);
    expect(hits.slice(0, 5).every((h) => h.task.themes.includes('zombie'))).toBe(true);
    for (const h of hits) expect(inRange(h.task, h.ranges)).toBe(true);
  });

  it('a missing character (僵尸信系统) and a wrong one (政务信息系统正合) still match', () => {
    expect(ix.search('僵尸信系统', undefined, 10).some((h) => h.task.text.includes('僵尸信息系统'))).toBe(true);
    expect(ix.search('政务信息系统正合', undefined, 10)[0].task.text).toContain('政务信息系统整合');
  });

  it('full pinyin: shenji → 审计', () => {
    const hits = ix.search('shenji', undefined, 10);
    expect(hits.length).toBe(10);
    for (const h of hits) {
      const [s, e] = h.ranges[0];
      expect(h.task.text.slice(s, e)).toBe('审计');
    }
  });

  it('initials: sjt → tasks of 省审计厅', () => {
    const hits = ix.search('sjt', undefined, 5);
    expect(hits.length).toBe(5);
    for (const h of hits) expect(h.task.units.some((u) => u.name.includes('审计厅')) || h.task.text.includes('审计厅')).toBe(true);
  });

  it('a unit name finds its tasks; text hits rank before unit hits', () => {
    const hits = ix.search('省审计厅', undefined, 200);
    const withUnit = kb.tasks.filter((t) => t.units.some((u) => u.name.includes('省审计厅') || u.canonical.includes('省审计厅')) || t.text.includes('省审计厅'));
    expect(new Set(hits.map((h) => h.task))).toEqual(new Set(withUnit));
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('filters narrow the results (PlansQuery.search)', () => {
    const hits = query.search('审计', { plans: ['anhui'] }, 100);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.task.planId === 'anhui')).toBe(true);
  });

  it('results are sorted by score, unique, within the limit, ranges inside the text', () => {
    for (const q of ['系统', '信息', 'xt', 'xitong', 'zhenghe', '平台建设', '2017年', '互联网+', '僵户']) {
      const hits = ix.search(q, undefined, 30);
      expect(hits.length).toBeLessThanOrEqual(30);
      expect(new Set(hits.map((h) => h.task.id)).size).toBe(hits.length);
      const s = hits.map((h) => h.score);
      expect([...s].sort((a, b) => a - b)).toEqual(s);
      for (const h of hits) expect(inRange(h.task, h.ranges)).toBe(true);
    }
  });

  it('a pasted long passage finds its task quickly; a long non-matching one returns nothing', () => {
    const t = [...kb.tasks].sort((a, b) => b.text.length - a.text.length)[0];
    const t0 = performance.now();
    expect(ix.search(t.text, undefined, 5)[0].task).toBe(t);
    expect(ix.search(t.text.split('').reverse().join(''), undefined, 5)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });

  it('warmAsync builds in slices, yielding to the event loop; a search during the build still works', async () => {
    const a = new SearchIndex(kb.tasks);
    const done = a.warmAsync(2);
    await new Promise((r) => setImmediate(r));
    const mid = a.search('shenji', undefined, 10); // finishes the build synchronously
    await done;
    expect(mid.map((h) => h.task.id)).toEqual(ix.search('shenji', undefined, 10).map((h) => h.task.id));
    // Other work runs between the slices: count the event-loop turns a spinner gets during the build.
    const b = new SearchIndex(kb.tasks);
    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    await b.warmAsync(1);
    spinning = false;
    expect(b.search('sjt', undefined, 10)).toEqual(ix.search('sjt', undefined, 10));
    expect(turns).toBeGreaterThanOrEqual(2);
    // A synchronous build gives the spinner no turn at all.
    let syncTurns = 0;
    setImmediate(() => syncTurns++);
    new SearchIndex(kb.tasks).warm();
    expect(syncTurns).toBe(0);
  });

  it('typing char by char gives the same results as a fresh index', () => {
    const typed = new SearchIndex(kb.tasks);
    for (const q of ['政务信息系统整合', '僵户系统', 'shenjiting', 'sjt', '数据 共享']) {
      for (let k = 1; k <= q.length; k++) {
        const pre = q.slice(0, k);
        expect(typed.search(pre, undefined, 20).map((h) => [h.task.id, h.score])).toEqual(new SearchIndex(kb.tasks).search(pre, undefined, 20).map((h) => [h.task.id, h.score]));
      }
    }
  });
});

describe('pinyin syllables', () => {
  it('a run of full pinyin splits into its syllables, longest first; words of two', async () => {
    const { syllablesOf, pinyinWords } = await import('../../src/query/search/pinyin.js');
    expect(syllablesOf('fangxunyanlian')).toEqual(['fang', 'xun', 'yan', 'lian']);
    expect(syllablesOf('zhengwuxinxi')).toEqual(['zheng', 'wu', 'xin', 'xi']);
    expect(syllablesOf('qwrt')).toBeNull();
    expect(pinyinWords('zhengwuxinxigongxiang')).toEqual(['zhengwu', 'xinxi', 'gongxiang']);
    expect(pinyinWords('shujukaifangpingtai')).toEqual(['shuju', 'kaifang', 'pingtai']);
    expect(pinyinWords('jiangshixitongqingli')).toEqual(['jiangshi', 'xitong', 'qingli']);
    expect(pinyinWords('shenjiting')).toBeNull();
    expect(pinyinWords('xiaofangjiancha')).toEqual(['xiaofang', 'jiancha']);
  });
});

describe('pinyin syllables at length', () => {
  it('a long run that splits nowhere is rejected at once', async () => {
    const { syllablesOf } = await import('../../src/query/search/pinyin.js');
    const t = performance.now();
    expect(syllablesOf('a'.repeat(60) + 'q')).toBeNull();
    expect(syllablesOf('ang'.repeat(40))).toHaveLength(40);
    expect(performance.now() - t).toBeLessThan(50);
  });
});
