/** Short labels for tasks in rows: lead unit, short unit names, status glyphs (deadlines and roles: src/domain). Pure. */
import type { Task, TaskUnit } from '../types.js';
import type { MarkerStatus } from '../query/timeline.js';
import { clean } from './layout.js';
import { leadsOf } from '../domain/roles.js';

/** The first of the task's lead units (domain/roles.ts leadsOf), or null. */
export function leadUnit(task: Task): TaskUnit | null {
  return leadsOf(task.units)[0] ?? null;
}

/** A unit's short name: without the leading 省/市 (发展改革委 rather than 省发展改革委). */
export function shortUnit(name: string | null | undefined): string {
  if (!name) return '—';
  const s = clean(name).replace(/[（(].*?[）)]/g, '');
  // 省发展改革委 → 发展改革委, but 省直各部门 / 市属单位 / 市委宣传部 keep their prefix (it is part of the name).
  return s.length > 2 && !/^(省|市)(直|属|级|委)/.test(s) ? s.replace(/^(省|市|自治区)/, '') : s;
}

/** Glyphs that keep timeline/result states apart without colour (NO_COLOR). */
export const STATUS_GLYPH: Record<MarkerStatus, string> = { overdue: 'x', upcoming: '!', later: 'o' };
export const STATUS_COLOR: Record<MarkerStatus, string> = { overdue: 'red', upcoming: 'yellow', later: 'green' };
export const STATUS_LABEL: Record<MarkerStatus, string> = { overdue: '逾期', upcoming: '临近', later: '未到期' };
