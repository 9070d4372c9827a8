/**
 * `plans mine` — my department's checklist:
 *   plans mine [--json] [--as-of D]                     the list (all entries with task, status, note, due, history)
 *   plans mine units [set|add|remove UNIT…]             my units: a kind (审计), a unit (省审计厅), or PLAN/UNIT (安徽/省审计厅)
 *   plans mine export --format csv|md|xlsx|ics [--out FILE]
 *   plans mine relink [OLD_ID [NEW_ID]]                 orphans and their suggested new tasks; re-link one
 *   plans mine drop TASK_ID                             remove an entry (only when you ask)
 *   plans mine prune [--all] [--yes]                    remove orphaned entries (those holding nothing of mine; --all: every orphan)
 *   plans mine move-aside                               move an unreadable checklist file to a timestamped backup
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isoDate, parseArgs, str, UsageError, type ParsedArgs } from '../args.js';
import type { Io } from '../../app/io.js';
import { KB_FLAGS, openChecklist as openChecklistIn, openKb } from '../../app/open.js';
import { dataDir } from '../../app/paths.js';
import { AmbiguousIdError, Checklist } from '../../checklist/api.js';
import { ChecklistCorruptError, openStore } from '../../checklist/store.js';
import { groupItems, STATUS_LABEL, type MineItem, type MyUnit } from '../../checklist/model.js';
import { ROLE_LABEL } from '../../domain/roles.js';
import type { ExportInput } from '../../checklist/export/common.js';
import { padEndWidth, stripControl, truncateWidth } from '../../util/text.js';
import type { PlansQuery } from '../../query/index.js';

const FLAGS = { strings: [...KB_FLAGS, 'as-of', 'format', 'out'], booleans: ['json', 'yes', 'force', 'all'] };

export async function openChecklist(p: ParsedArgs, io: Io): Promise<Checklist> {
  const { query, dataDir: dir } = await openKb(p, io);
  return openChecklistIn(query, dir, { asOf: isoDate(p, 'as-of') });
}

/** Resolves a unit argument: a kind (审计), a canonical name or alias (省审计厅), or PLAN/UNIT (安徽/省审计厅, anhui/省审计厅). */
export function parseUnitArg(q: PlansQuery, arg: string, cl: Checklist): MyUnit {
  const a = arg.trim();
  const slash = a.search(/[/／:：]/);
  if (slash > 0) {
    const planArg = a.slice(0, slash);
    const name = a.slice(slash + 1);
    const plan = q.plans().find((p) => p.id === planArg || q.planTag(p.id) === planArg || p.place === planArg || p.province === planArg);
    if (!plan) throw new UsageError(`no plan "${planArg}"; plans: ${q.plans().map((p) => `${p.id} (${q.planTag(p.id)})`).join(', ')}`);
    const u = q.units().find((x) => (x.canonical === name || x.aliases.includes(name)) && x.plans[plan.id]);
    if (!u) throw new UsageError(`no unit "${name}" in ${q.planTag(plan.id)}`);
    return { type: 'unit', value: u.canonical, planId: plan.id };
  }
  if (q.units().some((u) => u.kind === a)) return { type: 'kind', value: a };
  const exact = q.units().find((u) => u.canonical === a) ?? q.units().find((u) => u.aliases.includes(a));
  if (exact) return { type: 'unit', value: exact.canonical };
  const cands = cl.candidates(a, 8);
  const hint = cands.length ? `; did you mean: ${cands.map((c) => (c.unit.type === 'kind' ? c.unit.value : `${c.unit.planId ? q.planTag(c.unit.planId) + '/' : ''}${c.unit.value}`)).join(', ')}` : '';
  throw new UsageError(`no unit or unit kind "${a}"${hint}`);
}

function itemJson(it: MineItem) {
  return {
    taskId: it.taskId,
    plan: it.planId,
    planTag: it.planTag,
    text: it.text,
    section: it.section,
    roles: it.roles,
    deadlines: it.deadlines,
    status: it.status,
    statusLabel: STATUS_LABEL[it.status],
    note: it.note,
    due: it.due,
    effectiveDue: it.effectiveDue,
    overdue: it.overdue,
    dueSoon: it.dueSoon,
    orphan: it.orphan,
    suggestion: it.suggestion,
    origin: it.entry?.origin ?? 'units',
    history: it.entry?.history ?? [],
  };
}

function exportInput(cl: Checklist): ExportInput {
  const d = cl.data();
  return {
    items: cl.items(d),
    units: d.units,
    unitLabels: d.units.map((u) => cl.unitLabel(u)),
    asOf: cl.asOf,
    generatedAt: new Date(),
    planTitle: (id) => cl.query.plan(id)?.title ?? null,
  };
}

async function exportCmd(p: ParsedArgs, io: Io, cl: Checklist): Promise<number> {
  const format = str(p, 'format');
  if (!format || !['csv', 'md', 'xlsx', 'ics'].includes(format)) throw new UsageError('--format must be one of csv, md, xlsx, ics');
  const input = exportInput(cl);
  let out = str(p, 'out');
  let body: string | Buffer;
  if (format === 'csv') body = (await import('../../checklist/export/csv.js')).toCsv(input);
  else if (format === 'md') body = (await import('../../checklist/export/md.js')).toMarkdown(input);
  else if (format === 'ics') body = (await import('../../checklist/export/ics.js')).toIcs(input);
  else {
    body = await (await import('../../checklist/export/xlsx.js')).toXlsx(input);
    out ??= `checklist-${cl.asOf}.xlsx`; // binary: never to the terminal
  }
  if (!out || out === '-') {
    process.stdout.write(body);
    return 0;
  }
  const path = resolve(out);
  try {
    // 'wx' fails when the file exists: an export never replaces a file unless asked to (--force).
    writeFileSync(path, body, { flag: p.flags.force ? 'w' : 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${path} already exists; give --force to overwrite it, or another --out FILE`);
    throw e;
  }
  io.err(`plans mine export: 已写入 wrote ${input.items.length} 项任务 tasks → ${path}`);
  return 0;
}

/** Orphans listed by `plans mine` (text); past this many, the rest are counted, and `plans mine prune` is suggested. */
export const ORPHANS_LISTED = 100;

/** Holds something of mine (a status, a note, a due date): `plans mine prune` without --all keeps it. */
const holdsMine = (it: MineItem) => it.status !== 'todo' || !!it.note || !!it.due;

function listText(io: Io, cl: Checklist): number {
  const st = cl.state();
  if (!st.ok) throw new Error(st.error);
  const s = st.summary;
  io.out(`我的清单 My checklist  ${st.file}`);
  io.out(`我的单位 My units：${st.unitLabels.length ? st.unitLabels.join('、') : '（未设置：plans mine units set 审计）'}`);
  io.out(`完成 done ${s.done}/${s.total}　逾期 overdue ${s.overdue}　30天内到期 due in 30 days ${s.dueSoon}${s.orphans ? `　孤立 orphans ${s.orphans}` : ''}　截至 as of ${st.asOf}${s.next ? `　最近到期 next ${s.next.effectiveDue} ${truncateWidth(stripControl(s.next.text), 30)}` : ''}`);
  let prunable = 0;
  for (const it of st.items) if (it.orphan && !holdsMine(it)) prunable++;
  if (s.orphans > ORPHANS_LISTED) {
    io.out(
      `孤立条目很多 many orphaned entries (${s.orphans})：\`plans mine prune --yes\` 删除其中 ${prunable} 个无状态、备注或期限的 removes the ${prunable} that hold nothing of yours` +
        `（\`plans mine prune\` 先列出数目 shows the count first；--all 删除全部孤立条目 removes every orphan）`,
    );
  }
  let idw = 8;
  for (const it of st.items) idw = Math.max(idw, it.taskId.length);
  for (const g of groupItems(st.items, 'plan', st.asOf, cl.query.plans().map((x) => x.id))) {
    let shown = g.items;
    if (g.key === '~orphans' && shown.length > ORPHANS_LISTED) {
      // The ones that hold something of mine first, then the rest, as far as the limit goes.
      shown = [...shown.filter(holdsMine), ...shown.filter((it) => !holdsMine(it))].slice(0, ORPHANS_LISTED);
    }
    io.out('');
    io.out(`== ${g.label} (${g.items.length})`);
    for (const it of shown) {
      const flag = it.orphan ? '孤立' : it.overdue ? '逾期' : it.dueSoon ? '将到' : '';
      const role = it.roles.map((r) => ROLE_LABEL[r]).join('/') || '手动';
      const due = it.due ? `我的${it.due}` : (it.effectiveDue ?? '—');
      io.out(
        `${padEndWidth(STATUS_LABEL[it.status], 6)} ${it.taskId.padEnd(idw)} ${padEndWidth(role, 9)} ${padEndWidth(due, 14)} ${padEndWidth(flag, 4)} ${it.note ? '✎ ' : ''}${truncateWidth(stripControl(it.text).replace(/\s+/g, ' '), 60)}`,
      );
      if (it.orphan && it.suggestion) io.out(`${' '.repeat(7)}→ 建议关联 ${it.suggestion.taskId} (${Math.round(it.suggestion.score * 100)}%): ${truncateWidth(stripControl(it.suggestion.text), 50)}  [plans mine relink ${it.taskId}]`);
    }
    if (shown.length < g.items.length) {
      io.out(`… 另有 ${g.items.length - shown.length} 个孤立条目未列出 more orphaned entries not listed（plans mine --json 列出全部条目 lists every entry；plans mine relink 列出全部孤立条目及建议 lists every orphan with suggestions）`);
    }
  }
  return 0;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, FLAGS);
  const [sub, ...args] = p.positionals;

  if (sub === 'move-aside') {
    const store = openStore(dataDir(str(p, 'data-dir')));
    try {
      store.read();
      io.out(`plans mine：${store.file} 读取正常，无需移开 reads fine; nothing to move aside。`);
      return 0;
    } catch (e) {
      if (!(e instanceof ChecklistCorruptError)) throw e;
    }
    const to = store.moveAside();
    io.out(to ? `plans mine：已将 ${store.file} 移至 moved aside to ${to}；下次修改时开始一份新的空清单 a new, empty checklist starts with your next change。` : `plans mine：没有清单文件 there is no ${store.file}。`);
    return 0;
  }

  const cl = await openChecklist(p, io);
  const q = cl.query;

  if (sub === undefined) {
    if (p.flags.json) {
      const st = cl.state();
      if (!st.ok) throw new Error(st.error);
      const head = { file: st.file, asOf: st.asOf, units: st.units, summary: { ...st.summary, next: st.summary.next?.taskId ?? null } };
      if (!st.items.length) io.out(JSON.stringify({ ...head, entries: [] }, null, 2));
      else {
        // The text JSON.stringify(…, null, 2) of the whole would be, one entry at a time (100k entries are
        // hundreds of MB as one string).
        io.out(JSON.stringify(head, null, 2).slice(0, -2) + ',\n  "entries": [');
        const last = st.items.length - 1;
        st.items.forEach((it, i) => io.out('    ' + JSON.stringify(itemJson(it), null, 2).replace(/\n/g, '\n    ') + (i < last ? ',' : '')));
        io.out('  ]\n}');
      }
      return 0;
    }
    return listText(io, cl);
  }

  if (sub === 'units') {
    const [op, ...names] = args;
    if (op === undefined) {
      const d = cl.data();
      if (p.flags.json) io.out(JSON.stringify(d.units, null, 2));
      else io.out(d.units.length ? d.units.map((u) => cl.unitLabel(u)).join('\n') : '（未设置）');
      return 0;
    }
    if (!['set', 'add', 'remove'].includes(op)) throw new UsageError(`plans mine units set|add|remove UNIT…, not "${op}"`);
    if (!names.length && op !== 'set') throw new UsageError(`plans mine units ${op} needs at least one unit, e.g. 审计 or 安徽/省审计厅`);
    const units = names.map((n) => parseUnitArg(q, n, cl));
    if (op === 'set') cl.setUnits(units);
    else if (op === 'add') cl.addUnits(units);
    else {
      const n = cl.removeUnits(units);
      if (!n) io.err(`plans mine：${names.join('、')} 都不在我的单位中 none of them was among my units`);
    }
    const d = cl.data();
    io.out(`我的单位 My units：${d.units.length ? d.units.map((u) => cl.unitLabel(u)).join('、') : '（未设置 none set）'}  → ${cl.items(d).length} 项任务 tasks`);
    return 0;
  }

  if (sub === 'export') return exportCmd(p, io, cl);

  if (sub === 'relink') {
    const [from, to] = args;
    if (!from) {
      const orphans = cl.items().filter((i) => i.orphan);
      // Each orphan's suggestions from its entry as read here (one read of the file, not one per orphan).
      if (p.flags.json) {
        if (!orphans.length) io.out('[]');
        orphans.forEach((o, i) => {
          const one = JSON.stringify({ taskId: o.taskId, text: o.text, suggestions: cl.suggestions(o.entry!, 3) }, null, 2).replace(/\n/g, '\n  ');
          io.out(`${i ? '' : '[\n'}  ${one}${i < orphans.length - 1 ? ',' : '\n]'}`); // JSON.stringify(all, null, 2), an orphan at a time
        });
        return 0;
      }
      if (!orphans.length) io.out('plans mine：没有孤立条目 no orphaned entries；每个条目都对应知识库中的任务 every entry points to a task in the knowledge base。');
      for (const o of orphans) {
        io.out(`${o.taskId}  ${STATUS_LABEL[o.status]}  ${truncateWidth(stripControl(o.text), 70)}`);
        const sugs = cl.suggestions(o.entry!, 3);
        if (!sugs.length) io.out('   （未找到相似的任务 no similar task found）');
        for (const s of sugs) io.out(`   → ${s.taskId} ${String(Math.round(s.score * 100)).padStart(3)}%  ${truncateWidth(stripControl(s.text), 64)}`);
      }
      if (orphans.length) io.out('\n重新关联 Re-link：`plans mine relink OLD_ID`（关联最佳建议 best suggestion）或 or `plans mine relink OLD_ID NEW_ID`。');
      return 0;
    }
    const fromId = cl.resolveId(from);
    if (!cl.entry(fromId)) throw new Error(`没有 ${fromId} 的清单条目 no checklist entry for ${fromId}：只有条目才能重新关联 only entries can be re-linked（plans mine relink 列出孤立条目 lists the orphans）`);
    const e = cl.relink(fromId, to);
    io.out(`plans mine：已重新关联 re-linked ${fromId} → ${e.taskId}（状态 status ${STATUS_LABEL[e.status]}${e.note ? '，备注保留 note kept' : ''}，保留 ${e.history.length} 条历史 history events kept）`);
    return 0;
  }

  if (sub === 'prune') {
    if (args.length) throw new UsageError(`plans mine prune 不接受任务编号 takes no ids（plans mine drop ID 删除一个条目 removes one entry），得到 got "${args[0]}"`);
    const all = !!p.flags.all;
    const what = (n: number) => `${n} 个孤立条目 orphaned ${n === 1 ? 'entry' : 'entries'}${all ? '' : '（无状态、备注或期限 without status, note or due date）'}`;
    if (!p.flags.yes) {
      const { remove, kept } = cl.prunable(all);
      io.out(
        `plans mine prune：将删除 would remove ${what(remove.length)}` +
          (kept ? `；另有 ${kept} 个孤立条目有状态、备注或期限，保留 kept（--all 也删除它们 removes them too）` : '') +
          `。\n${remove.length ? `加 ${all ? '--all --yes' : '--yes'} 再运行一次即删除 run again to remove them（删除前，现在的文件先存入 backups/ the file as it is now is kept in backups/ first）。` : '无需处理 nothing to do。'}`,
      );
      return 0;
    }
    const removed = cl.prune(all);
    io.out(`plans mine prune：已删除 removed ${what(removed.length)}。`);
    return 0;
  }

  if (sub === 'drop') {
    if (!args[0]) throw new UsageError('请给出要删除的条目编号 give the id of the entry to drop（plans mine --json 列出条目 lists them）');
    const id = cl.resolveId(args[0]);
    const d = cl.data(); // one read for the list, the units and the entry
    const item = cl.items(d).find((i) => i.taskId === id);
    const viaUnits = !!item && item.roles.length > 0;
    const units = d.units.map((u) => cl.unitLabel(u)).join('、');
    if (!Object.prototype.hasOwnProperty.call(d.entries, id)) {
      if (viaUnits) {
        throw new Error(
          `${id} 因我的单位（${units}）而在清单上 is on my list because of my units，不是单独的条目 not an entry of its own，没有可删除的 nothing to drop。` +
            `要排除它，标为不适用 to leave it out, mark it not applicable：\`plans mark ${id} na\`（或修改我的单位 or change my units：\`plans mine units remove …\`）。`,
        );
      }
      throw new Error(`没有 ${id} 的清单条目 no checklist entry for ${id}（plans mine --json 列出所有条目 lists the entries）`);
    }
    cl.drop(id);
    io.out(
      viaUnits
        ? `plans mine：已删除 ${id} 的条目 removed the entry（状态、备注和历史 its status, note and history）；因我的单位（${units}）该任务仍在清单上 the task stays on my list because of my units —— \`plans mark ${id} na\` 可将其排除 leaves it out。`
        : `plans mine：已删除 ${id} 的条目 removed the entry。`,
    );
    return 0;
  }

  throw new UsageError(`未知的子命令 unknown subcommand "${sub}"`);
}
