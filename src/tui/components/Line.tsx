/** One screen row of styled segments, fitted to exactly `width` columns by display width. */
import React, { memo, useRef } from 'react';
import { Text } from 'ink';
import chalk from 'chalk';
import { fitSegs, type Seg } from '../layout.js';
import { useEnv } from '../context.js';

/** Same segments, by value: a row rebuilt with the same text and styles is not drawn again (views rebuild their segment arrays on every render). */
export function sameSegs(a: Seg[], b: Seg[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.text !== y.text || x.color !== y.color || x.backgroundColor !== y.backgroundColor || x.bold !== y.bold || x.dim !== y.dim || x.inverse !== y.inverse || x.underline !== y.underline) return false;
  }
  return true;
}

type LineProps = { segs: Seg[]; width: number; pad?: boolean };

type Style = (s: string) => string;
const BG: Record<string, Style> = { red: chalk.bgRed, green: chalk.bgGreen, yellow: chalk.bgYellow, blue: chalk.bgBlue, magenta: chalk.bgMagenta, cyan: chalk.bgCyan, white: chalk.bgWhite, black: chalk.bgBlack, gray: chalk.bgGray };

/**
 * One segment styled as Ink's <Text> would style it (the same chalk calls in the same order: dim, colour,
 * background, bold, underline, inverse), so a row is one string in one <Text> node instead of a node per
 * segment: a keystroke then reconciles, lays out and squashes a handful of nodes per row, not dozens.
 */
export function styledSeg(s: Seg, color: boolean): string {
  let t = s.text;
  if (!t) return t;
  if (color && s.dim) t = chalk.dim(t);
  if (color && s.color) t = ((chalk as unknown as Record<string, Style>)[s.color] ?? ((x: string) => x))(t);
  if (color && s.backgroundColor) t = (BG[s.backgroundColor] ?? ((x: string) => x))(t);
  if (s.bold) t = chalk.bold(t);
  if (s.underline) t = chalk.underline(t);
  if (s.inverse) t = chalk.inverse(t);
  return t;
}

/** A row's string: its segments fitted to `width` and styled; a single space for an empty row (as Line draws it). */
function rowString(segs: Seg[], width: number, pad: boolean, color: boolean): string {
  const fitted = fitSegs(segs, width, pad);
  if (fitted.length === 0) return ' ';
  let row = '';
  for (const s of fitted) row += styledSeg(s, color);
  return row;
}

export const Line = memo(function Line({ segs, width, pad = true }: LineProps) {
  const { color } = useEnv();
  return <Text>{rowString(segs, width, pad, color)}</Text>;
}, (a: LineProps, b: LineProps) => a.width === b.width && a.pad === b.pad && sameSegs(a.segs, b.segs));

/**
 * A block of rows, one under the other, as one <Text> holding them joined by newlines: the same cells on
 * screen as a <Line> per row (each row is fitted to `width` columns, so nothing wraps), but one node for
 * Yoga to lay out and React to reconcile instead of one per row. A row whose segments are the same as
 * the previous render's (by value) keeps its string.
 */
export function Lines({ rows, width }: { rows: Seg[][]; width: number }) {
  const { color } = useEnv();
  const memo = useRef<{ width: number; color: boolean; segs: Seg[][]; strings: string[] }>({ width: -1, color, segs: [], strings: [] });
  const m = memo.current;
  if (m.width !== width || m.color !== color) {
    m.width = width;
    m.color = color;
    m.segs = [];
    m.strings = [];
  }
  const strings = rows.map((segs, i) => (m.segs[i] && sameSegs(m.segs[i], segs) ? m.strings[i] : rowString(segs, width, true, color)));
  m.segs = rows;
  m.strings = strings;
  if (!rows.length) return null;
  return <Text>{strings.join('\n')}</Text>;
}

/** A pre-styled ANSI line (marked-terminal output), already wrapped to `width`. */
export const AnsiLine = memo(function AnsiLine({ line }: { line: string }) {
  return <Text>{line === '' ? ' ' : line}</Text>;
});
