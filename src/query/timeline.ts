/**
 * Timeline data for the TUI's 时间线 view: the month axis, one marker per deadline (recurring deadlines
 * repeated across the range), rows per plan or per theme, and the status of each marker relative to an
 * as-of date. Pure: no I/O, no clock (asOf is a parameter).
 */
import type { Plan, Task, Theme } from '../types.js';
import { addDays, addMonths, monthEnd, monthOf, monthRange } from '../domain/dates.js';
import { occurrences } from '../domain/recurrence.js';

export type MarkerStatus = 'overdue' | 'upcoming' | 'later';
export type TimelineGrouping = 'plan' | 'theme';

export interface TimelineMarker {
  taskId: string;
  planId: string;
  /** YYYY-MM */
  month: string;
  /** ISO date of this occurrence. */
  date: string;
  raw: string;
  recurring: boolean;
  status: MarkerStatus;
}

export interface TimelineRow {
  /** Plan id or theme id. */
  key: string;
  label: string;
  /** Markers by month (YYYY-MM). */
  cells: Record<string, TimelineMarker[]>;
  count: number;
}

export interface Timeline {
  /** Every month from the earliest to the latest deadline, inclusive (YYYY-MM). */
  months: string[];
  asOf: string;
  asOfMonth: string;
  /** Index of asOfMonth in `months`; -1 when before the range, months.length when after it. */
  asOfIndex: number;
  rows: TimelineRow[];
  /** Every marker by month, ordered by date then plan order. */
  byMonth: Record<string, TimelineMarker[]>;
}

export interface TimelineOptions {
  asOf: string;
  groupBy?: TimelineGrouping;
  /** Window after asOf counted as "upcoming" (default 30 days). */
  upcomingDays?: number;
  /** Label for a plan row (default: place or id). */
  planLabel?: (plan: Plan) => string;
}

export function markerStatus(date: string, asOf: string, upcomingDays = 30): MarkerStatus {
  if (date < asOf) return 'overdue';
  if (date <= addDays(asOf, upcomingDays)) return 'upcoming';
  return 'later';
}

/** The month range the data spans: earliest dated deadline to latest one-off deadline (or a year past the earliest when only recurring ones exist). */
export function dataRange(tasks: Task[]): { from: string; to: string } | null {
  let min: string | null = null;
  let maxOnce: string | null = null;
  for (const t of tasks) {
    for (const d of t.deadlines) {
      if (!d.date) continue;
      if (!min || d.date < min) min = d.date;
      if (!d.recurring && (!maxOnce || d.date > maxOnce)) maxOnce = d.date;
    }
  }
  if (!min) return null;
  const to = maxOnce && maxOnce > min ? maxOnce : addMonths(min, 11);
  return { from: monthOf(min), to: monthOf(to) };
}

export function buildTimeline(tasks: Task[], plans: Plan[], themes: Theme[], opts: TimelineOptions): Timeline {
  const groupBy = opts.groupBy ?? 'plan';
  const asOf = opts.asOf;
  const asOfMonth = monthOf(asOf);
  const range = dataRange(tasks);
  const months = range ? monthRange(range.from, range.to) : [];
  const last = months.length ? months[months.length - 1] : '';
  const until = last ? monthEnd(last) : '';
  const monthSet = new Set(months);
  const planOrder = new Map(plans.map((p, i) => [p.id, i]));

  const markersOf = new Map<Task, TimelineMarker[]>();
  const byMonth: Record<string, TimelineMarker[]> = {};
  for (const t of tasks) {
    const ms: TimelineMarker[] = [];
    const seen = new Set<string>();
    for (const d of t.deadlines) {
      for (const date of occurrences(d, until)) {
        const month = monthOf(date);
        if (!monthSet.has(month) || seen.has(month)) continue;
        seen.add(month);
        ms.push({ taskId: t.id, planId: t.planId, month, date, raw: d.raw, recurring: d.recurring !== null, status: markerStatus(date, asOf, opts.upcomingDays) });
      }
    }
    markersOf.set(t, ms);
    for (const m of ms) (byMonth[m.month] ??= []).push(m);
  }
  for (const list of Object.values(byMonth)) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (planOrder.get(a.planId) ?? 0) - (planOrder.get(b.planId) ?? 0)));
  }

  const rows: TimelineRow[] = [];
  const addTo = (row: TimelineRow, ms: TimelineMarker[]) => {
    for (const m of ms) (row.cells[m.month] ??= []).push(m);
    row.count += ms.length;
  };
  if (groupBy === 'plan') {
    for (const p of plans) {
      const row: TimelineRow = { key: p.id, label: opts.planLabel ? opts.planLabel(p) : (p.place ?? p.id), cells: {}, count: 0 };
      for (const t of tasks) if (t.planId === p.id) addTo(row, markersOf.get(t) ?? []);
      rows.push(row);
    }
  } else {
    for (const th of themes) {
      const row: TimelineRow = { key: th.id, label: th.label, cells: {}, count: 0 };
      for (const t of tasks) if (t.themes.includes(th.id)) addTo(row, markersOf.get(t) ?? []);
      if (row.count) rows.push(row);
    }
  }

  let asOfIndex = months.indexOf(asOfMonth);
  if (asOfIndex < 0) asOfIndex = months.length && asOfMonth < months[0] ? -1 : months.length;
  return { months, asOf, asOfMonth, asOfIndex, rows, byMonth };
}
