/**
 * The persisted search index (search/persist.ts): an index read back from its buffer gives exactly the
 * hits, scores and ranges of one built from the tasks, and a damaged buffer is refused (or, where the damage
 * is in a part read only on demand, found then), never a crash.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateScaleCorpus } from '../../bench/generate.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { SearchIndex } from '../../src/query/search/index.js';
import { decodeSearch, encodeSearch, SearchIndexCorrupt } from '../../src/query/search/persist.js';
import type { Task } from '../../src/types.js';

const QUERIES = [
  '僵尸', '政务信息系统', '信息系统整合', '数据 共享', '审计 整改', '审计厅', '年度报告', // Chinese, multi-term, meta, concept
  'shenji', 'zhengwu', 'sjt', 'zwxx', 'sj', 'gongxiang', // full pinyin, initials, two letters
  '僵户系统', '政务信息糸统', // typos
  '量子引力波', 'xqzvk', '𠀀', // no hit
];

let corpus: string;
let tasks: Task[];
const view = (ix: SearchIndex, q: string, pred?: (t: Task) => boolean, limit = 40) =>
  ix.search(q, pred, limit).map((h) => [h.task.id, h.score, h.ranges]);

beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'plans-psearch-'));
  generateScaleCorpus({ outDir: corpus, plans: 15, seed: 3 });
  tasks = loadKnowledgeBase({ corpusDir: corpus, cachePath: null }).kb.tasks;
  // a field with a lone surrogate and one with an astral character survive the round trip
  tasks[0] = { ...tasks[0], text: tasks[0].text + '\ud800断\udc00' };
  tasks[1] = { ...tasks[1], text: tasks[1].text + '𠀀' };
});

describe('persisted search index', () => {
  it('read back from its buffer, it answers every query exactly as a freshly built index, before and after it is warmed', async () => {
    const buf = encodeSearch(new SearchIndex(tasks).toParts(), 'code1');
    const parts = decodeSearch(buf, 'code1', tasks.length);
    expect(parts).not.toBeNull();
    const fresh = new SearchIndex(tasks);
    const loaded = SearchIndex.fromParts(tasks, parts!);
    let hits = 0;
    for (const q of QUERIES) {
      const a = view(fresh, q);
      expect(view(loaded, q), q).toEqual(a);
      hits += a.length;
    }
    expect(hits).toBeGreaterThan(200); // the queries do find things (no-hit ones aside)
    // warmed (fields and pinyin texts read whole, every field decoded): the same answers from memory
    const warmed = SearchIndex.fromParts(tasks, decodeSearch(buf, 'code1', tasks.length)!);
    await warmed.warmAsync();
    expect(warmed.ready).toBe(true);
    for (const q of QUERIES) expect(view(warmed, q), q).toEqual(view(fresh, q));
    // warmed over a corpus too large to decode whole: fields and pinyin verified in place, the same answers
    const big = SearchIndex.fromParts(tasks, decodeSearch(buf, 'code1', tasks.length)!);
    await big.warmAsync(8, 0);
    for (const q of QUERIES) expect(view(big, q), q).toEqual(view(fresh, q));
    const decoded = (big as unknown as { fields: Array<string | undefined> }).fields.filter((f) => f !== undefined).length;
    expect(decoded).toBeLessThan(tasks.length); // not every field was decoded (2 per task)
    expect(view(fresh, '量子引力波')).toEqual([]);
    const odd = (t: Task) => t.planId.charCodeAt(t.planId.length - 1) % 2 === 1;
    for (const q of ['政务', 'shenji', '僵户系统']) expect(view(loaded, q, odd, 10), q).toEqual(view(fresh, q, odd, 10));
    // the surrogate fields
    expect(view(loaded, '断')).toEqual(view(fresh, '断'));
    expect(view(loaded, '𠀀').map((h) => h[0])).toContain(tasks[1].id);
  });

  it('a truncated, corrupted, foreign or mismatched buffer is refused (null), never a crash', () => {
    const buf = encodeSearch(new SearchIndex(tasks).toParts(), 'code1');
    expect(decodeSearch(buf, 'code2', tasks.length)).toBeNull(); // other code
    expect(decodeSearch(buf, 'code1', tasks.length + 1)).toBeNull(); // other knowledge base
    for (const cut of [0, 3, 7, 20, 200, buf.length >> 1, buf.length - 1]) expect(decodeSearch(buf.subarray(0, cut), 'code1', tasks.length), `cut ${cut}`).toBeNull();
    expect(decodeSearch(new TextEncoder().encode('{"format":2}'), 'code1', tasks.length)).toBeNull();
    // a doc id out of range in a posting list: found when a search reads that list (the index is read
    // lazily), as SearchIndexCorrupt; through PlansQuery the search is answered from a rebuilt index
    const parts = new SearchIndex(tasks).toParts();
    const hdr = new DataView(buf.buffer).getUint32(4, true);
    const start = Math.ceil((8 + hdr) / 8) * 8;
    const sections = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + hdr))).sections as Record<string, [string, number, number]>;
    const bad = buf.slice();
    const cid = (ch: string) => parts.charId[ch.charCodeAt(0)];
    // every posting of every bigram of 政务信息系统 made out of range
    let damaged = 0;
    for (let i = 0; i + 1 < 6; i++) {
      const j = parts.biKeys.indexOf(cid('政务信息系统'[i]) * 32768 + cid('政务信息系统'[i + 1]));
      for (let p = j < 0 ? 0 : parts.biOff[j]; j >= 0 && p < parts.biOff[j + 1]; p++, damaged++) new DataView(bad.buffer).setInt32(start + sections.biData[1] + 4 * p, 1 << 30, true);
    }
    expect(damaged).toBeGreaterThan(0);
    const src = decodeSearch(bad, 'code1', tasks.length);
    expect(src).not.toBeNull();
    expect(() => SearchIndex.fromParts(tasks, src!).search('政务信息系统')).toThrow(SearchIndexCorrupt);
    const viaQuery = new PlansQuery({ version: 1, plans: [], tasks, units: [], themes: [] }, { search: () => decodeSearch(bad, 'code1', tasks.length) });
    const fresh = new SearchIndex(tasks);
    expect(viaQuery.search('政务信息系统', {}, 40).map((h) => [h.task.id, h.score, h.ranges])).toEqual(view(fresh, '政务信息系统'));
    // random damage anywhere: null, or an index whose searches answer or throw SearchIndexCorrupt (never
    // another error, never a crash); through PlansQuery always the fresh index's answers
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 30; k++) {
      const b = buf.slice();
      for (let j = 0; j < 8; j++) b[Math.floor(rand() * b.length)] ^= 0xff;
      const p = decodeSearch(b, 'code1', tasks.length);
      if (!p) continue;
      const ix = SearchIndex.fromParts(tasks, p);
      for (const q of ['政务', 'shenji']) {
        try {
          ix.search(q);
        } catch (e) {
          expect(e).toBeInstanceOf(SearchIndexCorrupt);
        }
      }
    }
  });

  it('through the cache: written with the knowledge base, loaded on the next start; a damaged file is ignored, same results', () => {
    const data = mkdtempSync(join(tmpdir(), 'plans-psearch-cache-'));
    const cachePath = join(data, 'kb.json');
    const built = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    expect(built.rebuilt).toBe(true);
    const file = readdirSync(data).find((f) => f.endsWith('.search.bin'));
    expect(file).toBeDefined();
    const again = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    expect(again.rebuilt).toBe(false);
    expect(again.searchParts()).not.toBeNull();
    const expected = QUERIES.map((q) => new PlansQuery(built.kb).search(q, {}, 30).map((h) => [h.task.id, h.score, h.ranges]));
    const viaPersisted = new PlansQuery(again.kb, { search: again.searchParts });
    expect(QUERIES.map((q) => viaPersisted.search(q, {}, 30).map((h) => [h.task.id, h.score, h.ranges]))).toEqual(expected);
    const raw = readFileSync(join(data, file!));
    writeFileSync(join(data, file!), raw.subarray(0, raw.length >> 1));
    const third = loadKnowledgeBase({ corpusDir: corpus, cachePath });
    expect(third.searchParts()).toBeNull();
    const rebuiltInMemory = new PlansQuery(third.kb, { search: third.searchParts });
    expect(QUERIES.map((q) => rebuiltInMemory.search(q, {}, 30).map((h) => [h.task.id, h.score, h.ranges]))).toEqual(expected);
  });
});
