import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { decode } from '../../src/pipeline/decode.js';
import { normalize, rawEnd, rawStart } from '../../src/pipeline/normalize.js';
import { CORPUS } from './helpers.js';

const summary = (dir: string) => {
  const { kb, skipped } = loadKnowledgeBase({ corpusDir: dir, cachePath: null });
  return { skipped, tasks: kb.tasks.map((t) => ({ id: t.id, text: t.text, deadlines: t.deadlines, units: t.units, line: t.source.line })), plans: kb.plans.map((p) => ({ ...p, warnings: [] })) };
};

describe('decode variants of a real plan give the same knowledge base', () => {
  const utf8 = readFileSync(join(CORPUS, 'hebei.txt'));
  const text = utf8.toString('utf8');
  const variants: Record<string, Buffer> = {
    'utf8-bom': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]),
    'utf16le-bom': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]),
    'utf16be-bom': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')]),
    gb18030: iconv.encode(text, 'gb18030'),
    gbk: iconv.encode(text, 'gbk'),
    crlf: Buffer.from(text.replace(/\n/g, '\r\n')),
    cr: Buffer.from(text.replace(/\n/g, '\r')),
  };
  const base = (() => {
    const d = mkdtempSync(join(tmpdir(), 'plans-dec-'));
    writeFileSync(join(d, 'hebei.txt'), utf8);
    return summary(d);
  })();
  it.each(Object.keys(variants))('%s', (name) => {
    const d = mkdtempSync(join(tmpdir(), 'plans-dec-'));
    writeFileSync(join(d, 'hebei.txt'), variants[name]);
    const s = summary(d);
    expect(s.skipped).toEqual([]);
    expect(s.plans).toEqual(base.plans);
    expect(s.tasks).toEqual(base.tasks);
  });
  it('offsets point into the decoded raw text of each variant', () => {
    const d = mkdtempSync(join(tmpdir(), 'plans-dec-'));
    writeFileSync(join(d, 'hebei.txt'), variants.crlf);
    const { kb } = loadKnowledgeBase({ corpusDir: d, cachePath: null });
    const raw = variants.crlf.toString('utf8');
    for (const t of kb.tasks) expect(raw.slice(t.source.start, t.source.end).replace(/\s/g, '')).toContain(t.text.slice(0, 10));
  });
  it('binary and empty input are rejected with a reason', () => {
    expect(decode(Buffer.alloc(0))).toMatchObject({ ok: false, reason: expect.stringMatching(/empty/) });
    expect(decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff, 0x00, 0x13]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
    // one NUL where UTF-16BE would put it, but control characters and no Chinese once read so: binary
    expect(decode(Buffer.from([0x00, 0x01, 0x02, 0x62, 0x69, 0x6e, 0x61, 0x72, 0x79, 0xff, 0xfe]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
  });
  it('UTF-16 without a BOM is read when it reads as text', () => {
    const t = '一、重点任务\n1.完成河道清淤，6月底前完成。（县水利局负责）\n';
    for (const enc of ['utf16le', 'utf16-be']) expect(decode(iconv.encode(t, enc))).toMatchObject({ ok: true, text: t });
  });
});

describe('normalize', () => {
  it('removes spaces inside dates and full-width indentation, maps offsets back', () => {
    const raw = '\u3000\u30002017 年 7 月底前，完成（省审计厅负责）';
    const n = normalize(raw);
    expect(n.text).toBe('2017年7月底前，完成（省审计厅负责）');
    expect(raw[rawStart(n, 0)]).toBe('2');
    expect(raw[rawStart(n, n.text.indexOf('7月'))]).toBe('7');
  });
  it('half-width brackets and commas become full-width; digits stay', () => {
    expect(normalize('(省审计厅牵头,省直有关部门负责)1,000').text).toBe('（省审计厅牵头，省直有关部门负责）1,000');
    expect(normalize('２０１８年６月底前').text).toBe('2018年6月底前');
  });
  it('joins hard line breaks of a PDF copy (fixed wrap width) and gives the same tasks', () => {
    const text = readFileSync(join(CORPUS, 'hebei.txt'), 'utf8');
    const wrapped = text
      .split('\n')
      .map((line) => [...line].reduce<string[]>((acc, ch, i) => (i % 30 === 0 ? [...acc, ch] : [...acc.slice(0, -1), acc[acc.length - 1] + ch]), []).join('\n'))
      .join('\n');
    const d1 = mkdtempSync(join(tmpdir(), 'plans-pdf-'));
    writeFileSync(join(d1, 'hebei.txt'), wrapped);
    const { kb } = loadKnowledgeBase({ corpusDir: d1, cachePath: null });
    const d0 = mkdtempSync(join(tmpdir(), 'plans-pdf-'));
    writeFileSync(join(d0, 'hebei.txt'), text);
    const orig = loadKnowledgeBase({ corpusDir: d0, cachePath: null }).kb;
    expect(kb.tasks.map((t) => t.text)).toEqual(orig.tasks.map((t) => t.text));
    expect(kb.tasks.map((t) => t.id)).toEqual(orig.tasks.map((t) => t.id));
  });
});
