/**
 * 4 我的清单: my department's checklist. Every task where my units have a role (plus tasks added by hand
 * and orphaned entries), grouped by plan or by deadline. space cycles the status, n edits the note,
 * d sets my due date, Enter opens the entry's detail with its history, u picks my units, g toggles grouping.
 *
 * The view talks only to the small checklist API (src/checklist/api.ts); the file is re-read when another
 * process (a second TUI, `plans mark`) changes it. rows.ts draws the lines, services.ts provides the
 * checklist, keys.ts declares the keys.
 */
import React, { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useCursor } from 'ink';
import { bind, helpSection, hints as hintsOf, type Binding } from '../../keys/binding.js';
import { useBindings } from '../../keys/useBindings.js';
import { GLOBAL_KEYS } from '../../keys/global.js';
import { MINE_DETAIL_KEYS, MINE_ERROR_KEYS, MINE_INPUT_KEYS, MINE_LIST_KEYS, MINE_RELINK_KEYS, PICKER_KEYS } from './keys.js';
import { Line } from '../../components/Line.js';
import { StatusLine } from '../../components/StatusLine.js';
import { clamp, clean, scrollTo, wrapSegs, type Seg } from '../../layout.js';
import { displayWidth } from '../../../util/text.js';
import type { Checklist, MineState } from '../../../checklist/api.js';
import { groupItems, STATUS_LABEL, type Grouping, type MineItem } from '../../../checklist/model.js';
import { daysInMonth, isIsoDate } from '../../../domain/dates.js';
import { detailLines, itemRow } from './rows.js';
import { useChecklist } from './services.js';
import { UnitPicker, PICKER_PROMPT } from '../unit-picker.js';
import type { ViewDef, ViewProps } from '../types.js';

type Mode = 'list' | 'picker' | 'note' | 'due' | 'detail' | 'relink';

export interface MineViewCoreProps extends ViewProps {
  api: Checklist;
  /** How often to look for changes made by other processes (ms), besides the file watch; 0 disables both. */
  pollMs?: number;
  /** Watch the data folder for changes; the poll is the fallback where watching is not possible. */
  watch?: boolean;
}

/** The view itself, driven only by a Checklist (testable without the app frame). */
export const MineViewCore = memo(function MineViewCore({ api, active, width, height, top, openTask, setCapture, pollMs = 1500, watch: watchFile = true }: MineViewCoreProps) {
  // The stamp of the file version the state on screen was read from (taken before reading, so a change
  // in between is seen as a change).
  const stamp = useRef('');
  const [st, setSt] = useState<MineState>(() => {
    stamp.current = api.stamp();
    return api.state();
  });
  const [mode, setModeState] = useState<Mode>('list');
  // Capture is set together with the mode (not only in an effect), so the key right after `n`, `d` or `u`
  // already goes to the input and not to the app (q would quit).
  const setMode = useCallback(
    (m: Mode) => {
      setModeState(m);
      setCapture(active && (m === 'picker' || m === 'note' || m === 'due'));
    },
    [active, setCapture],
  );
  const [grouping, setGrouping] = useState<Grouping>('plan');
  const [selId, setSelId] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [input, setInput] = useState('');
  const [pickText, setPickText] = useState('');
  const [flash, setFlash] = useState<{ text: string; error?: boolean } | null>(null);
  const [detailScroll, setDetailScroll] = useState(0);

  const refresh = useCallback(() => {
    stamp.current = api.stamp();
    setSt(api.state());
  }, [api]);
  const run = useCallback(
    (fn: () => string | void) => {
      try {
        const msg = fn();
        setFlash(msg ? { text: msg } : null);
      } catch (e) {
        setFlash({ text: (e as Error).message, error: true });
      }
      refresh();
    },
    [refresh],
  );

  // Another process (a second TUI, `plans mark`) may change the file: re-read when it is another version
  // than the one on screen. The data folder is watched; the poll catches what a watch cannot.
  useEffect(() => {
    if (!pollMs) return;
    const check = () => {
      if (api.stamp() !== stamp.current) refresh();
    };
    const unwatch = watchFile ? api.watch(check) : () => {};
    check(); // a change between the first read and now
    const iv = setInterval(check, pollMs);
    return () => {
      clearInterval(iv);
      unwatch();
    };
  }, [api, pollMs, watchFile, refresh]);

  const capture = mode === 'picker' || mode === 'note' || mode === 'due';
  useEffect(() => {
    setCapture(active && capture);
  }, [active, capture, setCapture]);

  const items = st.ok ? st.items : [];
  const planOrder = useMemo(() => api.query.plans().map((p) => p.id), [api]);
  const groups = useMemo(() => groupItems(items, grouping, st.asOf, planOrder), [items, grouping, st.asOf, planOrder]);
  const rows = useMemo(() => {
    const out: Array<{ kind: 'head'; label: string; n: number } | { kind: 'item'; it: MineItem }> = [];
    for (const g of groups) {
      out.push({ kind: 'head', label: g.label, n: g.items.length });
      for (const it of g.items) out.push({ kind: 'item', it });
    }
    return out;
  }, [groups]);
  const itemRows = rows.map((r, i) => (r.kind === 'item' ? i : -1)).filter((i) => i >= 0);
  let selRow = rows.findIndex((r) => r.kind === 'item' && r.it.taskId === selId);
  if (selRow < 0) selRow = itemRows[0] ?? -1;
  const sel = selRow >= 0 && rows[selRow].kind === 'item' ? (rows[selRow] as { it: MineItem }).it : null;

  const listH = Math.max(1, height - 3);
  const off = scrollTo(offset, Math.max(0, selRow), listH, rows.length);
  // Keep the group header visible when the first item of the list is selected.
  const offShown = selRow === itemRows[0] ? 0 : off;

  // Functional updates: several keys may arrive before the next render (key repeat, fast typing).
  const moveSel = (d: number) => {
    if (!itemRows.length) return;
    const rowOf = (id: string | null) => {
      const i = rows.findIndex((r) => r.kind === 'item' && r.it.taskId === id);
      return i >= 0 ? i : itemRows[0];
    };
    setSelId((prev) => {
      const cur = Math.max(0, itemRows.indexOf(rowOf(prev)));
      const n = clamp(cur + d, 0, itemRows.length - 1);
      const r = rows[itemRows[n]];
      return r.kind === 'item' ? r.it.taskId : prev;
    });
  };
  // Remember the scroll position the selection led to, so the window only moves when it must.
  useEffect(() => {
    if (off !== offset) setOffset(off);
  }, [off, offset]);

  const detail = useMemo(() => (sel ? detailLines(sel, width) : []), [sel, width]);

  const entryHandlers = {
    status: () => {
      if (sel) run(() => `${STATUS_LABEL[api.cycle(sel.taskId)]}`);
    },
    note: () => {
      if (!sel) return;
      setFlash(null);
      // Edit the note as it is in the file now (another window may have changed it).
      setInput(api.currentEntry(sel.taskId)?.note ?? sel.note);
      setMode('note');
    },
    due: () => {
      if (!sel) return;
      setFlash(null);
      const e = api.currentEntry(sel.taskId);
      setInput((e ? e.due : sel.due) ?? '');
      setMode('due');
    },
  };
  const canRelink = Boolean(sel?.orphan && sel.suggestion);
  let bindings: Binding[];
  if (!st.ok) {
    bindings = bind(MINE_ERROR_KEYS, {
      moveAside: st.corrupt
        ? () =>
            run(() => {
              const to = api.moveAside();
              return to ? `已将损坏的文件移到 ${to}，新的空清单已开始` : '没有需要移走的文件';
            })
        : undefined,
      retry: refresh,
    });
  } else if (mode === 'note' || mode === 'due') {
    bindings = bind(MINE_INPUT_KEYS, {
      cancel: () => setMode('list'),
      save: () => {
        if (!sel) return setMode('list');
        const v = input.trim();
        if (mode === 'due' && v && !isIsoDate(v)) {
          const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(v);
          const month = m ? Number(m[2]) : 0;
          const why = m && month >= 1 && month <= 12 ? `没有这一天：${m[1]}年${month}月只有${daysInMonth(Number(m[1]), month)}天（${v}）` : `日期格式应为 2018-06-30，而不是 "${v}"`;
          return setFlash({ text: why, error: true });
        }
        setMode('list');
        run(() => {
          api.mark(sel.taskId, mode === 'note' ? { note: input.trim() } : { due: v || null });
          return mode === 'note' ? '备注已保存' : v ? `我的期限已设为 ${v}` : '我的期限已清除';
        });
      },
      // Functional updates: every key of a chunk applies to the text the previous one left.
      backspace: () => setInput((s) => Array.from(s).slice(0, -1).join('')),
      clear: () => setInput(''),
      type: (k) => {
        setFlash(null);
        setInput((s) => s + k.text);
      },
    });
  } else if (mode === 'relink') {
    bindings = bind(MINE_RELINK_KEYS, {
      confirm: () => {
        if (!sel?.suggestion) return setMode('detail');
        const to = sel.suggestion.taskId;
        setMode('detail');
        setSelId(to);
        run(() => {
          api.relink(sel.taskId, to);
          return `已重新关联到 ${to}`;
        });
      },
      cancel: () => setMode('detail'),
    });
  } else if (mode === 'detail') {
    bindings = bind(MINE_DETAIL_KEYS, {
      ...entryHandlers,
      back: () => setMode('list'),
      scrollUp: () => setDetailScroll((s) => Math.max(0, s - 1)),
      scrollDown: () => setDetailScroll((s) => Math.min(Math.max(0, detail.length - listH), s + 1)),
      relink: canRelink ? () => setMode('relink') : undefined,
      task: sel?.task ? () => openTask(sel.taskId) : undefined,
    });
  } else {
    bindings = bind(MINE_LIST_KEYS, {
      up: () => moveSel(-1),
      down: () => moveSel(1),
      pageUp: () => moveSel(-listH),
      pageDown: () => moveSel(listH),
      first: () => moveSel(-itemRows.length),
      last: () => moveSel(itemRows.length),
      ...entryHandlers,
      open: () => {
        if (!sel) return;
        setDetailScroll(0);
        setMode('detail');
      },
      group: () => {
        setGrouping((g) => (g === 'plan' ? 'deadline' : 'plan'));
        setOffset(0);
      },
      units: () => {
        setPickText('');
        setMode('picker');
      },
      relink: () => (canRelink ? setMode('relink') : refresh()),
    });
  }
  useBindings(bindings, active && mode !== 'picker');

  // Terminal cursor at the end of a text input, so an IME's candidate window appears there.
  const { setCursorPosition } = useCursor();
  const inputPrompt = mode === 'note' ? '备注› ' : '我的期限 (YYYY-MM-DD，留空清除)› ';
  setCursorPosition(
    active && (mode === 'note' || mode === 'due')
      ? { x: Math.min(width - 1, displayWidth(inputPrompt) + displayWidth(input)), y: top + height - 1 }
      : active && mode === 'picker'
        ? { x: Math.min(width - 1, displayWidth(PICKER_PROMPT) + displayWidth(pickText)), y: top + 2 }
        : undefined,
  );

  if (!st.ok) {
    const lines = wrapSegs([{ text: '无法读取我的清单 — the checklist cannot be read', color: 'red', bold: true }], width);
    const body = [
      ...wrapSegs([{ text: `文件 ${clean(st.file)} 未被改动，也不会被覆盖。` }], width),
      ...wrapSegs([{ text: st.corrupt ? '可以手工修复它、从 backups/ 中恢复一份，或按 m 把它移到带时间戳的备份（checklist.corrupt-…json）并新建一个空清单。' : '请检查文件权限后按 r 重试。' }], width),
      [],
      ...wrapSegs([{ text: clean(st.error), dim: true }], width),
    ];
    return (
      <Box flexDirection="column" width={width} height={height}>
        {[...lines, [], ...body].slice(0, height - 1).map((s, i) => (
          <Line key={i} width={width} segs={s} />
        ))}
        <Box flexGrow={1} />
        <StatusLine width={width} left={flash ? [{ text: clean(flash.text), color: flash.error ? 'red' : 'green' }] : [{ text: '文件未被改动', bold: true }]} right={hintsOf(MINE_ERROR_KEYS, st.corrupt ? ['moveAside', 'retry'] : ['retry'])} />
      </Box>
    );
  }

  const s = st.summary;
  const header: Seg[] = [
    { text: '完成 ', bold: true },
    { text: `${s.done}/${s.total}`, color: 'green', bold: true },
    { text: '  逾期 ', bold: true },
    { text: String(s.overdue), color: s.overdue ? 'red' : undefined, bold: true },
    ...(s.dueSoon ? [{ text: '  将到 ', bold: true }, { text: String(s.dueSoon), color: 'yellow', bold: true }] : []),
    ...(s.orphans ? [{ text: '  孤立 ', bold: true }, { text: String(s.orphans), color: 'magenta', bold: true }] : []),
    { text: '  下一项 ', bold: true },
    s.next ? { text: `${s.next.effectiveDue} ${clean(s.next.text)}`, color: 'cyan' } : { text: '—', dim: true },
  ];
  const unitsLine: Seg[] = [
    { text: '我的单位 ', bold: true },
    { text: st.unitLabels.length ? clean(st.unitLabels.join('、')) : '（未选择，按 u 选择）', color: st.unitLabels.length ? 'cyan' : 'yellow' },
    { text: `   分组 ${grouping === 'plan' ? '按方案' : '按期限'} (g)`, dim: true },
  ];

  let body: React.ReactNode;
  if (mode === 'picker') {
    body = (
      <UnitPicker
        active={active}
        width={width}
        height={height - 1}
        units={st.units}
        labelOf={(u) => api.unitLabel(u)}
        candidates={(q) => api.candidates(q)}
        onToggle={(u) => run(() => (api.toggleUnit(u) ? `已添加 ${api.unitLabel(u)}` : `已移除 ${api.unitLabel(u)}`))}
        onClose={() => setMode('list')}
        text={pickText}
        setText={setPickText}
      />
    );
  } else if ((mode === 'detail' || mode === 'relink') && sel) {
    const shown = detail.slice(detailScroll, detailScroll + listH);
    body = shown.map((segs, i) => <Line key={i} width={width} segs={segs} />);
  } else if (!rows.length) {
    body = [
      <Line key="e1" width={width} segs={[{ text: '清单是空的。', bold: true }]} />,
      <Line key="e2" width={width} segs={[{ text: st.units.length ? '我的单位在知识库中没有任务；按 u 换一个单位。' : '按 u 选择我的单位（例如输入 审计），所有方案中由它牵头、负责、配合或督查的任务都会列在这里。' }]} />,
    ];
  } else {
    body = rows.slice(offShown, offShown + listH).map((r, i) =>
      r.kind === 'head' ? (
        <Line key={`h${offShown + i}`} width={width} segs={[{ text: `── ${clean(r.label)} (${r.n}) `, bold: true, color: r.label.startsWith('孤立') ? 'magenta' : undefined }, { text: '─'.repeat(Math.max(0, width - displayWidth(`── ${clean(r.label)} (${r.n}) `))), dim: true }]} />
      ) : (
        <Line key={r.it.taskId} width={width} segs={itemRow(r.it, r.it.taskId === sel?.taskId, width)} />
      ),
    );
  }

  const hints =
    mode === 'detail'
      ? hintsOf(MINE_DETAIL_KEYS, ['back', 'status', 'note', 'due', canRelink ? 'relink' : sel?.task ? 'task' : ''])
      : mode === 'picker'
        ? ''
        : `${hintsOf(MINE_LIST_KEYS)} ${hintsOf(GLOBAL_KEYS, ['help'])}`;
  let bottom: React.ReactNode;
  if (mode === 'note' || mode === 'due') {
    bottom = <Line width={width} segs={[{ text: inputPrompt, color: 'cyan', bold: true }, { text: clean(input) }, ...(flash?.error ? [{ text: '   ' + clean(flash.text), color: 'red', bold: true }] : [])]} />;
  } else if (mode === 'relink' && sel?.suggestion) {
    bottom = <Line width={width} segs={[{ text: `重新关联到 ${sel.suggestion.taskId}？(y 确认，其他键取消)`, color: 'magenta', bold: true }]} />;
  } else if (flash) {
    bottom = <StatusLine width={width} left={[{ text: clean(flash.text), color: flash.error ? 'red' : 'green', bold: true }]} right={hints} />;
  } else {
    bottom = <StatusLine width={width} left={[{ text: `${items.length} 项`, bold: true }]} right={hints} />;
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line width={width} segs={header} />
      {mode === 'picker' ? null : <Line width={width} segs={unitsLine} />}
      <Box flexDirection="column" height={mode === 'picker' ? height - 1 : listH} overflow="hidden">
        {body}
      </Box>
      {mode === 'picker' ? null : bottom}
    </Box>
  );
});

/** The registered view: builds the checklist API from the app's environment. */
export const MineView = memo(function MineView(props: ViewProps) {
  const api = useChecklist();
  return <MineViewCore api={api} {...props} />;
});

export const mineView: ViewDef = {
  id: 'mine',
  key: '4',
  label: '我的清单',
  Component: MineView,
  help: [
    ...[MINE_LIST_KEYS, MINE_DETAIL_KEYS, MINE_INPUT_KEYS, PICKER_KEYS].map(helpSection),
    {
      title: '说明 Notes',
      entries: [
        { keys: '逾期', desc: '早于 as-of 日期 overdue' },
        { keys: '将到', desc: 'as-of 后30天内到期 due within 30 days' },
        { keys: '孤立', desc: '原任务重新索引后已变更 task gone after re-index' },
        { keys: '保存', desc: '每次改动立即写入 saved at once (data/checklist.json)' },
      ],
    },
  ],
};
