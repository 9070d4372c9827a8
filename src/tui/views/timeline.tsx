/**
 * 3 时间线: months on the x-axis, one row per plan (or per theme, `g`), a marker per deadline
 * (recurring ones every period), an "as of" line, and a month cursor listing the tasks due that month.
 * The data comes from the pure query/timeline.ts via PlansQuery.timeline().
 */
import React, { memo, useMemo, useState } from 'react';
import { Box } from 'ink';
import type { TimelineMarker, TimelineRow } from '../../query/index.js';
import type { MarkerStatus, TimelineGrouping } from '../../query/timeline.js';
import { useEnv } from '../context.js';
import { bind, helpSection, hints } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { GLOBAL_KEYS } from '../keys/global.js';
import { TIMELINE_KEYS } from './timeline.keys.js';
import { Line } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import { clamp, clean, scrollTo, type Seg } from '../layout.js';
import { planTagCell, STATUS_COLOR, STATUS_GLYPH, STATUS_LABEL } from '../format.js';
import { padEndWidth } from '../../util/text.js';
import type { ViewDef, ViewProps } from './types.js';

const RANK: Record<MarkerStatus, number> = { overdue: 3, upcoming: 2, later: 1 };

function worst(ms: TimelineMarker[]): MarkerStatus {
  let s: MarkerStatus = 'later';
  for (const m of ms) if (RANK[m.status] > RANK[s]) s = m.status;
  return s;
}

export function cellText(ms: TimelineMarker[] | undefined, cw: number): string {
  if (!ms || !ms.length) return '';
  const g = STATUS_GLYPH[worst(ms)];
  if (cw >= 2 && ms.length > 1) return g + (ms.length > 9 ? '+' : String(ms.length));
  return g;
}

export const TimelineView = memo(function TimelineView({ active, width, height, openTask }: ViewProps) {
  const { query: q, asOf, upcomingDays } = useEnv();
  const [group, setGroup] = useState<TimelineGrouping>('plan');
  const tl = useMemo(() => q.timeline({ asOf, groupBy: group, upcomingDays }), [q, asOf, group, upcomingDays]);
  const months = tl.months;
  const initialCursor = useMemo(() => {
    if (tl.asOfIndex >= 0 && tl.asOfIndex < months.length) return tl.asOfIndex;
    const withData = months.map((m, i) => (tl.byMonth[m]?.length ? i : -1)).filter((i) => i >= 0);
    if (!withData.length) return 0;
    return tl.asOfIndex < 0 ? withData[0] : withData[withData.length - 1];
  }, [tl, months]);
  const [cursor, setCursor] = useState<number | null>(null);
  const [mOff, setMOff] = useState(0);
  const [rowOff, setRowOff] = useState(0);

  const cur = clamp(cursor ?? initialCursor, 0, Math.max(0, months.length - 1));
  const iw = innerWidth(width);
  const labelW = group === 'plan' ? 8 : 18;
  const avail = Math.max(1, iw - labelW);
  const cw = months.length ? clamp(Math.floor(avail / months.length), 1, 6) : 1;
  const visibleMonths = Math.max(1, Math.floor(avail / cw));
  const mo = scrollTo(mOff, cur, visibleMonths, months.length);
  const shownMonths = months.slice(mo, mo + visibleMonths);

  const bodyH = Math.max(0, height - 1);
  const listMin = 4;
  const chartRowsMax = Math.max(1, innerHeight(bodyH) - 3 - (listMin + 3));
  const rowMax = Math.max(0, tl.rows.length - chartRowsMax);
  const ro = clamp(rowOff, 0, rowMax);
  const chartRows = tl.rows.slice(ro, ro + chartRowsMax);
  const chartH = 2 + 3 + chartRows.length;
  const listH = Math.max(3, bodyH - chartH);
  const listRows = Math.max(1, innerHeight(listH) - 1);

  const month = months[cur];
  const due = month ? (tl.byMonth[month] ?? []) : [];
  const nav = useListNav(due.length, listRows);
  const selIdx = nav.sel;
  const lo = nav.offset;

  const goMonth = (i: number) => {
    const n = clamp(i, 0, Math.max(0, months.length - 1));
    setCursor(n);
    setMOff(scrollTo(mo, n, visibleMonths, months.length));
    nav.select(0);
  };
  const jump = (dir: 1 | -1) => {
    for (let i = cur + dir; i >= 0 && i < months.length; i += dir) if (tl.byMonth[months[i]]?.length) return goMonth(i);
  };

  useBindings(
    bind(TIMELINE_KEYS, {
      ...nav.handlers,
      prevMonth: () => goMonth(cur - 1),
      nextMonth: () => goMonth(cur + 1),
      prevDue: () => jump(-1),
      nextDue: () => jump(1),
      firstMonth: () => goMonth(0),
      lastMonth: () => goMonth(months.length - 1),
      asOf: () => goMonth(tl.asOfIndex < 0 ? 0 : tl.asOfIndex),
      group: () => {
        setRowOff(0);
        setGroup(group === 'plan' ? 'theme' : 'plan');
      },
      rowsDown: () => setRowOff(clamp(ro + 1, 0, rowMax)),
      rowsUp: () => setRowOff(clamp(ro - 1, 0, rowMax)),
      open: () => {
        if (due[selIdx]) openTask(due[selIdx].taskId);
      },
    }),
    active,
  );

  // Axis: a year line and a month line.
  const yearChars: string[] = Array(shownMonths.length * cw).fill(' ');
  shownMonths.forEach((m, i) => {
    if (i === 0 || m.endsWith('-01')) {
      const y = i === 0 || cw * 12 >= 5 ? m.slice(0, 4) : '';
      for (let c = 0; c < y.length && i * cw + c < yearChars.length; c++) yearChars[i * cw + c] = y[c];
    }
  });
  const monthSegs: Seg[] = [{ text: padEndWidth('', labelW) }];
  shownMonths.forEach((m, i) => {
    const mm = Number(m.slice(5, 7));
    const label = cw >= 3 ? String(mm).padStart(2, '0') : String(mm % 10);
    const isCur = mo + i === cur;
    const isAsOf = m === tl.asOfMonth;
    monthSegs.push({ text: padEndWidth(label, cw), inverse: isCur, bold: isCur || isAsOf, color: isAsOf ? 'red' : undefined, underline: isAsOf });
  });

  const rowSegs = (r: TimelineRow): Seg[] => {
    const segs: Seg[] = [{ text: padEndWidth(clean(r.label), labelW - 1) + ' ', color: 'magenta' }];
    shownMonths.forEach((m, i) => {
      const ms = r.cells[m];
      const isCur = mo + i === cur;
      if (ms && ms.length) {
        const st = worst(ms);
        segs.push({ text: padEndWidth(cellText(ms, cw), cw), color: STATUS_COLOR[st], bold: true, inverse: isCur });
      } else if (m === tl.asOfMonth) {
        segs.push({ text: padEndWidth('│', cw), color: 'red', inverse: isCur });
      } else {
        segs.push({ text: padEndWidth(cw >= 2 ? '·' : ' ', cw), dim: true, inverse: isCur });
      }
    });
    return segs;
  };

  const asOfNote =
    tl.asOfIndex < 0 ? `截至 as of ${asOf} ← 早于范围` : tl.asOfIndex >= months.length ? `截至 as of ${asOf} → 晚于范围` : `截至 as of ${asOf} │`;
  const legend: Seg[] = [
    { text: `时间线 · ${group === 'plan' ? '按方案' : '按主题'} (g) `, bold: true },
    { text: `${STATUS_GLYPH.overdue} 逾期 `, color: STATUS_COLOR.overdue },
    { text: `${STATUS_GLYPH.upcoming} 临近 `, color: STATUS_COLOR.upcoming },
    { text: `${STATUS_GLYPH.later} 未到期 `, color: STATUS_COLOR.later },
    { text: asOfNote, color: 'red' },
    { text: tl.rows.length > chartRows.length ? ` 行${ro + 1}-${ro + chartRows.length}/${tl.rows.length} J K` : '', dim: true },
  ];

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Panel width={width} height={chartH}>
        <Line width={iw} segs={legend} />
        <Line width={iw} segs={[{ text: padEndWidth(mo > 0 ? '‹' : '', labelW) }, { text: yearChars.join(''), bold: true }, { text: mo + visibleMonths < months.length ? '›' : '' }]} />
        <Line width={iw} segs={monthSegs} />
        {months.length === 0 ? <Line width={iw} segs={[{ text: '没有带日期的期限 — no dated deadlines', dim: true }]} /> : chartRows.map((r) => <Line key={r.key} width={iw} segs={rowSegs(r)} />)}
      </Panel>
      <Panel width={width} height={listH}>
        <Line width={iw} segs={[{ text: `${month ?? '—'} 到期 ${due.length} 项`, bold: true, color: 'cyan' }, { text: due.length ? '  ↑↓ 选择 Enter 打开' : '', dim: true }]} />
        {due.slice(lo, lo + listRows).map((m, i) => {
          const on = lo + i === selIdx;
          const t = q.task(m.taskId);
          const segs: Seg[] = [
            { text: on ? '› ' : '  ', color: 'cyan', bold: true },
            { text: `${STATUS_GLYPH[m.status]} ${STATUS_LABEL[m.status]} `, color: STATUS_COLOR[m.status], bold: true },
            { text: planTagCell(q, m.planId, iw), color: 'magenta' },
            { text: m.date + (m.recurring ? '(周期)' : '') + ' ', color: 'green' },
            { text: clean(t?.text ?? m.taskId) },
          ];
          return <Line key={`${m.taskId}-${m.date}`} width={iw} segs={on ? segs.map((s) => ({ ...s, inverse: true })) : segs} />;
        })}
      </Panel>
      <StatusLine
        width={width}
        left={[{ text: `${months[0] ?? ''} … ${months[months.length - 1] ?? ''}`, bold: true }, { text: ` · 光标 ${month ?? '—'}`, color: 'cyan' }]}
        right={`${hints(TIMELINE_KEYS)} ${hints(GLOBAL_KEYS, ['help'])}`}
      />
    </Box>
  );
});

export const timelineView: ViewDef = {
  id: 'timeline',
  key: '3',
  label: '时间线',
  Component: TimelineView,
  help: [
    helpSection(TIMELINE_KEYS),
    { title: '图例 Legend', entries: [{ keys: 'x ! o', desc: '逾期 / 临近 / 未到期 overdue / upcoming / later (also without colour)' }] },
  ],
};
