/**
 * Pinyin candidates are walked in windows of task order over paged trigram lists (search/postings.ts
 * PagedList, windowIntersect): a query that needs only its first hits reads only the first part of each
 * list, and the answers are those of the whole lists.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateScaleCorpus, rng } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { SearchIndex } from '../../src/query/search/index.js';
import { encodeSearch, openSearch } from '../../src/query/search/persist.js';
import { intersect, PagedList, windowIntersect } from '../../src/query/search/postings.js';
import type { Task } from '../../src/types.js';

const sortedSample = (r: () => number, universe: number, share: number) => {
  const out: number[] = [];
  for (let i = 0; i < universe; i++) if (r() < share) out.push(i);
  return Int32Array.from(out);
};

describe('PagedList', () => {
  it('answers lowerBound and slice as the array does, reading only the pages it needs', () => {
    const r = rng(7);
    const list = sortedSample(r, 200_000, 0.3);
    let pages = 0;
    const paged = new PagedList(list.length, (a, b) => {
      pages++;
      return list.slice(a, b);
    });
    for (let k = 0; k < 300; k++) {
      const x = Math.floor(r() * 210_000);
      const from = Math.floor(r() * list.length);
      let want = from;
      while (want < list.length && list[want] < x) want++;
      expect(paged.lowerBound(x, from)).toBe(want);
    }
    for (let k = 0; k < 100; k++) {
      const a = Math.floor(r() * list.length);
      const b = Math.min(list.length, a + Math.floor(r() * 5000));
      expect(Array.from(paged.slice(a, b))).toEqual(Array.from(list.subarray(a, b)));
    }
    // a fresh list: the ids below 1000 take a page or two, not the 30 of the list
    pages = 0;
    const fresh = new PagedList(list.length, (a, b) => {
      pages++;
      return list.slice(a, b);
    });
    const end = fresh.lowerBound(1000);
    expect(Array.from(fresh.slice(0, end))).toEqual(Array.from(list).filter((x) => x < 1000));
    expect(pages).toBeLessThanOrEqual(2);
    expect(Math.ceil(list.length / 2048)).toBeGreaterThan(25);
  });

  it('windowIntersect over doubling windows gives the intersection of the whole lists', () => {
    const r = rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const universe = 20_000 + Math.floor(r() * 20_000);
      const arrays = [0.05, 0.4, 0.7].map((s) => sortedSample(r, universe, s * (0.5 + r())));
      arrays.sort((a, b) => a.length - b.length);
      let want: Int32Array = arrays[0];
      for (const a of arrays.slice(1)) want = intersect(want, a);
      const lists = arrays.map((a) => PagedList.of(a));
      const at = lists.map(() => 0);
      const got: number[] = [];
      for (let t0 = 0, w = 1000; t0 < universe; t0 += w, w *= 2) got.push(...windowIntersect(lists, at, Math.min(universe, t0 + w), 0));
      expect(got).toEqual(Array.from(want));
      // with the default (stop intersecting below 32 ids) it is a superset, still in order, within the shortest list
      const at2 = lists.map(() => 0);
      const loose: number[] = [];
      for (let t0 = 0, w = 1000; t0 < universe; t0 += w, w *= 2) loose.push(...windowIntersect(lists, at2, Math.min(universe, t0 + w)));
      const shortest = new Set(arrays[0]);
      expect(loose.every((x, i) => shortest.has(x) && (i === 0 || loose[i - 1] < x))).toBe(true);
      expect(new Set(loose).size).toBeGreaterThanOrEqual(want.length);
      for (const x of want) expect(loose).toContain(x);
    }
  });
});

describe('pinyin search over a persisted index of several windows of tasks', () => {
  let tasks: Task[];
  let buf: Uint8Array;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-pywin-'));
    generateScaleCorpus({ outDir: dir, plans: 70, seed: 5 });
    tasks = loadKnowledgeBase({ corpusDir: dir, cachePath: null }).kb.tasks;
    buf = encodeSearch(new SearchIndex(tasks).toParts(), 'c');
  }, 120_000);
  const opened = () => {
    const reads = { bytes: 0 };
    const src = openSearch((pos, len) => {
      reads.bytes += len;
      return buf.slice(pos, pos + len);
    }, buf.length, 'c', tasks.length)!;
    return { ix: SearchIndex.fromParts(tasks, src), reads };
  };
  const view = (ix: SearchIndex, q: string, limit: number) => ix.search(q, undefined, limit).map((h) => [h.task.id, h.score, h.ranges]);

  it('answers as an index built in memory, for common, rare and absent pinyin, at any limit', () => {
    expect(tasks.length).toBeGreaterThan(4 * 1024); // several windows
    const built = new SearchIndex(tasks);
    for (const q of ['zhengfu', 'gongzuo', 'jianshe', 'zfgz', 'nongcun', 'xqzvkw']) {
      for (const limit of [5, 50, 5000]) {
        const { ix } = opened();
        expect(view(ix, q, limit), `${q} ${limit}`).toEqual(view(built, q, limit));
      }
    }
  });

  it('a common query with a small limit reads only part of its trigram lists', () => {
    const q = 'gongzuo';
    // what opening and the pinyin tables cost, apart from the lists: a query of trigrams that are in no list
    const base = opened();
    base.ix.search('xqzvkw', undefined, 5);
    const few = opened();
    few.ix.search(q, undefined, 5);
    const every = opened();
    const all = every.ix.search(q, undefined, 100_000);
    expect(all.length).toBeGreaterThan(1000);
    const listBytes = (x: { bytes: number }) => x.bytes - base.reads.bytes;
    expect(listBytes(few.reads)).toBeGreaterThan(0);
    expect(listBytes(few.reads)).toBeLessThan(listBytes(every.reads) / 2);
  });
});
