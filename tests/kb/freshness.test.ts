/**
 * The cache's up-to-date check: corpus files are stat-ed, and only those whose size or mtime changed
 * since the cache was written are read and hashed (readFileSync is spied on: an unchanged corpus reads
 * no corpus file). The key stays content-based.
 */
import * as fs from 'node:fs';
import { copyFileSync, mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkCache, loadKnowledgeBase } from '../../src/kb/load.js';
import { CORPUS, PLAN_FILES } from '../pipeline/helpers.js';

vi.mock('node:fs', async (importOriginal) => {
  const m = await importOriginal<typeof import('node:fs')>();
  return { ...m, readFileSync: vi.fn(m.readFileSync) };
});

const readSpy = fs.readFileSync as unknown as ReturnType<typeof vi.fn>;
/** Corpus files whose contents were read since the last reset. */
const corpusReads = (dir: string): string[] =>
  readSpy.mock.calls.map((c) => String(c[0])).filter((p) => p.startsWith(dir + '/')).map((p) => p.slice(dir.length + 1));

const HOUR_AGO = (Date.now() - 3600_000) / 1000;

/** A copy of the bundled plans whose mtimes are an hour old (older than the racy window), and a cache for it. */
function setup(): { d: string; cache: string } {
  const d = mkdtempSync(join(tmpdir(), 'plans-fresh-'));
  for (const f of PLAN_FILES) {
    copyFileSync(join(CORPUS, f), join(d, f));
    utimesSync(join(d, f), HOUR_AGO, HOUR_AGO);
  }
  const cache = join(mkdtempSync(join(tmpdir(), 'plans-fresh-cache-')), 'kb.json');
  expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(true);
  return { d, cache };
}

beforeEach(() => {
  readSpy.mockClear();
});

describe('up-to-date check without re-hashing', () => {
  it('an unchanged corpus: fresh, and no corpus file is read (check, then load)', () => {
    const { d, cache } = setup();
    readSpy.mockClear();
    const c = checkCache(d, cache);
    expect(c.fresh).toBe(true);
    expect(c.corpus.read).toBe(0);
    const r = loadKnowledgeBase({ corpusDir: d, cachePath: cache, corpus: c.corpus });
    expect(r.rebuilt).toBe(false);
    expect(r.kb.plans).toHaveLength(PLAN_FILES.length);
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(false);
    expect(corpusReads(d)).toEqual([]);
  });

  it('a changed file is detected (same size, new mtime): only that file is read', () => {
    const { d, cache } = setup();
    const f = join(d, 'hunan.txt');
    const raw = readFileSync(f, 'utf8');
    const i = raw.indexOf('审计');
    expect(i).toBeGreaterThan(0);
    const edited = raw.slice(0, i) + '统计' + raw.slice(i + 2); // same byte length
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(raw));
    writeFileSync(f, edited);
    readSpy.mockClear();
    const c = checkCache(d, cache);
    expect(c.fresh).toBe(false);
    expect(corpusReads(d)).toEqual(['hunan.txt']);
    const r = loadKnowledgeBase({ corpusDir: d, cachePath: cache });
    expect(r.rebuilt).toBe(true);
    expect(r.kb.tasks.some((t) => t.planId === 'hunan' && t.text.includes('统计'))).toBe(true);
  });

  it('a file touched but unchanged is hashed once, still fresh (the key is content-based), and not hashed again', () => {
    const { d, cache } = setup();
    utimesSync(join(d, 'anhui.txt'), HOUR_AGO + 60, HOUR_AGO + 60);
    readSpy.mockClear();
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(false);
    expect(corpusReads(d)).toEqual(['anhui.txt']);
    readSpy.mockClear();
    const c = checkCache(d, cache);
    expect(c.fresh).toBe(true);
    expect(corpusReads(d)).toEqual([]);
  });

  it('a file modified within the racy window of the stats is hashed even with the recorded size and mtime', () => {
    const d = mkdtempSync(join(tmpdir(), 'plans-fresh-'));
    for (const f of PLAN_FILES) copyFileSync(join(CORPUS, f), join(d, f)); // mtimes: now
    const cache = join(mkdtempSync(join(tmpdir(), 'plans-fresh-cache-')), 'kb.json');
    loadKnowledgeBase({ corpusDir: d, cachePath: cache });
    readSpy.mockClear();
    expect(checkCache(d, cache).corpus.read).toBe(PLAN_FILES.length);
  });

  it('documented limit: an edit that keeps both size and mtime is not seen; `plans index` (force) rebuilds', () => {
    const { d, cache } = setup();
    const f = join(d, 'hebei.txt');
    const st = statSync(f);
    const raw = readFileSync(f, 'utf8');
    const edited = raw.replace('编制指南', '编制规范'); // same byte length
    expect(edited).not.toBe(raw);
    writeFileSync(f, edited);
    utimesSync(f, st.atime, st.mtime);
    expect(checkCache(d, cache).fresh).toBe(true);
    const forced = loadKnowledgeBase({ corpusDir: d, cachePath: cache, force: true });
    expect(forced.rebuilt).toBe(true);
    expect(forced.kb.tasks.some((t) => t.text.includes('编制规范'))).toBe(true);
  });

  it('an old one-file cache (kb.json of format 1) or a broken manifest is ignored and rebuilt, never parsed as a knowledge base', () => {
    const { d, cache } = setup();
    writeFileSync(cache, JSON.stringify({ key: 'x', skipped: [], kb: { version: 1, plans: [], tasks: [], units: [], themes: [] } }));
    expect(checkCache(d, cache).fresh).toBe(false);
    const r = loadKnowledgeBase({ corpusDir: d, cachePath: cache });
    expect(r.rebuilt).toBe(true);
    expect(r.kb.plans).toHaveLength(PLAN_FILES.length);
    writeFileSync(cache, readFileSync(cache, 'utf8').slice(0, 40));
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(true);
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(false);
  });
});
