/** Small things a user notices on the command line (issue 12, item 10). */
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { PlansQuery } from '../../src/query/index.js';
import { plansInProcess, ROOT } from './helpers.js';
import { corpusReader } from '../../src/kb/source.js';

const plans = plansInProcess;
const tmp = (p = 'plans-small-') => mkdtempSync(join(tmpdir(), p));
const CORPUS = join(ROOT, 'corpus');

let q: PlansQuery;
beforeAll(() => {
  q = new PlansQuery(loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb, { source: corpusReader(CORPUS) });
});

describe('mine export --out', () => {
  it('refuses to overwrite an existing file without --force (exit 1, file untouched); --force overwrites', async () => {
    const data = tmp();
    const base = ['--corpus', CORPUS, '--data-dir', data];
    expect((await plans(['mine', 'units', 'set', '审计', ...base])).code).toBe(0);
    const out = join(tmp(), '我的清单.csv');
    writeFileSync(out, 'keep me');
    for (const format of ['csv', 'md', 'ics', 'xlsx']) {
      const r = await plans(['mine', 'export', '--format', format, '--out', out, ...base]);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(`${out} already exists`);
      expect(r.err).toContain('--force');
      expect(readFileSync(out, 'utf8')).toBe('keep me');
    }
    const r = await plans(['mine', 'export', '--format', 'csv', '--out', out, '--force', ...base]);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('审计');
    const fresh = join(tmp(), 'new.md');
    expect((await plans(['mine', 'export', '--format', 'md', '--out', fresh, ...base])).code).toBe(0);
    expect(existsSync(fresh)).toBe(true);
  });
});

describe('--help', () => {
  it('lists --as-of (the app, mine, mark) with the other common options', async () => {
    const r = await plans(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ {2}--as-of YYYY-MM-DD +\S/m);
    expect(r.out).toMatch(/plans \[--as-of YYYY-MM-DD\]/);
  });
});

describe('search without a query', () => {
  it('--unit 审计 lists every task the filters select', async () => {
    const want = q.tasks({ unit: '审计' }).map((t) => t.id);
    expect(want.length).toBeGreaterThan(3);
    const r = await plans(['search', '--unit', '审计', '--json', '--corpus', CORPUS, '--data-dir', tmp()]);
    expect(r.code, r.err).toBe(0);
    expect((JSON.parse(r.out) as { task: { id: string } }[]).map((h) => h.task.id)).toEqual(want);
    const text = await plans(['search', '--unit', '审计', '--province', '安徽', '--corpus', CORPUS, '--data-dir', tmp()]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`${q.tasks({ unit: '审计', plans: ['anhui'] }).length} 项任务 tasks`);
  });
  it('with neither a query nor a filter it is still bad usage', async () => {
    const r = await plans(['search', '--corpus', CORPUS, '--data-dir', tmp()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/QUERY/);
  });
});

describe('a symlinked checklist.json', () => {
  it('is written through the link: the link stays a link and the target gets the change', async () => {
    const data = tmp();
    const elsewhere = tmp('plans-small-target-');
    const target = join(elsewhere, 'real-checklist.json');
    const base = ['--corpus', CORPUS, '--data-dir', data];
    const id = q.tasks()[0].id;
    // A first change creates the file; then move it behind a link (as a user keeping it in a synced folder).
    expect((await plans(['mark', id, 'doing', ...base])).code).toBe(0);
    writeFileSync(target, readFileSync(join(data, 'checklist.json')));
    const link = join(data, 'checklist.json');
    const { rmSync } = await import('node:fs');
    rmSync(link);
    symlinkSync(target, link);
    const r = await plans(['mark', id, 'done', '--note', '经链接写入', ...base]);
    expect(r.code, r.err).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    const stored = JSON.parse(readFileSync(target, 'utf8'));
    expect(stored.entries[id]).toMatchObject({ status: 'done', note: '经链接写入' });
    // A relative link into a sub-folder works too.
    mkdirSync(join(data, 'sync'));
    writeFileSync(join(data, 'sync', 'c.json'), readFileSync(target));
    rmSync(link);
    symlinkSync(join('sync', 'c.json'), link);
    expect((await plans(['mark', id, 'na', ...base])).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(data, 'sync', 'c.json'), 'utf8')).entries[id].status).toBe('na');
  });
});

describe('mine drop', () => {
  it('on an item that comes from my units explains that it cannot be dropped, and how to leave it out', async () => {
    const data = tmp();
    const base = ['--corpus', CORPUS, '--data-dir', data];
    expect((await plans(['mine', 'units', 'set', '审计', ...base])).code).toBe(0);
    const list = JSON.parse((await plans(['mine', '--json', ...base])).out);
    const fromUnits = list.entries.find((e: { origin: string; roles: string[] }) => e.roles.length > 0);
    const r = await plans(['mine', 'drop', fromUnits.taskId, ...base]);
    expect(r.code).toBe(1);
    expect(r.err).not.toContain('no checklist entry');
    expect(r.err).toContain('my units');
    expect(r.err).toMatch(/plans mark .* na/);
  });
  it('an entry added by hand is dropped', async () => {
    const data = tmp();
    const base = ['--corpus', CORPUS, '--data-dir', data];
    const id = q.tasks()[0].id;
    expect((await plans(['mark', id, 'doing', ...base])).code).toBe(0);
    const r = await plans(['mine', 'drop', id, ...base]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse((await plans(['mine', '--json', ...base])).out).entries).toEqual([]);
  });
});

describe('where the options go', () => {
  it('common options before the command work as after it (no "no terminal" error)', async () => {
    const data = tmp();
    const after = await plans(['search', '审计', '--json', '--corpus', CORPUS, '--data-dir', data]);
    const before = await plans(['--corpus', CORPUS, '--data-dir', data, 'search', '审计', '--json']);
    expect(before.code, before.err).toBe(0);
    expect(before.out).toBe(after.out);
    expect(JSON.parse(before.out).length).toBeGreaterThan(0);
    // without a command it is still the terminal app, which needs a terminal
    const bare = await plans(['--corpus', CORPUS]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('no terminal');
  });
  it('a file given as --corpus is named as a file, not as a missing folder', async () => {
    const f = join(CORPUS, readdirSync(CORPUS).find((n) => n.endsWith('.txt'))!);
    const r = await plans(['search', '审计', '--corpus', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is a file');
    expect(r.err).not.toContain('not found');
    const a = await plans(['add', f, '--corpus', f]);
    expect(a.code).toBe(2);
    expect(a.err).toContain('is a file');
  });
});

describe('notes beside the plans', () => {
  it('a note is reported when the folder is read, not again on every command; a file that cannot be read is, every time', async () => {
    const dir = tmp('plans-notes-');
    const data = tmp('plans-notes-data-');
    writeFileSync(join(dir, '某县2025年防汛工作方案.txt'), '某县2025年防汛工作方案\n一、重点任务\n1.5月底前完成山塘隐患排查。（责任单位：县水利局）\n');
    writeFileSync(join(dir, 'notes.json'), '{"todo": 1}');
    writeFileSync(join(dir, 'old.doc'), 'not really a doc');
    const run = () => plans(['search', '山塘', '--corpus', dir, '--data-dir', data]);
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.err).toContain('notes.json: not a plan');
    expect(first.err).toContain('old.doc: cannot be read');
    const again = await run();
    expect(again.code).toBe(0);
    expect(again.out).toContain('山塘');
    expect(again.err).not.toContain('notes.json');
    expect(again.err).toContain('old.doc: cannot be read');
  });
});

describe('themes', () => {
  it('lists the themes the plans have with their counts, and names the themes no plan has once, at the end', async () => {
    const dir = tmp('plans-themes-');
    writeFileSync(
      join(dir, 'xiaofang.txt'),
      [
        '某县消防安全专项整治工作方案',
        '一、重点任务',
        '（一）开展高层建筑消防隐患排查。县消防救援大队牵头，各乡镇配合，2026年6月底前完成辖区高层建筑隐患排查。',
        '二、保障措施',
        '（一）加强组织领导。成立县消防安全专项整治工作领导小组，统筹推进整治工作。',
        '（二）严格考核评价。县政府将整治工作纳入年度目标考核，对工作不力的单位予以通报。',
      ].join('\n'),
    );
    const data = tmp();
    const text = await plans(['themes', '--corpus', dir, '--data-dir', data]);
    expect(text.code, text.err).toBe(0);
    const lines = text.out.trim().split('\n');
    expect(lines.find((l) => l.startsWith('evaluation'))).toMatch(/评价考核 +xiaofang:1$/);
    expect(lines.some((l) => l.startsWith('zombie'))).toBe(false);
    const last = lines[lines.length - 1];
    expect(last).toMatch(/^无任务 no task in these plans: .*清理"僵尸"系统/);
    expect(last).not.toContain('评价考核');
    const json = await plans(['themes', '--json', '--corpus', dir, '--data-dir', data]);
    const rows = JSON.parse(json.out) as Array<{ id: string; plans: Record<string, number> }>;
    expect(rows.find((r) => r.id === 'zombie')?.plans).toEqual({ [Object.keys(rows[0].plans)[0]]: 0 });
  });
});

describe('--province', () => {
  it('a province finds the plans of its cities too (the province the text places the city in); the place itself finds its plan', async () => {
    const dir = tmp('plans-province-');
    writeFileSync(join(dir, 'xuancheng.txt'), ['宣城市2025年优化营商环境工作要点', '一、重点任务', '（一）压缩开办时间。市市场监管局牵头，2025年6月底前实现企业开办一日办结。', '主办单位：安徽省宣城市人民政府办公室'].join('\n'));
    writeFileSync(join(dir, 'hebei.txt'), ['河北省2025年优化营商环境工作要点', '一、重点任务', '（一）压缩开办时间。省市场监管局牵头，2025年6月底前实现企业开办一日办结。'].join('\n'));
    const base = ['--corpus', dir, '--data-dir', tmp(), '--json'];
    const plansOf = async (p: string) => {
      const r = await plans(['search', '--province', p, ...base]);
      expect(r.code, r.err).toBe(0);
      return [...new Set((JSON.parse(r.out) as Array<{ task: { planId: string } }>).map((h) => h.task.planId))];
    };
    expect(await plansOf('安徽')).toEqual(['xuancheng']);
    expect(await plansOf('安徽省')).toEqual(['xuancheng']);
    expect(await plansOf('宣城市')).toEqual(['xuancheng']);
    expect(await plansOf('河北')).toEqual(['hebei']);
    const exp = JSON.parse((await plans(['export', '--format', 'json', '--corpus', dir, '--data-dir', tmp()])).out) as { plans: Array<{ id: string; place: string; province: string }> };
    expect(exp.plans.map((p) => [p.id, p.place, p.province])).toEqual([
      ['hebei', '河北省', '河北省'],
      ['xuancheng', '宣城市', '安徽省'],
    ]);
  });
});
