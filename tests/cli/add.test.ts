/** `plans add FILE…`: copies into the corpus, indexes, reports; unreadable files are not copied. */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, plans, ROOT } from './helpers.js';

const FIX = join(ROOT, 'tests', 'fixtures', 'formats');
let corpus: string;
let env: Record<string, string>;
beforeAll(() => {
  ensureBuilt();
  corpus = mkdtempSync(join(tmpdir(), 'plans-add-'));
  copyFileSync(join(ROOT, 'corpus', 'hebei.txt'), join(corpus, 'hebei.txt'));
  env = { PLANS_DATA_DIR: mkdtempSync(join(tmpdir(), 'plans-add-data-')), NO_COLOR: '1' };
});

describe('plans add', () => {
  it('copies a Word plan in (the source stays), indexes it and prints its report', () => {
    const r = plans(['add', join(FIX, 'anhui.docx'), '--corpus', corpus], env);
    expect(r.code).toBe(0);
    expect(existsSync(join(FIX, 'anhui.docx'))).toBe(true);
    expect(readFileSync(join(corpus, 'anhui.docx')).equals(readFileSync(join(FIX, 'anhui.docx')))).toBe(true);
    expect(r.stdout).toMatch(/anhui\.docx\s+anhui\s+47\s+43\s+45/);
    expect(r.stdout).toContain('方案库共 2 个方案 plans in the corpus');
    // the next command sees it
    const s = JSON.parse(plans(['search', '信息系统审计', '--json', '--corpus', corpus], env).stdout) as Array<{ task: { planId: string } }>;
    expect(s.some((h) => h.task.planId === 'anhui')).toBe(true);
  });
  it('a file it cannot read is reported with the reason and not copied; the others are added (exit 1)', () => {
    const wps = join(mkdtempSync(join(tmpdir(), 'plans-add-src-')), 'plan.wps');
    writeFileSync(wps, 'x');
    const r = plans(['add', join(FIX, 'broken', 'scan.pdf'), wps, join(FIX, 'anhui-annex.csv'), '--corpus', corpus], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scan\.pdf: no text layer.*OCR it first/);
    expect(r.stderr).toMatch(/plan\.wps: cannot be read: a WPS document/);
    expect(readdirSync(corpus).sort()).toEqual(['anhui-annex.csv', 'anhui.docx', 'hebei.txt']);
    expect(r.stdout).toMatch(/anhui-annex\.csv\s+anhui-annex\s+21/);
  });
  it('the same plan in another format would clash with its id: refused, not copied', () => {
    const r = plans(['add', join(FIX, 'anhui.pdf'), '--corpus', corpus], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already has anhui\.docx as plan "anhui"/);
    expect(existsSync(join(corpus, 'anhui.pdf'))).toBe(false);
  });
  it('a different file under a name already in the corpus needs --force', () => {
    const other = join(mkdtempSync(join(tmpdir(), 'plans-add-src-')), 'hebei.txt');
    writeFileSync(other, readFileSync(join(ROOT, 'corpus', 'hebei.txt'), 'utf8') + '\n（补充）');
    expect(plans(['add', other, '--corpus', corpus], env).stderr).toMatch(/already in the corpus with other content \(use --force/);
    expect(plans(['add', other, '--corpus', corpus, '--force'], env).code).toBe(0);
    expect(readFileSync(join(corpus, 'hebei.txt'), 'utf8')).toContain('（补充）');
  });
  it('no file is bad usage (exit 2)', () => {
    expect(plans(['add', '--corpus', corpus], env).code).toBe(2);
  });
});
