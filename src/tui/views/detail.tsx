/**
 * Detail (Enter on a task): the task rendered with marked + marked-terminal — section path, full text,
 * deadlines, units by role, source file:line and the original paragraph with the task's span
 * highlighted — and a list of tasks on the same theme in other plans to jump to.
 */
import React, { memo, useEffect, useMemo, useState } from 'react';
import { Box } from 'ink';
import { useEnv } from '../context.js';
import { bind, helpSection, hints } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { GLOBAL_KEYS } from '../keys/global.js';
import { DETAIL_BODY_KEYS, DETAIL_RELATED_KEYS } from './detail.keys.js';
import { AnsiLine, Line } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import type { HelpSection } from '../components/HelpOverlay.js';
import { clamp, clean, padAnsi, type Seg } from '../layout.js';
import { deadlineLabel } from '../../domain/deadline-format.js';
import { detailLines, detailMarkdown, loadMarkdown, markdownIfLoaded, plainMarkdown, type MarkdownRenderer } from '../markdown.js';
import { padEndWidth } from '../../util/text.js';
import { leadUnit, planTagCell, shortUnit } from '../format.js';

function useMarkdownRenderer(): MarkdownRenderer | null {
  const [r, setR] = useState<MarkdownRenderer | null>(() => markdownIfLoaded());
  useEffect(() => {
    if (r) return;
    let live = true;
    loadMarkdown().then((x) => live && setR(() => x));
    return () => {
      live = false;
    };
  }, [r]);
  return r;
}

export interface DetailProps {
  taskId: string;
  active: boolean;
  width: number;
  height: number;
  depth: number;
  onOpen: (taskId: string) => void;
  onBack: () => void;
}

export const DetailView = memo(function DetailView({ taskId, active, width, height, depth, onOpen, onBack }: DetailProps) {
  const { query: q, color } = useEnv();
  const task = q.task(taskId);
  const render = useMarkdownRenderer();
  const [scroll, setScroll] = useState(0);
  const [focus, setFocus] = useState<'body' | 'related'>('body');

  const related = useMemo(() => (task ? q.related(task) : []), [q, task]);
  const relRows = related.length ? Math.min(related.length, Math.max(3, Math.floor((height - 1) * 0.2))) : 1;
  const relH = relRows + 3;
  const bodyH = Math.max(3, height - 1 - relH);
  const bw = innerWidth(width);
  const bh = innerHeight(bodyH);

  const lines = useMemo(() => {
    if (!task) return [];
    // Lines of at most ~100 columns read better than the full width of a wide terminal. Until marked has
    // loaded, the same text plain.
    return detailLines(render ?? plainMarkdown, detailMarkdown(q, task, q.context(task)), Math.min(bw - 1, 100), color);
  }, [q, task, render, bw, color]);

  const maxScroll = Math.max(0, lines.length - bh);
  const sc = clamp(scroll, 0, maxScroll);
  const nav = useListNav(related.length, relRows);
  const relSel = nav.sel;
  const ro = nav.offset;

  const scrollBy = (d: number) => setScroll((x) => clamp(clamp(x, 0, maxScroll) + d, 0, maxScroll));
  const bodyBindings = bind(DETAIL_BODY_KEYS, {
    up: () => scrollBy(-1),
    down: () => scrollBy(1),
    pageUp: () => scrollBy(-(bh - 1)),
    pageDown: () => scrollBy(bh - 1),
    page: () => scrollBy(bh - 1),
    first: () => setScroll(0),
    last: () => setScroll(maxScroll),
    related: related.length ? () => setFocus('related') : undefined,
    back: onBack,
  });
  const relatedBindings = bind(DETAIL_RELATED_KEYS, {
    ...nav.handlers,
    open: () => {
      if (related[relSel]) onOpen(related[relSel].task.id);
    },
    body: () => setFocus('body'),
    back: onBack,
  });
  useBindings(focus === 'body' ? bodyBindings : relatedBindings, active);

  if (!task) {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Line width={width} segs={[{ text: `找不到任务 ${clean(taskId)} — task not found (Esc back)`, color: 'red' }]} />
      </Box>
    );
  }

  const visible = lines.slice(sc, sc + bh);
  const scrollInfo = lines.length > bh ? ` ${sc + 1}-${Math.min(lines.length, sc + bh)}/${lines.length} 行` : '';
  const relTitle: Seg[] = [
    { text: `在其他方案 In other plans (${related.filter((r) => r.score !== null).length} 对应 + ${related.filter((r) => r.score === null).length} 同主题)`, bold: true, color: focus === 'related' ? 'cyan' : undefined },
    { text: focus === 'related' ? `  ${hints(DETAIL_RELATED_KEYS, ['up', 'open'])}` : `  ${hints(DETAIL_BODY_KEYS, ['related'])}`, dim: true },
  ];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Panel width={width} height={bodyH} focused={focus === 'body'}>
        {visible.map((l, i) => (
          <AnsiLine key={sc + i} line={padAnsi(l, bw)} />
        ))}
      </Panel>
      <Panel width={width} height={relH} focused={focus === 'related'}>
        <Line width={bw} segs={relTitle} />
        {related.length === 0 ? <Line width={bw} segs={[{ text: '  —', dim: true }]} /> : null}
        {related.slice(ro, ro + relRows).map(({ task: t, score }, i) => {
          const on = ro + i === relSel && focus === 'related';
          const lead = leadUnit(t);
          const segs: Seg[] = [
            { text: on ? '› ' : '  ', color: 'cyan', bold: true },
            { text: score !== null ? '≈ ' : '  ', color: 'yellow', bold: true },
            { text: planTagCell(q, t.planId, bw), color: 'magenta' },
            { text: padEndWidth(deadlineLabel(t.deadlines), 10) + ' ', color: 'green' },
            { text: padEndWidth(lead ? clean(shortUnit(lead.name)) : '—', 12) + ' ', color: 'blue' },
            { text: clean(t.text) },
          ];
          return <Line key={t.id} width={bw} segs={on ? segs.map((s) => ({ ...s, inverse: true })) : segs} />;
        })}
      </Panel>
      <StatusLine
        width={width}
        left={[{ text: `详情 ${clean(q.planTag(task.planId))} ${clean(task.source.file)}:${task.source.line}`, bold: true }, { text: scrollInfo + (depth > 1 ? ` · 第${depth}层` : ''), dim: true }]}
        right={`${hints(focus === 'body' ? DETAIL_BODY_KEYS : DETAIL_RELATED_KEYS)} ${hints(GLOBAL_KEYS, ['help'])}`}
      />
    </Box>
  );
});

export const DETAIL_HELP: HelpSection[] = [DETAIL_BODY_KEYS, DETAIL_RELATED_KEYS].map(helpSection);
