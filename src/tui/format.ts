/** Short labels for tasks in rows: lead unit, short unit names, status glyphs (deadlines and roles: src/domain). Pure. */
import type { Task, TaskUnit } from '../types.js';
import type { MarkerStatus } from '../query/timeline.js';
import { clean } from './layout.js';
import { leadsOf } from '../domain/roles.js';
import { displayWidth, padEndWidth } from '../util/text.js';
import type { PlansQuery } from '../query/index.js';

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

const tagWidths = new WeakMap<PlansQuery, number>();

/**
 * The width of the plan column of a row: the widest tag (安徽: 4), up to 8 columns under 84, 10 under 110, else 14 —
 * enough for a tag that tells plans of one place apart to keep its place and the first of its topic (江州·防…).
 */
export function planTagWidth(q: PlansQuery, rowWidth: number): number {
  let widest = tagWidths.get(q);
  if (widest === undefined) tagWidths.set(q, (widest = Math.max(4, ...q.plans().map((p) => displayWidth(clean(q.planTag(p.id)))))));
  return Math.min(widest, rowWidth >= 110 ? 14 : rowWidth >= 84 ? 10 : 8);
}

/** A plan's tag in a row's plan column, plus a space. */
export function planTagCell(q: PlansQuery, planId: string, rowWidth: number): string {
  return padEndWidth(clean(q.planTag(planId)), planTagWidth(q, rowWidth)) + ' ';
}
