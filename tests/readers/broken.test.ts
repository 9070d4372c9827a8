/** Bad files next to good ones: each is listed with its reason, the rest still loads. */
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';

const DIR = join(__dirname, '..', 'fixtures', 'formats');

describe('a corpus folder with broken and foreign files', () => {
  const d = mkdtempSync(join(tmpdir(), 'plans-broken-'));
  copyFileSync(join(DIR, 'anhui.docx'), join(d, 'anhui.docx'));
  for (const f of readdirSync(join(DIR, 'broken'))) copyFileSync(join(DIR, 'broken', f), join(d, f));
  writeFileSync(join(d, 'README.md'), '# 说明\n本文件夹存放方案文件。');
  writeFileSync(join(d, 'notes.json'), '{"a": 1}');
  writeFileSync(join(d, 'plan.wps'), 'x');
  const { kb, skipped } = loadKnowledgeBase({ corpusDir: d, cachePath: null });
  const reason = (f: string) => skipped.find((s) => s.file === f)?.reason ?? '(not listed)';

  it('the good plan loads', () => {
    expect(kb.plans.map((p) => p.file)).toEqual(['anhui.docx']);
    expect(kb.tasks.length).toBe(47);
  });
  it('every other file is listed with a reason a user can act on', () => {
    expect(reason('truncated.docx')).toMatch(/archive is damaged/);
    expect(reason('truncated.xlsx')).toMatch(/archive is damaged/);
    expect(reason('truncated.pdf')).toMatch(/PDF is damaged/);
    expect(reason('encrypted.pdf')).toMatch(/password-protected/);
    expect(reason('scan.pdf')).toMatch(/no text layer.*OCR it first/);
    expect(reason('old-word.doc')).toMatch(/old Word \.doc.*soffice --headless --convert-to docx/);
    expect(reason('plan.wps')).toMatch(/WPS/);
    expect(reason('binary.html')).toMatch(/no Chinese text/);
    expect(reason('README.md')).toMatch(/not a plan/);
    expect(reason('notes.json')).toMatch(/not a plan/);
    expect(skipped.length).toBe(readdirSync(d).length - 1);
  });
});
