/**
 * src/tui/perf/output.ts stands in for Ink's own frame buffer (build/output.js) in the shipped app: for
 * any sequence of frames it must give exactly what Ink's gives, frame by frame, including the rows it
 * reuses from the frame before.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/generate.js';
import Output, { resetOutputMemory, styledFromTokens, tokenizeLine } from '../../src/tui/perf/output.js';
import { styledCharsFromTokens, tokenize } from '@alcalzone/ansi-tokenize';

type AnyOutput = {
  write(x: number, y: number, text: string, o: { transformers: Array<(s: string, i: number) => string> }): void;
  clip(c: { x1?: number; x2?: number; y1?: number; y2?: number }): void;
  unclip(): void;
  get(): { output: string; height: number };
};
const inkOutput = async (): Promise<new (o: { width: number; height: number }) => AnyOutput> =>
  (await import(pathToFileURL(join(process.cwd(), 'node_modules/ink/build/output.js')).href)).default;

const SGR = ['\u001b[31m', '\u001b[1m', '\u001b[4m', '\u001b[7m', '\u001b[2m', '\u001b[36m', '\u001b[44m', '\u001b[38;5;208m'];
const RESET = ['\u001b[39m', '\u001b[22m', '\u001b[24m', '\u001b[27m', '\u001b[22m', '\u001b[39m', '\u001b[49m', '\u001b[39m'];
const PIECES = ['审计厅', '政务', '2018年6月底前', 'abc', ' ', '│', '…', '（牵头）', '—', 'Ｆ', 'x', '数据共享交换平台', '、'];

type Op = { kind: 'write'; x: number; y: number; text: string; upper: boolean } | { kind: 'clip'; x1?: number; x2?: number; y1?: number; y2?: number } | { kind: 'unclip' };

function styledText(rand: () => number): string {
  let s = '';
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) {
    const piece = PIECES[Math.floor(rand() * PIECES.length)];
    if (rand() < 0.5) {
      const k = Math.floor(rand() * SGR.length);
      s += SGR[k] + piece + RESET[k];
    } else s += piece;
  }
  return rand() < 0.15 ? s + '\n' + styledText(rand) : s;
}

function frameOps(rand: () => number, width: number, height: number): Op[] {
  const ops: Op[] = [];
  let depth = 0;
  const n = 5 + Math.floor(rand() * 25);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.1) {
      const x1 = Math.floor(rand() * width);
      const y1 = Math.floor(rand() * height);
      ops.push(rand() < 0.5 ? { kind: 'clip', x1, x2: x1 + Math.floor(rand() * width), y1, y2: y1 + Math.floor(rand() * height) } : { kind: 'clip', y1, y2: y1 + Math.floor(rand() * height) });
      depth++;
    } else if (r < 0.15 && depth > 0) {
      ops.push({ kind: 'unclip' });
      depth--;
    } else {
      ops.push({ kind: 'write', x: Math.floor(rand() * (width + 4)) - 2, y: Math.floor(rand() * (height + 2)) - 1, text: rand() < 0.05 ? '' : styledText(rand), upper: rand() < 0.1 });
    }
  }
  return ops;
}

function run(out: AnyOutput, ops: Op[]): string {
  for (const op of ops) {
    if (op.kind === 'clip') out.clip(op);
    else if (op.kind === 'unclip') out.unclip();
    else out.write(op.x, op.y, op.text, { transformers: op.upper ? [(s: string) => s.toUpperCase()] : [] });
  }
  return out.get().output;
}

describe('the frame buffer that replaces Ink’s', () => {
  it('gives what Ink’s Output gives, frame after frame, on random writes, clips, styles and wide characters', async () => {
    const InkOutput = await inkOutput();
    resetOutputMemory();
    const rand = rng(7);
    let width = 30;
    let height = 8;
    let ops = frameOps(rand, width, height);
    let reused = 0;
    for (let frame = 0; frame < 400; frame++) {
      // Mostly small changes of the frame before (as keystrokes make), sometimes a new frame or size.
      const r = rand();
      if (r < 0.1) {
        width = 10 + Math.floor(rand() * 40);
        height = 3 + Math.floor(rand() * 10);
        ops = frameOps(rand, width, height);
      } else if (r < 0.2) ops = frameOps(rand, width, height);
      else {
        ops = ops.slice();
        const i = Math.floor(rand() * ops.length);
        const op = ops[i];
        if (op?.kind === 'write') ops[i] = { ...op, text: styledText(rand) };
        else reused++;
      }
      const ours = run(new Output({ width, height }), ops);
      const ink = run(new InkOutput({ width, height }), ops);
      expect(ours, `frame ${frame} (${width}x${height})`).toBe(ink);
    }
    expect(reused).toBeGreaterThan(0);
  });

  it('reuses an unchanged row, and redraws a row whose text changed', async () => {
    const InkOutput = await inkOutput();
    resetOutputMemory();
    const draw = (Ctor: new (o: { width: number; height: number }) => AnyOutput, q: string) => {
      const o = new Ctor({ width: 20, height: 3 });
      o.write(0, 0, `搜索› ${q}`, { transformers: [] });
      o.write(0, 1, '\u001b[36m审计厅\u001b[39m 2018', { transformers: [] });
      o.write(0, 2, '状态', { transformers: [] });
      return o.get().output;
    };
    expect(draw(Output, '审')).toBe(draw(InkOutput, '审'));
    expect(draw(Output, '审计')).toBe(draw(InkOutput, '审计'));
    expect(draw(Output, '审计').split('\n')[0]).toBe('搜索› 审计');
  });

  it('tokenizes lines exactly as ansi-tokenize does, on every character it takes the fast path for and on styled lines', () => {
    // Every BMP code point, in runs (neighbours paired every way a run allows), each run with and without styles.
    const chars: string[] = [];
    for (let cp = 0x20; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) chars.push(String.fromCodePoint(cp));
    for (const cp of [0x20000, 0x2a6d6, 0x30000, 0x1f600, 0x1f1e8, 0x1f3fb, 0xe0041]) chars.push(String.fromCodePoint(cp));
    let fast = 0;
    for (let i = 0; i < chars.length; i += 7) {
      const run = chars.slice(i, i + 9).join('');
      for (const line of [run, `\u001b[1m\u001b[36m${run}\u001b[39m\u001b[22m`, `a${run}\u001b[38;5;208mb\u001b[0m`, run + '\u0301', '\u200d' + run]) {
        expect(tokenizeLine(line), JSON.stringify(line)).toEqual(tokenize(line));
        expect(styledFromTokens(tokenize(line))).toEqual(styledCharsFromTokens(tokenize(line)));
      }
      fast++;
    }
    expect(fast).toBeGreaterThan(9000);
    // Lines as the views draw them: CJK, ASCII, box drawing, SGR runs, incomplete escapes (left to the library).
    for (const line of ['│› 安徽 2017-12     省审计厅       \u001b[33m\u001b[1m\u001b[4m审计\u001b[24m\u001b[22m\u001b[39m监督…│', '\u001b[31', '\u001b[m x', '\u001b]8;;http://a\u0007链接\u001b]8;;\u0007', '𠀀𪛖 ext B', '👍🏽 e\u0301']) {
      expect(tokenizeLine(line)).toEqual(tokenize(line));
    }
  });
});
