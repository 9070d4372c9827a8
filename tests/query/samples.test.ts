import { describe, expect, it } from 'vitest';
import { sampleQueries } from '../../src/query/search/samples.js';
import { SearchIndex, TIER } from '../../src/query/search.js';
import { mkTask } from './helpers.js';

// Texts written for this test (not from any plan).
const texts = [
  '（三）完善城乡供水保障体系，2025年底前实现农村自来水普及率达到90%。',
  '市水务局牵头，加快推进污水处理厂提标改造工程，按季度报送进展。',
  '健全河湖长制考核办法，每年开展一次专项督查。',
];

describe('sampleQueries: what the start-up rehearsal types', () => {
  it('gives every kind, each a query the search answers in its own tier', () => {
    const tasks = texts.map((t) => mkTask(t));
    const ix = new SearchIndex(tasks).warm();
    const got = sampleQueries(texts, 20);
    expect(new Set(got.map((s) => s.kind))).toEqual(new Set(['chinese', 'words', 'typo', 'pinyin', 'initials', 'none']));
    for (const s of got) {
      const hits = ix.search(s.q);
      if (s.kind === 'none') {
        expect(hits, s.q).toEqual([]);
        continue;
      }
      expect(hits.length, `${s.kind} ${s.q}`).toBeGreaterThan(0);
      const tier = { chinese: TIER.text, words: TIER.concept, pinyin: TIER.pinyin, initials: TIER.initials, typo: TIER.fuzzy }[s.kind];
      if (s.kind === 'typo') expect(hits[0].score, s.q).toBeGreaterThanOrEqual(TIER.fuzzy);
      else expect(hits[0].score, `${s.kind} ${s.q}`).toBeLessThanOrEqual(tier + 0.05);
    }
  });

  it('a typo differs from a run of a text in exactly one character', () => {
    const typos = sampleQueries(texts, 20).filter((x) => x.kind === 'typo');
    expect(typos.length).toBeGreaterThan(0);
    for (const { q } of typos) {
      const chars = Array.from(q);
      expect(texts.some((t) => t.includes(q)), q).toBe(false);
      const oneOff = chars.some((_, i) => texts.some((t) => new RegExp(`${chars.slice(0, i).join('')}[^${chars[i]}]${chars.slice(i + 1).join('')}`).test(t)));
      expect(oneOff, q).toBe(true);
    }
  });

  it('is deterministic, capped, without repeats, and empty for texts with no run of Chinese', () => {
    expect(sampleQueries(texts)).toEqual(sampleQueries(texts));
    expect(sampleQueries(texts).length).toBe(8);
    const qs = sampleQueries(texts, 50).map((s) => s.q);
    expect(new Set(qs).size).toBe(qs.length);
    expect(sampleQueries(['Annual report, 2025.', '短句'])).toEqual([]);
  });
});
