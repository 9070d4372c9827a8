import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { decode, quality } from '../../src/pipeline/decode.js';
import { CORPUS } from './helpers.js';

// A short plan written for this test (not taken from any published document).
const PLAN = [
  '某某省数据资源统筹管理工作方案',
  '某某省人民政府办公厅',
  '2019年3月5日',
  '一、主要任务',
  '（一）摸清底数。2019年6月底前，完成全省政务数据资源普查，形成统一的资源目录。（省大数据局牵头，省直各部门配合）',
  '（二）打通平台。2019年12月底前，各市建成本级数据共享交换平台，并与省级平台对接。（各市人民政府负责）',
  '（三）强化考核。每年1月底前，向省政府报告上一年度数据共享情况。（省大数据局负责）',
  '',
].join('\n');

/** The UTF-8 bytes of PLAN with `extra` inserted after the first occurrence of `after`. */
function withStray(text: string, after: string, extra: number[]): Buffer {
  const at = Buffer.byteLength(text.slice(0, text.indexOf(after) + after.length), 'utf8');
  const b = Buffer.from(text, 'utf8');
  return Buffer.concat([b.subarray(0, at), Buffer.from(extra), b.subarray(at)]);
}

describe('decoding by quality', () => {
  it('a mostly-UTF-8 file with one stray 0xA0 stays UTF-8, the byte replaced, and the warning names its line', () => {
    const d = decode(withStray(PLAN, '完成全省', [0xa0]));
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe(PLAN.replace('完成全省', '完成全省\ufffd'));
    expect(d.warnings).toEqual([expect.stringMatching(/1 invalid UTF-8 sequence.*line 5\b/)]);
  });
  it('several stray bytes on several lines: each line is named', () => {
    const b = withStray(PLAN, '数据共享交换平台', [0xa0]);
    const text = PLAN.replace('数据共享交换平台', '数据共享交换平台\ufffd');
    const d = decode(withStray(text, '强化考核', [0xff, 0xfe]));
    expect(d.ok && d.encoding).toBe('utf-8');
    if (!d.ok) return;
    expect(d.warnings[0]).toMatch(/invalid UTF-8 .*lines 6, 7\b/);
    // A stray byte inside the first file bytes does not change the decoding either.
    expect(decode(b)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });
  it('a GBK file and a GB18030 file (with a character outside GBK) decode as GB18030, without repair warnings', () => {
    const gbk = decode(iconv.encode(PLAN, 'gbk'));
    expect(gbk).toMatchObject({ ok: true, encoding: 'gb18030', text: PLAN, warnings: [] });
    const rare = PLAN.replace('某某省', '𠀾某省');
    const gb = decode(iconv.encode(rare, 'gb18030'));
    expect(gb).toMatchObject({ ok: true, encoding: 'gb18030', text: rare, warnings: [] });
  });
  it('a GBK file with a stray byte is still GB18030, with the bad byte reported', () => {
    const bytes = iconv.encode(PLAN, 'gbk');
    const at = iconv.encode(PLAN.slice(0, PLAN.indexOf('打通平台')), 'gbk').length;
    const d = decode(Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]));
    expect(d.ok && d.encoding).toBe('gb18030');
    if (!d.ok) return;
    expect(d.text).toContain('打通平台');
    expect(d.warnings[0]).toMatch(/invalid GB18030 .*line 6\b/);
  });
  it('a valid UTF-8 file that contains U+FFFD itself gets no repair warning', () => {
    expect(decode(Buffer.from(PLAN + '\ufffd\n', 'utf8'))).toMatchObject({ ok: true, encoding: 'utf-8', warnings: [] });
  });
  it('quality(): the right decoding scores higher than the wrong one', () => {
    const utf8 = Buffer.from(PLAN, 'utf8');
    expect(quality(PLAN).score).toBeGreaterThan(0.9);
    expect(quality(iconv.decode(utf8, 'gb18030')).score).toBeLessThan(0.5);
    expect(quality(iconv.decode(iconv.encode(PLAN, 'gbk'), 'utf8')).score).toBeLessThan(0);
  });
  it('hebei.txt with one stray 0xA0 still gives its 27 tasks, and the plan warning names the line', () => {
    const raw = readFileSync(join(CORPUS, 'hebei.txt'), 'utf8');
    const needle = '（一）指导思想';
    const d = mkdtempSync(join(tmpdir(), 'plans-dec-q-'));
    writeFileSync(join(d, 'hebei.txt'), withStray(raw, needle, [0xa0]));
    const { kb, skipped } = loadKnowledgeBase({ corpusDir: d, cachePath: null });
    expect(skipped).toEqual([]);
    expect(kb.tasks.length).toBe(27);
    const line = raw.slice(0, raw.indexOf(needle)).split('\n').length;
    expect(kb.plans[0].warnings).toContainEqual(expect.stringMatching(new RegExp(`invalid UTF-8 .*line ${line}\\b`)));
    expect(kb.plans[0].warnings.join('\n')).not.toMatch(/GB18030/);
  });
});
