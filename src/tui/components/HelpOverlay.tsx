/** `?`: every key of the current view, plus the global ones, in a bordered box. */
import React from 'react';
import { Box } from 'ink';
import { Line } from './Line.js';
import { Panel, innerWidth } from './Panel.js';
import { padEndWidth } from '../../util/text.js';

export interface HelpEntry {
  keys: string;
  desc: string;
}
export interface HelpSection {
  title: string;
  entries: HelpEntry[];
}

export const GLOBAL_HELP: HelpSection = {
  title: '全局 Global',
  entries: [
    { keys: '1 2 3 4', desc: '切换视图 switch view (outside the input)' },
    { keys: '?', desc: '显示/关闭帮助 toggle this help' },
    { keys: 'Esc', desc: '返回 back (input → list → previous screen)' },
    { keys: 'q', desc: '退出 quit (outside the input)' },
    { keys: 'Ctrl+C', desc: '立即退出 quit from anywhere' },
  ],
};

export function HelpOverlay({ title, sections, width, height }: { title: string; sections: HelpSection[]; width: number; height: number }) {
  const iw = innerWidth(width);
  const lines: Array<{ key: string; text: string; head?: boolean }> = [{ key: 't', text: `帮助 Help — ${title}   (? or Esc to close)`, head: true }];
  for (const s of sections) {
    lines.push({ key: `${s.title}-gap`, text: '' });
    lines.push({ key: s.title, text: s.title, head: true });
    const kw = Math.max(...s.entries.map((e) => e.keys.length), 6) + 2;
    for (const e of s.entries) lines.push({ key: `${s.title}-${e.keys}`, text: `  ${padEndWidth(e.keys, kw)}${e.desc}` });
  }
  const visible = lines.slice(0, Math.max(0, height - 2));
  return (
    <Box width={width} height={height}>
      <Panel width={width} height={height} focused>
        {visible.map((l) => (
          <Line key={l.key} segs={[{ text: l.text, bold: l.head, color: l.head ? 'cyan' : undefined }]} width={iw} />
        ))}
      </Panel>
    </Box>
  );
}
