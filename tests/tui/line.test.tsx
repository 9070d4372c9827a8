/**
 * A row is drawn as one styled string in one <Text> (components/Line.tsx): it must put on screen exactly
 * what a <Text> per segment with the same props puts there, colour on and off.
 */
import React from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import chalk from 'chalk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Box } from 'ink';
import { Line, Lines } from '../../src/tui/components/Line.js';
import { EnvContext, type AppEnv } from '../../src/tui/context.js';
import type { Seg } from '../../src/tui/layout.js';
import { fitSegs } from '../../src/tui/layout.js';

function perSegment(segs: Seg[], width: number, color: boolean) {
  const fitted = fitSegs(segs, width, true);
  return (
    <Text>
      {fitted.map((s, i) => (
        <Text key={i} color={color ? s.color : undefined} backgroundColor={color ? s.backgroundColor : undefined} bold={s.bold} dimColor={color ? s.dim : undefined} inverse={s.inverse} underline={s.underline}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

const ROWS: Seg[][] = [
  [{ text: '› ', color: 'cyan', bold: true }, { text: '安徽 ', color: 'magenta' }, { text: '2017-12    ', color: 'green' }, { text: '省审计厅', color: 'blue' }, { text: '开展' }, { text: '审计', color: 'yellow', bold: true, underline: true }, { text: '监督', dim: true }],
  [{ text: '选中', inverse: true, color: 'cyan' }, { text: '行', inverse: true, bold: true, dim: true }, { text: '' }, { text: 'x', backgroundColor: 'red', color: 'yellow' }],
  [{ text: '一行很长的文字'.repeat(20), color: 'red' }],
  [],
];

describe('Line', () => {
  // As in a colour terminal (under vitest chalk sees no terminal and would style nothing).
  const level = chalk.level;
  beforeAll(() => void (chalk.level = 1));
  afterAll(() => void (chalk.level = level));
  for (const color of [true, false]) {
    it(`draws the same bytes as a <Text> per segment (colour ${color ? 'on' : 'off'})`, () => {
      const env = { color } as AppEnv;
      for (const segs of ROWS) {
        for (const width of [10, 41, 80]) {
          const a = render(<EnvContext.Provider value={env}><Line segs={segs} width={width} /></EnvContext.Provider>);
          const b = render(perSegment(segs, width, color));
          expect(a.lastFrame(), JSON.stringify(segs) + width).toBe(b.lastFrame());
          a.unmount();
          b.unmount();
        }
      }
    });
  }
  for (const color of [true, false]) {
    it(`a block of rows (Lines) draws the same bytes as a <Line> per row, and again after rows change (colour ${color ? 'on' : 'off'})`, () => {
      const env = { color } as AppEnv;
      const column = (rows: Seg[][], width: number) => (
        <EnvContext.Provider value={env}>
          <Box flexDirection="column" width={width + 4}>
            {rows.map((segs, i) => (
              <Line key={i} segs={segs} width={width} />
            ))}
          </Box>
        </EnvContext.Provider>
      );
      const block = (rows: Seg[][], width: number) => (
        <EnvContext.Provider value={env}>
          <Box flexDirection="column" width={width + 4}>
            <Lines rows={rows} width={width} />
          </Box>
        </EnvContext.Provider>
      );
      for (const width of [10, 41, 80]) {
        const a = render(block(ROWS, width));
        const b = render(column(ROWS, width));
        expect(a.lastFrame(), `width ${width}`).toBe(b.lastFrame());
        // the same component re-rendered with rows changed, reordered and removed
        const next = [ROWS[2], [{ text: '新的一行', color: 'green' }], ROWS[0]];
        a.rerender(block(next, width));
        b.rerender(column(next, width));
        expect(a.lastFrame(), `width ${width}, changed`).toBe(b.lastFrame());
        a.unmount();
        b.unmount();
      }
    });
  }
  it('styles reach the screen (the comparison is not between two plain strings)', () => {
    const a = render(<EnvContext.Provider value={{ color: true } as AppEnv}><Line segs={ROWS[0]} width={80} /></EnvContext.Provider>);
    expect(a.lastFrame()).toContain('\u001b[');
  });
});
