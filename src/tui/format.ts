/** Short labels for tasks in rows: deadline, lead unit, roles, status glyphs. Pure. */
import type { Deadline, Role, Task, TaskUnit } from '../types.js';
import type { MarkerStatus } from '../query/timeline.js';
import { clean } from './layout.js';

export const ROLE_LABEL: Record<Role, string> = { lead: '牵头', responsible: '负责', support: '配合', supervise: '督导' };
export const ROLE_ORDER: Role[] = ['lead', 'responsible', 'support', 'supervise'];

/** The deadline that matters first: the earliest dated one, else the first one written. */
export function firstDeadline(task: Task): Deadline | null {
  let best: Deadline | null = null;
  for (const d of task.deadlines) if (d.date && (!best || !best.date || d.date < best.date)) best = d;
  return best ?? task.deadlines[0] ?? null;
}

/** "2017-12-31", "每年12-31", "每半年06-30", the raw text when undated, or "—". */
export function deadlineLabel(task: Task): string {
  const d = firstDeadline(task);
  if (!d) return '—';
  if (d.date && d.recurring === 'yearly') return `每年${d.date.slice(5)}`;
  if (d.date && d.recurring === 'twice-yearly') return `每半年${d.date.slice(5)}`;
  if (d.date) return d.precision === 'year' ? d.date.slice(0, 4) : d.precision === 'day' ? d.date : d.date.slice(0, 7);
  return clean(d.raw) || '—';
}

export function leadUnit(task: Task): TaskUnit | null {
  return task.units.find((u) => u.role === 'lead') ?? task.units[0] ?? null;
}

/** A unit's short name: without the leading 省/市 (发展改革委 rather than 省发展改革委). */
export function shortUnit(name: string | null | undefined): string {
  if (!name) return '—';
  const s = clean(name).replace(/[（(].*?[）)]/g, '');
  // 省发展改革委 → 发展改革委, but 省直各部门 / 市属单位 keep their prefix (it is part of the meaning).
  return s.length > 2 && !/^(省|市)(直|属|级)/.test(s) ? s.replace(/^(省|市|自治区)/, '') : s;
}

/** Glyphs that keep timeline/result states apart without colour (NO_COLOR). */
export const STATUS_GLYPH: Record<MarkerStatus, string> = { overdue: 'x', upcoming: '!', later: 'o' };
export const STATUS_COLOR: Record<MarkerStatus, string> = { overdue: 'red', upcoming: 'yellow', later: 'green' };
export const STATUS_LABEL: Record<MarkerStatus, string> = { overdue: '逾期', upcoming: '临近', later: '未到期' };
