/** The roles a unit can have in a task, and their one label table (used by every view, the CLI and exports). */
import type { Role } from '../types.js';

/** Display order: lead, responsible, support, supervise. */
export const ROLES: readonly Role[] = ['lead', 'responsible', 'support', 'supervise'];

export const ROLE_LABEL: Readonly<Record<Role, string>> = { lead: '牵头', responsible: '负责', support: '配合', supervise: '督查' };

/** How much a role weighs when listing my roles in a task (best first): lead, responsible, supervise, support. */
export const ROLE_RANK: Readonly<Record<Role, number>> = { lead: 0, responsible: 1, supervise: 2, support: 3 };

export function roleLabel(r: Role): string {
  return ROLE_LABEL[r];
}

export function byRank(roles: Iterable<Role>): Role[] {
  return [...new Set(roles)].sort((a, b) => ROLE_RANK[a] - ROLE_RANK[b]);
}

/**
 * The units a task's 牵头单位 column shows: its lead units, else its responsible ones — never a 配合 or 督查
 * unit (a task with only those has no lead). In the order the task names them. The one rule for the views,
 * the CLI and the exports.
 */
export function leadsOf<U extends { role: Role }>(units: readonly U[]): U[] {
  const lead = units.filter((u) => u.role === 'lead');
  return lead.length ? lead : units.filter((u) => u.role === 'responsible');
}

/** The names of the units with `role`, each once, in the order named (a ledger's 牵头/责任/配合/督查 column). */
export function namesWithRole(units: ReadonlyArray<{ role: Role; name: string }>, role: Role): string[] {
  return [...new Set(units.filter((u) => u.role === role).map((u) => u.name))];
}
