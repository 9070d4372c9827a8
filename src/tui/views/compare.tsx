/**
 * 2 对比: the theme × plan matrix (earliest deadline, task count, lead unit per cell); on Enter the
 * side-by-side view of one theme (a column per plan, scrolled together, plans toggled with space); on `o`
 * obligation by obligation: a row per requirement (counterpart tasks), a cell per plan with its deadline and
 * lead unit, — where a plan has none; works for plans of any topic.
 */
import React, { memo, useMemo, useState } from 'react';
import { Box } from 'ink';
import type { MatrixCell, ObligationSort, PlansQuery } from '../../query/index.js';
import type { Task, Theme } from '../../types.js';
import { useEnv } from '../context.js';
import { bind, helpSection, hints } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { globalHints } from '../keys/global.js';
import { COMPARE_MATRIX_KEYS, COMPARE_OBLIGATION_KEYS, COMPARE_SIDE_KEYS } from './compare.keys.js';
import { Line } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import { clamp, clean, fitSegs, scrollTo, appendAll, wrapSegs, type Seg } from '../layout.js';
import { leadUnit, shortUnit } from '../format.js';
import { deadlineLabel } from '../../domain/deadline-format.js';
import { displayWidth, padEndWidth, truncateWidth } from '../../util/text.js';
import type { ViewDef, ViewProps } from './types.js';

export interface MatrixRow {
  theme: Theme;
  cells: MatrixCell[];
  total: number;
}

/** One row per theme, the themes some plan has first (in their order), those none has after them (the e-government
 * themes, for plans of another topic). */
export function compareMatrix(q: PlansQuery): MatrixRow[] {
  const plans = q.plans();
  const rows = q.themes().map((theme) => {
    const cells = plans.map((p) => q.matrixCell(theme.id, p.id));
    return { theme, cells, total: cells.reduce((n, c) => n + c.count, 0) };
  });
  return [...rows.filter((r) => r.total > 0), ...rows.filter((r) => r.total === 0)];
}

/** A matrix cell as text lines: ["2017-12 3项", "发展改革委"] (one line when wide enough), or ["—"]. */
export function cellLines(c: MatrixCell, width: number, twoLine: boolean): string[] {
  if (!c.count) return ['—'];
  const date = c.earliest ? c.earliest.slice(0, 7) : '无期限';
  let head = `${date} ${c.count}项`;
  if (displayWidth(head) > width) head = `${date} ${c.count}`;
  const lead = shortUnit(c.lead);
  if (twoLine) return [head, lead];
  return [`${head} ${lead}`];
}

function sideColumn(q: PlansQuery, tasks: Task[], width: number): Seg[][] {
  const lines: Seg[][] = [];
  if (!tasks.length) return [[{ text: '（无 none）', dim: true }]];
  tasks.forEach((t, i) => {
    if (i > 0) lines.push([{ text: '─'.repeat(Math.max(0, width)), dim: true }]);
    const lead = leadUnit(t);
    appendAll(lines, wrapSegs([{ text: deadlineLabel(t.deadlines), color: 'green', bold: true }, { text: lead ? ' ' + clean(shortUnit(lead.name)) : '', color: 'blue' }], width));
    const others = t.units.filter((u) => u !== lead).map((u) => shortUnit(u.name));
    if (others.length) appendAll(lines, wrapSegs([{ text: others.join('、'), color: 'blue', dim: true }], width));
    appendAll(lines, wrapSegs([{ text: clean(t.text) }], width));
  });
  return lines;
}

/**
 * An obligation cell: deadline and lead unit of the plan's task (the unit cut with … when it does not fit, left
 * out when the task names no lead); ↗ 另见 when the plan's counterpart stands in another row; — when the plan has
 * none.
 */
export function obligationCell(t: Task | null, width: number, twoLine: boolean, elsewhere: Task | null = null): string[] {
  if (!t) return elsewhere ? ['↗ 另见'] : ['—'];
  const date = t.deadlines.length ? deadlineLabel(t.deadlines) : '无期限';
  const lead = leadUnit(t);
  const unit = lead ? shortUnit(lead.name) : '';
  if (twoLine) return [date, unit];
  if (!unit || displayWidth(date) + 3 > width) return [date];
  return [`${date} ${truncateWidth(unit, width - displayWidth(date) - 1)}`];
}

export const CompareView = memo(function CompareView({ active, width, height, openTask }: ViewProps) {
  const { query: q } = useEnv();
  const plans = q.plans();
  const matrix = useMemo(() => compareMatrix(q), [q]);
  const [side, setSide] = useState(false);
  // Plans of another topic have no themed task: the theme matrix would be all —, so the view opens by obligation.
  const [byObligation, setByObligation] = useState(() => matrix.every((r) => r.total === 0));
  const [obSort, setObSort] = useState<ObligationSort>('plans');
  const obligations = useMemo(() => (byObligation ? q.obligations(obSort) : []), [q, byObligation, obSort]);
  const [obCol, setObCol] = useState(0);
  const [hidden, setHidden] = useState<Set<string>>(new Set());
  const [planCur, setPlanCur] = useState(0);
  const [sideScroll, setSideScroll] = useState(0);

  const labelW = width >= 120 ? 22 : 16;
  const colW = plans.length ? Math.floor((width - 2 - labelW) / plans.length) : 0;
  const twoLine = colW < 20;
  const lpr = twoLine ? 2 : 1;
  const bodyH = Math.max(0, height - 1);
  const matrixRows = Math.max(1, Math.floor((innerHeight(bodyH) - 2) / lpr));
  const nav = useListNav(matrix.length, matrixRows);
  const obNav = useListNav(obligations.length, matrixRows);
  const sel = nav.sel;
  const off = nav.offset;

  const theme = matrix[sel]?.theme;
  const shown = plans.filter((p) => !hidden.has(p.id));
  const sideCols = useMemo(() => {
    if (!side || !theme) return [];
    const cols = q.compare(theme.id, shown.map((p) => p.id)).columns;
    return cols;
  }, [q, side, theme, shown.map((p) => p.id).join(',')]);
  const sideColW = shown.length ? Math.floor((width - 2 - (shown.length - 1)) / shown.length) : 0;
  const sideLines = useMemo(() => sideCols.map((c) => sideColumn(q, c.tasks, sideColW)), [q, sideCols, sideColW]);
  const sideH = Math.max(1, innerHeight(bodyH) - 2);
  const sideMax = Math.max(0, Math.max(0, ...sideLines.map((l) => l.length)) - sideH);
  const ss = clamp(sideScroll, 0, sideMax);

  const scrollSide = (d: number) => setSideScroll((x) => clamp(clamp(x, 0, sideMax) + d, 0, sideMax));
  const matrixBindings = bind(COMPARE_MATRIX_KEYS, {
    ...nav.handlers,
    open: () => {
      if (!theme) return;
      setSide(true);
      setSideScroll(0);
    },
    obligations: () => setByObligation(true),
  });
  const obligationBindings = bind(COMPARE_OBLIGATION_KEYS, {
    ...obNav.handlers,
    left: () => setObCol((c) => clamp(c - 1, 0, plans.length - 1)),
    right: () => setObCol((c) => clamp(c + 1, 0, plans.length - 1)),
    open: () => {
      const r = obligations[obNav.sel];
      const t = r?.cells[obCol] ?? r?.elsewhere[obCol];
      if (t) openTask(t.id);
    },
    sort: () => setObSort((x) => (x === 'plans' ? 'spread' : 'plans')),
    back: () => setByObligation(false),
  });
  const themeStep = (d: number) => () => {
    nav.move(d);
    setSideScroll(0);
  };
  const sideBindings = bind(COMPARE_SIDE_KEYS, {
    up: () => scrollSide(-1),
    down: () => scrollSide(1),
    pageUp: () => scrollSide(-(sideH - 1)),
    pageDown: () => scrollSide(sideH - 1),
    first: () => setSideScroll(0),
    last: () => setSideScroll(sideMax),
    left: () => setPlanCur((c) => clamp(c - 1, 0, plans.length - 1)),
    right: () => setPlanCur((c) => clamp(c + 1, 0, plans.length - 1)),
    toggle: () => {
      const id = plans[planCur]?.id;
      if (!id) return;
      const next = new Set(hidden);
      if (next.has(id)) next.delete(id);
      else if (shown.length > 1) next.add(id);
      setHidden(next);
    },
    all: () => setHidden(new Set()),
    prevTheme: themeStep(-1),
    nextTheme: themeStep(1),
    back: () => setSide(false),
  });
  useBindings(side ? sideBindings : byObligation ? obligationBindings : matrixBindings, active);

  const iw = innerWidth(width);

  if (byObligation && !side) {
    const header: Seg[] = [{ text: padEndWidth('义务 \\ 方案', labelW), bold: true }];
    plans.forEach((p, i) => header.push({ text: padEndWidth(' ' + clean(q.planTag(p.id)), colW), bold: true, color: 'magenta', inverse: i === obCol }));
    const body: React.ReactNode[] = [];
    obligations.slice(obNav.offset, obNav.offset + matrixRows).forEach((r, i) => {
      const on = obNav.offset + i === obNav.sel;
      for (let li = 0; li < lpr; li++) {
        const label = li === 0 ? `${on ? '› ' : '  '}${r.plans}/${plans.length} ${clean(r.anchor.text)}` : r.spreadDays !== null ? `  期限差 ${r.spreadDays} 天` : '';
        const segs: Seg[] = [{ text: padEndWidth(fitLabel(label, labelW), labelW), bold: on, color: on ? 'cyan' : undefined, inverse: on && li === 0 }];
        r.cells.forEach((c, ci) => {
          const txt = obligationCell(c, colW - 1, twoLine, r.elsewhere[ci])[li] ?? '';
          segs.push({ text: ' ' + padEndWidth(fitLabel(txt, colW - 1), colW - 1), color: c ? (li === 0 ? 'green' : 'blue') : r.elsewhere[ci] ? 'yellow' : undefined, dim: !c && !r.elsewhere[ci], inverse: on && ci === obCol });
        });
        body.push(<Line key={`${r.anchor.id}-${li}`} width={iw} segs={segs} />);
      }
    });
    const cur = obligations[obNav.sel];
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Panel width={width} height={bodyH}>
          <Line width={iw} segs={[{ text: `逐项对比 Obligation by obligation — 每行一项义务，每格：期限 牵头单位（— 该方案没有，↗ 在另一行）· 按${obSort === 'plans' ? '方案数' : '期限差'}排序`, bold: true }]} />
          <Line width={iw} segs={header} />
          {obligations.length ? body : <Line width={iw} segs={[{ text: '  （无）', dim: true }]} />}
        </Panel>
        <StatusLine
          width={width}
          left={[{ text: `${obligations.length} 项义务 × ${plans.length} 个方案`, bold: true }, { text: cur ? ` · ${cur.plans} 个方案有` : '', color: 'cyan' }]}
          right={`${hints(COMPARE_OBLIGATION_KEYS)} ${globalHints}`}
        />
      </Box>
    );
  }

  if (!side) {
    const header: Seg[] = [{ text: padEndWidth('主题 \\ 方案', labelW), bold: true }];
    for (const p of plans) header.push({ text: padEndWidth(' ' + clean(q.planTag(p.id)), colW), bold: true, color: 'magenta' });
    const body: React.ReactNode[] = [];
    matrix.slice(off, off + matrixRows).forEach((r, i) => {
      const on = off + i === sel;
      for (let li = 0; li < lpr; li++) {
        const segs: Seg[] = [
          { text: padEndWidth(li === 0 ? (on ? '› ' : '  ') + clean(r.theme.label) : '', labelW), bold: on, color: on ? 'cyan' : undefined, inverse: on },
        ];
        r.cells.forEach((c) => {
          const ls = cellLines(c, colW - 1, twoLine);
          const txt = ls[li] ?? '';
          segs.push({ text: ' ' + padEndWidth(txt, colW - 1), color: c.count ? (li === 0 ? 'green' : 'blue') : undefined, dim: !c.count });
        });
        body.push(<Line key={`${r.theme.id}-${li}`} width={iw} segs={segs} />);
      }
    });
    return (
      <Box flexDirection="column" width={width} height={height}>
        <Panel width={width} height={bodyH}>
          <Line width={iw} segs={[{ text: '对比 Compare — 每格：最早期限 任务数 牵头单位（— 无）', bold: true }]} />
          <Line width={iw} segs={header} />
          {body}
        </Panel>
        <StatusLine
          width={width}
          left={[{ text: `${matrix.length} 个主题 × ${plans.length} 个方案`, bold: true }, { text: theme ? ` · ${clean(theme.label)}` : '', color: 'cyan' }]}
          right={`${hints(COMPARE_MATRIX_KEYS)} ${globalHints}`}
        />
      </Box>
    );
  }

  // Side-by-side.
  const toggles: Seg[] = [{ text: 'Space 显示/隐藏: ', dim: true }];
  plans.forEach((p, i) => {
    const on = !hidden.has(p.id);
    toggles.push({ text: `${on ? '[x]' : '[ ]'}${clean(q.planTag(p.id))}`, inverse: i === planCur, bold: on, color: on ? 'magenta' : undefined, dim: !on });
    toggles.push({ text: ' ' });
  });
  const headers: Seg[] = [];
  sideCols.forEach((c, i) => {
    if (i > 0) headers.push({ text: '│', dim: true });
    headers.push({ text: padEndWidth(`${clean(q.planTag(c.planId))} ${c.tasks.length}项`, sideColW), bold: true, color: 'magenta' });
  });
  const rows: React.ReactNode[] = [];
  for (let r = 0; r < sideH; r++) {
    const segs: Seg[] = [];
    sideLines.forEach((col, i) => {
      if (i > 0) segs.push({ text: '│', dim: true });
      // Each cell fitted to its column, so one long line can never push the columns to its right.
      segs.push(...fitSegs(col[ss + r] ?? [], sideColW));
    });
    rows.push(<Line key={r} width={iw} segs={segs} />);
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Panel width={width} height={bodyH}>
        <Line width={iw} segs={toggles} />
        <Line width={iw} segs={headers} />
        {rows}
      </Panel>
      <StatusLine
        width={width}
        left={[{ text: `并排 ${clean(theme?.label ?? '')}`, bold: true, color: 'cyan' }, { text: ` · ${shown.length}/${plans.length} 个方案`, dim: true }]}
        right={hints(COMPARE_SIDE_KEYS)}
      />
    </Box>
  );
});

/** Text cut to a display width (an ellipsis at the cut). */
function fitLabel(s: string, w: number): string {
  if (displayWidth(s) <= w) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > w - 1) break;
    out += ch;
  }
  return out + '…';
}

export const compareView: ViewDef = {
  id: 'compare',
  key: '2',
  label: '对比',
  Component: CompareView,
  help: [COMPARE_MATRIX_KEYS, COMPARE_SIDE_KEYS, COMPARE_OBLIGATION_KEYS].map(helpSection),
};
