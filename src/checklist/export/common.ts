/** What every export shares: the rows of the 任务台账, in list order. */
import { stripControl } from '../../util/text.js';
import { STATUS_LABEL, type MineItem, type MyUnit } from '../model.js';
import { leadsOf, ROLE_LABEL } from '../../domain/roles.js';
import { deadlineRaws } from '../../domain/deadline-format.js';

export interface ExportInput {
  items: MineItem[];
  units: MyUnit[];
  unitLabels: string[];
  asOf: string;
  generatedAt: Date;
  planTitle: (planId: string) => string | null;
}

export interface LedgerRow {
  no: number;
  taskId: string;
  plan: string;
  planTitle: string;
  text: string;
  myRoles: string;
  lead: string;
  support: string;
  deadline: string;
  deadlineDate: string;
  myDue: string;
  status: string;
  note: string;
  orphan: boolean;
  updatedAt: string;
}

const clean = (s: string) => stripControl(s).trim();

export function leadUnits(it: MineItem): string {
  return [...new Set(leadsOf(it.units).map((u) => u.canonical))].join('、');
}

export function supportUnits(it: MineItem): string {
  const names = it.units.filter((u) => u.role === 'support').map((u) => u.canonical);
  const sup = it.units.filter((u) => u.role === 'supervise').map((u) => `${u.canonical}（${ROLE_LABEL.supervise}）`);
  return [...new Set([...names, ...sup])].join('、');
}

export function deadlineText(it: MineItem): string {
  return deadlineRaws(it.deadlines);
}

/** Items in ledger order: by plan (KB order is kept by resolveMine), orphans last. */
export function ledgerRows(input: ExportInput): LedgerRow[] {
  const items = [...input.items.filter((i) => !i.orphan), ...input.items.filter((i) => i.orphan)];
  return items.map((it, i) => ({
    no: i + 1,
    taskId: it.taskId,
    plan: it.planTag ?? it.planId,
    planTitle: input.planTitle(it.planId) ?? '',
    text: clean(it.text),
    myRoles: it.roles.map((r) => ROLE_LABEL[r]).join('、'),
    lead: leadUnits(it),
    support: supportUnits(it),
    deadline: deadlineText(it),
    deadlineDate: it.effectiveDue && !it.due ? it.effectiveDue : (it.deadlines.find((d) => d.date)?.date ?? ''),
    myDue: it.due ?? '',
    status: STATUS_LABEL[it.status],
    note: clean(it.note),
    orphan: it.orphan,
    updatedAt: it.entry?.updatedAt ?? '',
  }));
}
