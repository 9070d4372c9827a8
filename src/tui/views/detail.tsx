/**
 * Detail (Enter on a task): the task rendered with marked + marked-terminal — section path, full text,
 * deadlines, units by role, source file:line and the original paragraph with the task's span
 * highlighted — and a list of tasks on the same theme in other plans to jump to.
 */
import React, { memo, useEffect, useMemo, useState } from 'react';
import { Box } from 'ink';
import type { PlansQuery } from '../../query/index.js';
import type { Task } from '../../types.js';
import { useEnv } from '../context.js';
import { useKeymap } from '../hooks/useKeymap.js';
import { AnsiLine, Line } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import type { HelpSection } from '../components/HelpOverlay.js';
import { clamp, clean, padAnsi, scrollTo, type Seg } from '../layout.js';
import { deadlineLabel } from '../../domain/deadline-format.js';
import { detailLines, detailMarkdown, loadMarkdown, markdownIfLoaded, type MarkdownRenderer } from '../markdown.js';
import { padEndWidth } from '../../util/text.js';

/** Tasks on a shared theme in the other plans, most shared themes first, then plan order. */
export function relatedTasks(q: PlansQuery, task: Task): Task[] {
  const order = new Map(q.plans().map((p, i) => [p.id, i]));
  const shared = (t: Task) => t.themes.filter((x) => task.themes.includes(x)).length;
  return q
    .sameTheme(task)
    .filter((t) => !t.restates)
    .map((t, i) => ({ t, i, s: shared(t) }))
    .sort((a, b) => b.s - a.s || (order.get(a.t.planId) ?? 0) - (order.get(b.t.planId) ?? 0) || a.i - b.i)
    .map((x) => x.t);
}

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
  const [rel, setRel] = useState(0);
  const [relOff, setRelOff] = useState(0);

  const related = useMemo(() => (task ? relatedTasks(q, task) : []), [q, task]);
  const relRows = related.length ? Math.min(related.length, Math.max(3, Math.floor((height - 1) * 0.2))) : 1;
  const relH = relRows + 3;
  const bodyH = Math.max(3, height - 1 - relH);
  const bw = innerWidth(width);
  const bh = innerHeight(bodyH);

  const lines = useMemo(() => {
    if (!task || !render) return [];
    // Lines of at most ~100 columns read better than the full width of a wide terminal.
    return detailLines(render, detailMarkdown(q, task, q.context(task)), Math.min(bw - 1, 100), color);
  }, [q, task, render, bw, color]);

  const maxScroll = Math.max(0, lines.length - bh);
  const sc = clamp(scroll, 0, maxScroll);
  const relSel = clamp(rel, 0, Math.max(0, related.length - 1));
  const ro = scrollTo(relOff, relSel, relRows, related.length);

  useKeymap((k) => {
    if (k.name === 'escape') return onBack();
    if (k.name === 'tab' || k.name === 'shift+tab') return setFocus(focus === 'body' && related.length ? 'related' : 'body');
    const down = k.name === 'down' || k.name === 'j';
    const up = k.name === 'up' || k.name === 'k';
    if (focus === 'body') {
      if (down) return setScroll(clamp(sc + 1, 0, maxScroll));
      if (up) return setScroll(clamp(sc - 1, 0, maxScroll));
      if (k.name === 'pagedown' || k.name === 'space') return setScroll(clamp(sc + bh - 1, 0, maxScroll));
      if (k.name === 'pageup') return setScroll(clamp(sc - bh + 1, 0, maxScroll));
      if (k.name === 'home' || k.name === 'g') return setScroll(0);
      if (k.name === 'end' || k.name === 'G') return setScroll(maxScroll);
      if (k.name === 'enter' && related.length) return setFocus('related');
      return;
    }
    const moveRel = (d: number) => {
      const n = clamp(relSel + d, 0, Math.max(0, related.length - 1));
      setRel(n);
      setRelOff(scrollTo(ro, n, relRows, related.length));
    };
    if (down) return moveRel(1);
    if (up) return moveRel(-1);
    if (k.name === 'pagedown') return moveRel(relRows);
    if (k.name === 'pageup') return moveRel(-relRows);
    if (k.name === 'enter' && related[relSel]) return onOpen(related[relSel].id);
  }, active);

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
    { text: `同主题其他方案 Same theme in other plans (${related.length})`, bold: true, color: focus === 'related' ? 'cyan' : undefined },
    { text: focus === 'related' ? '  ↑↓ 选择 Enter 跳转' : '  Tab 选择', dim: true },
  ];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Panel width={width} height={bodyH} focused={focus === 'body'}>
        {render ? (
          visible.map((l, i) => <AnsiLine key={sc + i} line={padAnsi(l, bw)} />)
        ) : (
          <Line width={bw} segs={[{ text: '载入中… loading', dim: true }]} />
        )}
      </Panel>
      <Panel width={width} height={relH} focused={focus === 'related'}>
        <Line width={bw} segs={relTitle} />
        {related.length === 0 ? <Line width={bw} segs={[{ text: '  —', dim: true }]} /> : null}
        {related.slice(ro, ro + relRows).map((t, i) => {
          const on = ro + i === relSel && focus === 'related';
          const segs: Seg[] = [
            { text: on ? '› ' : '  ', color: 'cyan', bold: true },
            { text: padEndWidth(clean(q.planTag(t.planId)), 4) + ' ', color: 'magenta' },
            { text: padEndWidth(deadlineLabel(t.deadlines), 10) + ' ', color: 'green' },
            { text: clean(t.text) },
          ];
          return <Line key={t.id} width={bw} segs={on ? segs.map((s) => ({ ...s, inverse: true })) : segs} />;
        })}
      </Panel>
      <StatusLine
        width={width}
        left={[{ text: `详情 ${clean(q.planTag(task.planId))} ${clean(task.source.file)}:${task.source.line}`, bold: true }, { text: scrollInfo + (depth > 1 ? ` · 第${depth}层` : ''), dim: true }]}
        right="↑↓ 滚动 Tab 同主题 Esc 返回 ? 帮助"
      />
    </Box>
  );
});

export const DETAIL_HELP: HelpSection[] = [
  {
    title: '详情 Detail',
    entries: [
      { keys: '↑ ↓ j k', desc: '滚动正文 scroll (or move in the related list)' },
      { keys: 'PgUp PgDn Space', desc: '翻页 page' },
      { keys: 'g G Home End', desc: '开头 / 结尾 top, bottom' },
      { keys: 'Tab', desc: '切换正文 / 同主题列表 switch body ↔ same-theme list' },
      { keys: 'Enter', desc: '跳转到所选任务 jump to the selected task' },
      { keys: 'Esc', desc: '返回上一屏 back' },
    ],
  },
];
