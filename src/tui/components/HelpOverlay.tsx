/** `?`: every key of the current view, plus the global ones, in a bordered box (sections from the views' key modes). */
import React from 'react';
import { Box } from 'ink';
import { Line } from './Line.js';
import { Panel, innerWidth } from './Panel.js';
import { displayWidth, padEndWidth } from '../../util/text.js';
import type { Seg } from '../layout.js';

export interface HelpEntry {
  keys: string;
  desc: string;
}
export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}


type HelpLine = { key: string; text: string; head?: boolean };

function sectionLines(s: HelpSection): HelpLine[] {
  const kw = Math.max(...s.entries.map((e) => displayWidth(e.keys)), 6) + 2;
  return [
    { key: s.title, text: s.title, head: true },
    ...s.entries.map((e) => ({ key: `${s.title}-${e.keys}`, text: `  ${padEndWidth(e.keys, kw)}${e.desc}` })),
    { key: `${s.title}-gap`, text: '' },
  ];
}

export function HelpOverlay({ title, sections, width, height }: { title: string; sections: HelpSection[]; width: number; height: number }) {
  const iw = innerWidth(width);
  const rows = Math.max(0, height - 3);
  // One column when everything fits, else sections flow into a second column.
  const blocks = sections.map(sectionLines);
  const cols: HelpLine[][] = [[]];
  for (const b of blocks) {
    const cur = cols[cols.length - 1];
    if (cur.length && cur.length + b.length - 1 > rows && cols.length < 2) cols.push([]);
    cols[cols.length - 1].push(...b);
  }
  const colW = cols.length > 1 ? Math.floor(iw / 2) : iw;
  const body: Seg[][] = [];
  for (let i = 0; i < rows; i++) {
    const segs: Seg[] = [];
    cols.forEach((c, ci) => {
      const l = c[i];
      const w = ci === cols.length - 1 ? iw - colW * ci : colW;
      segs.push({ text: padEndWidth(l ? l.text : '', w), bold: l?.head, color: l?.head ? 'cyan' : undefined });
    });
    body.push(segs);
  }
  return (
    <Box width={width} height={height}>
      <Panel width={width} height={height} focused>
        <Line segs={[{ text: `帮助 Help — ${title}   (? or Esc to close)`, bold: true, color: 'cyan' }]} width={iw} />
        {body.map((segs, i) => (
          <Line key={i} segs={segs} width={iw} />
        ))}
      </Panel>
    </Box>
  );
}
