/**
 * 5 方案: every file of the corpus folder — the plans read (format, tasks, dated, with units, warnings) and the
 * files that are not plans or could not be read, each with its reason. Nothing in the folder is hidden.
 */
import React, { memo, useMemo } from 'react';
import { Box } from 'ink';
import { useEnv } from '../context.js';
import { bind, helpSection, hints } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { globalHints } from '../keys/global.js';
import { PLANS_KEYS } from './plans.keys.js';
import { Line } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import { clean, type Seg } from '../layout.js';
import { padEndWidth } from '../../util/text.js';
import type { ViewDef, ViewProps } from './types.js';

/** The screen's lines: a table of plans, their warnings, then the files skipped with their reasons. */
export function statusLines(env: ReturnType<typeof useEnv>): Seg[][] {
  const q = env.query;
  const lines: Seg[][] = [];
  const head = ['方案', '文件 file', '任务', '有期限', '有单位', '提示'];
  const w = [6, 26, 6, 7, 7, 5];
  lines.push(head.map((h, i) => ({ text: padEndWidth(h, w[i]) + ' ', bold: true })));
  for (const p of q.plans()) {
    const tasks = q.tasks({ plans: [p.id] });
    const cells = [q.planTag(p.id), p.file, String(tasks.length), String(tasks.filter((t) => t.deadlines.length).length), String(tasks.filter((t) => t.units.length).length), String(p.warnings.length)];
    lines.push(cells.map((c, i) => ({ text: padEndWidth(clean(c), w[i]) + ' ', color: i === 0 ? 'magenta' : i === 5 && p.warnings.length ? 'yellow' : undefined })));
  }
  const warned = q.plans().filter((p) => p.warnings.length);
  if (warned.length) {
    lines.push([]);
    lines.push([{ text: '提示 Warnings', bold: true }]);
    for (const p of warned) for (const wn of p.warnings) lines.push([{ text: `  ${clean(q.planTag(p.id))} `, color: 'magenta' }, { text: clean(wn), color: 'yellow' }]);
  }
  const skipped = env.skipped ?? [];
  lines.push([]);
  lines.push([{ text: `未读入的文件 Files not read (${skipped.length})`, bold: true }]);
  if (!skipped.length) lines.push([{ text: '  （无 none: every file of the folder is a plan）', dim: true }]);
  for (const s of skipped) lines.push([{ text: `  ${clean(s.file)}: `, color: 'red' }, { text: clean(s.reason) }]);
  return lines;
}

export const PlansView = memo(function PlansView({ active, width, height }: ViewProps) {
  const env = useEnv();
  const lines = useMemo(() => statusLines(env), [env]);
  const bodyH = Math.max(0, height - 1);
  const rows = Math.max(1, innerHeight(bodyH) - 1);
  const nav = useListNav(Math.max(1, lines.length - rows + 1), 1);
  useBindings(bind(PLANS_KEYS, nav.handlers), active);
  const iw = innerWidth(width);
  const from = nav.sel;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Panel width={width} height={bodyH}>
        <Line width={iw} segs={[{ text: `方案与文件 Plans and files — ${clean(env.corpusDir ?? '')}`, bold: true }]} />
        {lines.slice(from, from + rows).map((l, i) => (
          <Line key={from + i} width={iw} segs={l} />
        ))}
      </Panel>
      <StatusLine
        width={width}
        left={[{ text: `${env.query.plans().length} 个方案 plans · ${(env.skipped ?? []).length} 个文件未读入 not read`, bold: true }]}
        right={`${hints(PLANS_KEYS)} ${globalHints}`}
      />
    </Box>
  );
});

export const plansView: ViewDef = {
  id: 'plans',
  key: '5',
  label: '方案',
  Component: PlansView,
  help: [PLANS_KEYS].map(helpSection),
};
