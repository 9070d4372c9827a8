import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCache, loadKnowledgeBase } from '../../src/kb/load.js';
import { CORPUS, PLAN_FILES } from './helpers.js';

function corpusCopy(): string {
  const d = mkdtempSync(join(tmpdir(), 'plans-kb-'));
  for (const f of PLAN_FILES) copyFileSync(join(CORPUS, f), join(d, f));
  return d;
}

describe('knowledge base', () => {
  it('ids are stable across runs and unique', () => {
    const a = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
    const b = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
    expect(a.tasks.map((t) => t.id)).toEqual(b.tasks.map((t) => t.id));
    expect(new Set(a.tasks.map((t) => t.id)).size).toBe(a.tasks.length);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
  it('editing one paragraph changes only the ids of the tasks in it', () => {
    const d = corpusCopy();
    const before = loadKnowledgeBase({ corpusDir: d, cachePath: null }).kb;
    const raw = readFileSync(join(d, 'hebei.txt'), 'utf8');
    const edited = raw.replace('出台《河北省政务信息资源目录编制指南》', '出台《河北省政务信息资源目录编制规范》');
    expect(edited).not.toBe(raw);
    writeFileSync(join(d, 'hebei.txt'), edited);
    const after = loadKnowledgeBase({ corpusDir: d, cachePath: null }).kb;
    const gone = before.tasks.filter((t) => !after.tasks.some((u) => u.id === t.id));
    const added = after.tasks.filter((t) => !before.tasks.some((u) => u.id === t.id));
    expect(gone.map((t) => t.text)).toEqual(['2017年10月底前，出台《河北省政务信息资源目录编制指南》。']);
    expect(added.map((t) => t.text)).toEqual(['2017年10月底前，出台《河北省政务信息资源目录编制规范》。']);
  });
  it('a bad file next to good ones is reported and skipped; the rest loads', () => {
    const d = corpusCopy();
    writeFileSync(join(d, 'broken.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x89]));
    writeFileSync(join(d, 'empty.txt'), '');
    const { kb, skipped } = loadKnowledgeBase({ corpusDir: d, cachePath: null });
    expect(kb.plans.map((p) => p.id).sort()).toEqual(['anhui', 'chongqing', 'fujian', 'hebei', 'hunan']);
    expect(skipped.map((s) => s.file).sort()).toEqual(['broken.txt', 'empty.txt']);
    expect(skipped.find((s) => s.file === 'broken.txt')!.reason).toMatch(/binary/);
    expect(skipped.find((s) => s.file === 'empty.txt')!.reason).toMatch(/empty/);
  });
  it('the cache is reused until a corpus file changes, then rebuilt', () => {
    const d = corpusCopy();
    const cache = join(mkdtempSync(join(tmpdir(), 'plans-cache-')), 'kb.json');
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(true);
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(false);
    expect(checkCache(d, cache).fresh).toBe(true);
    writeFileSync(join(d, 'hunan.txt'), readFileSync(join(d, 'hunan.txt'), 'utf8') + '\n');
    expect(checkCache(d, cache).fresh).toBe(false);
    expect(loadKnowledgeBase({ corpusDir: d, cachePath: cache }).rebuilt).toBe(true);
    writeFileSync(cache, '{not json');
    const r = loadKnowledgeBase({ corpusDir: d, cachePath: cache });
    expect(r.rebuilt).toBe(true);
    expect(r.kb.plans).toHaveLength(5);
  });
  it('a plan dropped into the folder is picked up with the same quality, no code change', () => {
    const d = corpusCopy();
    // A "new province": 河北's text under another name, as a user would add it.
    const raw = readFileSync(join(d, 'hebei.txt'), 'utf8').replaceAll('河北省', '山西省').replaceAll('河北', '山西');
    writeFileSync(join(d, 'shanxi.txt'), raw);
    const { kb } = loadKnowledgeBase({ corpusDir: d, cachePath: null });
    const plan = kb.plans.find((p) => p.id === 'shanxi')!;
    expect(plan).toMatchObject({ province: '山西省', title: '山西省政务信息系统整合共享实施方案', issuedOn: '2017-09-22' });
    expect(kb.tasks.filter((t) => t.planId === 'shanxi').length).toBe(kb.tasks.filter((t) => t.planId === 'hebei').length);
  });
  it('the unit directory folds aliases and counts per plan', () => {
    const { kb } = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null });
    const fgw = kb.units.find((u) => u.canonical === '省发展改革委')!;
    expect(fgw.aliases).toEqual(expect.arrayContaining(['省发展改革委', '省发改委']));
    expect(Object.keys(fgw.plans).sort()).toEqual(expect.arrayContaining(['anhui', 'hebei', 'hunan']));
    expect(kb.units.filter((u) => u.kind === '审计').map((u) => u.canonical).sort()).toEqual(['市审计局', '省审计厅']);
  });
});
