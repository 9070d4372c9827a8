/** The offset maps of normalize and fold are runs, not an Int32Array per character (issue 12, memory for one big file). */
import { describe, expect, it } from 'vitest';
import { fold, unfoldSpan } from '../../src/pipeline/fold.js';
import { normalize, rawEnd, rawStart } from '../../src/pipeline/normalize.js';

const LINE = '各区县要在6月底前完成本地区数据资源目录编制工作。（牵头单位：市数据局）';

describe('offset maps', () => {
  it('a clean LF file of 2000 lines is one run, in either map', () => {
    const raw = Array.from({ length: 2000 }, (_, i) => `${i + 1}.${LINE}`).join('\n');
    const n = normalize(raw);
    expect(n.text).toBe(raw);
    expect(n.map.runs).toBe(1);
    expect(n.map.at.byteLength).toBeLessThan(64);
    const f = fold(n.text);
    expect(f.map.runs).toBe(1);
    expect(rawStart(n, 12345)).toBe(12345);
    expect(rawEnd(n, n.text.length)).toBe(raw.length);
  });
  it('CRLF, indentation and spaces in dates: a run per change, and every offset maps to its raw character', () => {
    const raw = Array.from({ length: 50 }, (_, i) => `\u3000\u3000${i + 1}.各区县要在 6 月底前完成目录编制。`).join('\r\n');
    const n = normalize(raw);
    expect(n.map.runs).toBeLessThan(50 * 6);
    for (let i = 0; i < n.text.length; i++) {
      const ch = n.text[i];
      if (ch === '\n') expect(raw[rawStart(n, i)]).toBe('\r');
      else expect(raw[rawStart(n, i)], `offset ${i}`).toBe(ch);
    }
    expect(rawEnd(n, n.text.length)).toBe(raw.length);
  });
  it('fold: glosses removed, spans map back across them', () => {
    const src = '推进縣經（jīng）貿（mào）委数据共享';
    const f = fold(src);
    expect(f.text).toBe('推进县经贸委数据共享');
    expect(src.slice(...unfoldSpan(f, 6, 10))).toBe('数据共享');
    expect(src.slice(...unfoldSpan(f, 2, 5))).toBe('縣經（jīng）貿（mào）');
  });
});

describe('normalize hands back the raw string only when nothing changed', () => {
  it('CR line ends and half-width punctuation are rewritten even where the offsets stay one run', () => {
    expect(normalize('第一行，完成。\r第二行，完成。').text).toBe('第一行，完成。\n第二行，完成。');
    expect(normalize('完成(省审计厅负责)').text).toBe('完成（省审计厅负责）');
    expect(normalize('1.完成\t目录').text).toBe('1.完成\t目录');
  });
});
