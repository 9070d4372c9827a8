/** 我的清单 rows: one line per item in the list, and an entry's detail lines with its history. Pure. */
import { appendAll, clean, wrapSegs, type Seg } from '../../layout.js';
import { padEndWidth } from '../../../util/text.js';
import { ROLE_LABEL } from '../../../domain/roles.js';
import { deadlineInline, deadlineLabel } from '../../../domain/deadline-format.js';
import { STATUS_LABEL, type HistoryEvent, type MineItem, type Status } from '../../../checklist/model.js';

export const BOX: Record<Status, string> = { todo: '[ ]', doing: '[~]', done: '[x]', na: '[-]' };
export const STATUS_COLOR: Record<Status, string | undefined> = { todo: undefined, doing: 'yellow', done: 'green', na: 'gray' };
const FIELD: Record<HistoryEvent['field'], string> = { status: '状态', note: '备注', due: '我的期限', added: '加入清单', orphaned: '孤立', relinked: '重新关联', migrated: '格式升级' };

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function histValue(h: HistoryEvent, v: string | null): string {
  if (v === null || v === '') return '—';
  if (h.field === 'status') return STATUS_LABEL[v as Status] ?? v;
  if (h.field === 'added') return v === 'manual' ? '手动' : '按我的单位';
  return v;
}

export function itemRow(it: MineItem, selected: boolean, width: number): Seg[] {
  const role = it.roles.map((r) => ROLE_LABEL[r]).join('/') || (it.entry?.origin === 'manual' ? '手动' : '—');
  const flag: Seg = it.orphan
    ? { text: '孤立 ', color: 'magenta', bold: true }
    : it.overdue
      ? { text: '逾期 ', color: 'red', bold: true }
      : it.dueSoon
        ? { text: '将到 ', color: 'yellow', bold: true }
        : { text: '     ' };
  const wide = width >= 110;
  const segs: Seg[] = [
    { text: selected ? '› ' : '  ', color: 'cyan', bold: true },
    { text: BOX[it.status] + ' ', bold: it.status !== 'todo', color: STATUS_COLOR[it.status] },
    { text: padEndWidth(STATUS_LABEL[it.status], 7), color: STATUS_COLOR[it.status] },
    { text: padEndWidth(role, wide ? 10 : 5), color: 'blue' },
    { text: padEndWidth(clean(it.planTag ?? it.planId), 5), color: 'magenta' },
    { text: padEndWidth(deadlineLabel(it.deadlines), 12), color: 'green' },
    flag,
    { text: it.due ? `我的${it.due.slice(5)} ` : '', color: 'cyan' },
    { text: it.note ? '注 ' : '', color: 'yellow', bold: true },
    { text: clean(it.text), dim: it.status === 'done' || it.status === 'na' },
  ];
  return selected ? segs.map((s) => ({ ...s, inverse: true })) : segs;
}

export function detailLines(it: MineItem, width: number): Seg[][] {
  const lines: Seg[][] = [];
  const push = (segs: Seg[]) => appendAll(lines, wrapSegs(segs, width));
  push([{ text: clean(it.planTag ?? it.planId), color: 'magenta', bold: true }, { text: ' · ' + clean(it.section.join(' › ') || '（无章节）'), dim: true }]);
  if (it.orphan) {
    push([{ text: '孤立条目：', color: 'magenta', bold: true }, { text: '重新索引后知识库中已没有这项任务（原文已修改或删除）。以下是最后已知的内容。' }]);
  }
  push([{ text: clean(it.text) }]);
  lines.push([]);
  push([{ text: '状态 ', bold: true }, { text: `${BOX[it.status]} ${STATUS_LABEL[it.status]}`, color: STATUS_COLOR[it.status] }, { text: `   我的角色 ${it.roles.map((r) => ROLE_LABEL[r]).join('、') || '—'}` }]);
  push([{ text: '时限 ', bold: true }, { text: it.deadlines.length ? it.deadlines.map(deadlineInline).join('；') : '—', color: 'green' }]);
  push([{ text: '我的期限 ', bold: true }, { text: it.due ?? '（未设置，按 d 设置）', dim: !it.due }, { text: it.overdue ? '  逾期' : it.dueSoon ? '  将到期' : '', color: it.overdue ? 'red' : 'yellow', bold: true }]);
  push([{ text: '备注 ', bold: true }, { text: it.note ? clean(it.note) : '（无，按 n 编辑）', dim: !it.note }]);
  for (const role of ['lead', 'responsible', 'support', 'supervise'] as const) {
    const us = it.units.filter((u) => u.role === role);
    if (us.length) push([{ text: ROLE_LABEL[role] + ' ', bold: true }, { text: us.map((u) => clean(u.canonical)).join('、'), color: 'blue' }]);
  }
  if (it.orphan && it.suggestion) {
    lines.push([]);
    push([{ text: '建议关联 ', bold: true, color: 'magenta' }, { text: `${Math.round(it.suggestion.score * 100)}%  ` }, { text: clean(it.suggestion.text) }]);
    push([{ text: '按 r 重新关联到这项任务（状态、备注和历史都会保留）', dim: true }]);
  }
  lines.push([]);
  push([{ text: '变更历史 History', bold: true, underline: true }, { text: `  ${it.taskId}`, dim: true }]);
  const hist = it.entry?.history ?? [];
  if (!hist.length) push([{ text: '（尚无变更）', dim: true }]);
  for (const h of [...hist].reverse()) {
    push([
      { text: when(h.at) + '  ', dim: true },
      { text: padEndWidth(FIELD[h.field] ?? h.field, 9), bold: true },
      {
        text:
          h.field === 'orphaned'
            ? h.to
              ? '原任务已不在知识库中'
              : '原任务已恢复'
            : h.field === 'added' || h.field === 'migrated'
              ? histValue(h, h.to)
              : `${clean(histValue(h, h.from))} → ${clean(histValue(h, h.to))}`,
      },
    ]);
  }
  return lines;
}
