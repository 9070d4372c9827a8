import { planTagCell } from '../../src/tui/format.js';
import { PlansQuery } from '../../src/query/index.js';
import type { KnowledgeBase } from '../../src/types.js';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import shim from '../../src/tui/perf/string-width-shim.js';
import { displayWidth } from '../../src/util/text.js';
import { fitSegs, highlightSegs, segsWidth, wrapAnsi, stripAnsi, stripColorCodes } from '../../src/tui/layout.js';
import { splitInput, toKeyEvent } from '../../src/tui/hooks/useKeymap.js';
import type { Key } from 'ink';

const SAMPLES = [
  '河北省政务信息系统整合共享实施方案',
  '（省审计厅牵头，省直各部门负责）2018年2月底前…',
  '\u001b[1m\u001b[36m 1 搜索 \u001b[22m\u001b[39m · 对比',
  '“僵尸”信息系统—·›│╭╮',
  'e\u0301 👍🏽 🇨🇳 ｶﾞ ㄅ 한국어 ไทย',
  '',
  'plain ascii',
];

describe('display width', () => {
  it('util/text displayWidth and the Ink shim agree with string-width', () => {
    for (const s of SAMPLES) {
      expect(shim(s), s).toBe(stringWidth(s));
      expect(displayWidth(stripAnsi(s)), s).toBe(stringWidth(s));
    }
  });
});

describe('display width of every character', () => {
  it('each BMP code point (surrogates aside), alone and in a run of three, has the width string-width gives it', () => {
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCharCode(cp);
      if (displayWidth(ch) !== stringWidth(ch)) expect(displayWidth(ch), `U+${cp.toString(16)}`).toBe(stringWidth(ch));
      const run = `a${ch}中`;
      if (displayWidth(run) !== stringWidth(run)) expect(displayWidth(run), `a U+${cp.toString(16)} 中`).toBe(stringWidth(run));
    }
  });
});

describe('layout helpers', () => {
  it('fitSegs is exactly the width asked for, whatever the mix of wide characters and ellipsis', () => {
    const segs = highlightSegs('河北省政务信息系统ab整合共享实施方案', [[2, 5]], { bold: true });
    for (let w = 1; w < 40; w++) expect(segsWidth(fitSegs(segs, w)), `width ${w}`).toBe(w);
  });

  it('highlightSegs splits by ranges and strips control characters from each piece', () => {
    const segs = highlightSegs('ab\u001b[2J僵尸cd', [[6, 8]], { bold: true });
    expect(segs.map((s) => s.text).join('')).toBe('ab僵尸cd');
    expect(segs.find((s) => s.bold)?.text).toBe('僵尸');
  });

  it('wrapAnsi breaks styled CJK lines by width and re-opens the style on the next line', () => {
    const lines = wrapAnsi('\u001b[7m一二三四五六\u001b[27m七', 6);
    expect(lines.map(stripAnsi)).toEqual(['一二三', '四五六', '七']);
    expect(lines[1].startsWith('\u001b[7m')).toBe(true);
    for (const l of lines) expect(displayWidth(stripAnsi(l))).toBeLessThanOrEqual(6);
  });

  it('stripColorCodes keeps bold/inverse, drops colours (NO_COLOR)', () => {
    expect(stripColorCodes('\u001b[1m\u001b[31mx\u001b[39m\u001b[7my\u001b[38;5;208mz')).toBe('\u001b[1mx\u001b[7myz');
  });
});

describe('keys', () => {
  const none = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;
  it('an IME commit is one text event; DEL is backspace; a chunk "j\\r" is j then Enter; Esc+2 is Escape then 2', () => {
    expect(toKeyEvent('僵尸', none)).toMatchObject({ name: 'text', text: '僵尸' });
    expect(toKeyEvent('', { ...none, delete: true }).name).toBe('backspace');
    expect(splitInput('j\r', none).map((e) => e.name)).toEqual(['j', 'enter']);
    expect(splitInput('审计\u007f', none).map((e) => e.name)).toEqual(['text', 'backspace']);
    expect(splitInput('2', { ...none, meta: true }).map((e) => e.name)).toEqual(['escape', '2']);
  });
});

describe('start-up progress', () => {
  it('stays silent for 200 ms, then shows one overwriting line per file, and clears it at the end', async () => {
    const { progressReporter } = await import('../../src/tui/progress.js');
    let t = 0;
    const out: string[] = [];
    const p = progressReporter((s) => out.push(s), () => t);
    p.onProgress(0, 3, 'anhui.txt');
    t = 150;
    p.onProgress(1, 3, 'hebei.txt');
    expect(out).toEqual([]);
    t = 250;
    p.onProgress(2, 3, 'hu\u001bnan.txt');
    expect(out.at(-1)).toContain('3/3 hunan.txt');
    p.onProgress(3, 3, '');
    expect(out.at(-1)).toBe('\r\u001b[2K');
    const quick = progressReporter((s) => out.push(s), () => 0);
    const n = out.length;
    quick.onProgress(0, 1, 'a.txt');
    quick.onProgress(1, 1, '');
    expect(out.length).toBe(n);
  });
});

describe('the plan column of a row', () => {
  const plan = (id: string, place: string, title: string) => ({ id, province: null, place, title, docNumber: null, issuer: null, issuedOn: null, file: `${id}.txt`, warnings: [] });
  const query = (plans: ReturnType<typeof plan>[]) => new PlansQuery({ version: 1, plans, tasks: [], units: [], themes: [], skipped: [] } as unknown as KnowledgeBase);
  it('is 4 columns for tags of one place each, and wider, up to a share of the row, for tags that tell plans of one place apart', () => {
    const one = query([plan('a', '安徽省', '安徽省方案'), plan('b', '河北省', '河北省方案')]);
    expect(planTagCell(one, 'a', 80)).toBe('安徽 ');
    const two = query([plan('a', '江州市', '江州市防汛工作方案'), plan('b', '江州市', '江州市优化营商环境行动方案')]);
    expect(displayWidth(planTagCell(two, 'b', 80))).toBe(9);
    // the place and the first of the topic stay at 80 columns: the two are told apart
    expect(planTagCell(two, 'a', 80)).not.toBe(planTagCell(two, 'b', 80));
    // a wide row gives it up to 14 columns
    expect(displayWidth(planTagCell(two, 'b', 120))).toBe(15);
    expect(planTagCell(two, 'b', 120).startsWith('江州·优化营商')).toBe(true);
  });
});
