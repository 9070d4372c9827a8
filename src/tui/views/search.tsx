/**
 * 1 搜索: fzf-like search as you type, filter toggles, result list with highlighted matches and a
 * preview of the selected task.
 */
import React, { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Box, useCursor } from 'ink';
import type { PlansQuery, SearchHit, TaskFilters } from '../../query/index.js';
import type { Task } from '../../types.js';
import { useEnv } from '../context.js';
import type { KeyEvent } from '../hooks/useKeymap.js';
import { bind, helpSection, hints as hints_ } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { globalHints } from '../keys/global.js';
import { SEARCH_INPUT_KEYS, SEARCH_LIST_KEYS } from './search.keys.js';
import { Line, Lines } from '../components/Line.js';
import { Panel, innerHeight, innerWidth } from '../components/Panel.js';
import { StatusLine } from '../components/StatusLine.js';
import { clamp, clean, highlightSegs, scrollTo, appendAll, wrapSegs, type Seg } from '../layout.js';
import { leadUnit, planTagCell, planTagWidth } from '../format.js';
import { deadlineInline, deadlineLabel } from '../../domain/deadline-format.js';
import { ROLE_LABEL, ROLES } from '../../domain/roles.js';
import { displayWidth, padEndWidth, truncateStartWidth } from '../../util/text.js';
import type { ViewDef, ViewProps } from './types.js';
import { useAddToChecklist } from './mine.js';

/**
 * Hits ranked per keystroke: a page of them (five screens), more as the selection nears the end of those shown,
 * up to MAX_HITS. Ranking 300 per key cost the 5000-plan corpus's pinyin keys ~1800 sampled candidates each.
 */
const PAGE = 100;
const MAX_HITS = 1000;
const PROMPT = '搜索› ';
const HL: Seg = { text: '', color: 'yellow', bold: true, underline: true };

export interface FilterState {
  plan: number;
  kind: number;
  theme: number;
  due: 'overdue' | 'upcoming' | null;
}
const NO_FILTERS: FilterState = { plan: -1, kind: -1, theme: -1, due: null };

/** Unit kinds present in the knowledge base, most frequent first. */
export function unitKinds(q: PlansQuery): string[] {
  const n = new Map<string, number>();
  for (const t of q.tasks()) for (const k of new Set(t.units.map((u) => u.kind))) if (k) n.set(k, (n.get(k) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

function cycle(i: number, n: number, dir: 1 | -1): number {
  // -1 means "all"; cycles all → 0 → … → n-1 → all.
  if (n === 0) return -1;
  const next = i + dir;
  if (next >= n) return -1;
  if (next < -1) return n - 1;
  return next;
}

function firstTheme(q: PlansQuery, t: Task): string {
  return t.themes.map((id) => q.theme(id)?.label ?? id).join('、');
}

/**
 * The task text for a result row: when the first match would fall beyond the visible part, the text
 * starts a little before it (with a leading …) so the highlighted characters are on screen.
 */
export function matchWindow(text: string, ranges: Array<[number, number]>, width: number): Seg[] {
  const first = ranges.reduce((m, r) => Math.min(m, r[0]), ranges.length ? Infinity : 0);
  const before = displayWidth(clean(text.slice(0, first)));
  if (!ranges.length || before + 4 <= width * 0.7) return highlightSegs(text, ranges, HL);
  let start = first;
  let w = 0;
  while (start > 0 && w < Math.floor(width * 0.25)) {
    start--;
    w += displayWidth(text[start]);
  }
  const shifted = ranges.map(([a, b]) => [a - start, b - start] as [number, number]);
  return [{ text: '…', dim: true }, ...highlightSegs(text.slice(start), shifted, HL)];
}

const leadWidth = (rowWidth: number) => (rowWidth >= 110 ? 20 : rowWidth >= 84 ? 16 : 12);

export function resultRow(q: PlansQuery, hit: SearchHit, selected: boolean, width: number): Seg[] {
  const t = hit.task;
  const leadW = leadWidth(width);
  const lead = leadUnit(t);
  const base: Seg[] = [
    { text: selected ? '› ' : '  ', color: 'cyan', bold: true },
    { text: planTagCell(q, t.planId, width), color: 'magenta' },
    { text: padEndWidth(deadlineLabel(t.deadlines), 10) + ' ', color: 'green' },
    { text: padEndWidth(lead ? clean(lead.name) : '—', leadW) + ' ', color: 'blue' },
  ];
  const textW = width - base.reduce((n, x) => n + displayWidth(x.text), 0);
  const text = matchWindow(t.text, hit.ranges, textW);
  const segs = [...base, ...text];
  if (selected) return segs.map((s) => ({ ...s, inverse: true }));
  return segs;
}

/** The preview of a hit; its source paragraph only if its file is read already when `readSource` is false. */
export function previewLines(q: PlansQuery, hit: SearchHit | undefined, width: number, readSource = true): Seg[][] {
  if (!hit) return [[{ text: '没有匹配的任务 — no matching task', dim: true }]];
  const t = hit.task;
  const lines: Seg[][] = [];
  lines.push([
    { text: clean(q.planTag(t.planId)), color: 'magenta', bold: true },
    { text: ' · ' + clean(t.section.join(' › ') || '（无章节）'), dim: true },
  ]);
  appendAll(lines, wrapSegs(highlightSegs(t.text, hit.ranges, HL), width));
  if (t.deadlines.length) {
    lines.push([{ text: '期限 ', bold: true }, { text: t.deadlines.map(deadlineInline).join('；'), color: 'green' }]);
  } else lines.push([{ text: '期限 ', bold: true }, { text: '—', dim: true }]);
  for (const role of ROLES) {
    const us = t.units.filter((u) => u.role === role);
    if (us.length) appendAll(lines, wrapSegs([{ text: ROLE_LABEL[role] + ' ', bold: true }, { text: us.map((u) => clean(u.name)).join('、'), color: 'blue' }], width));
  }
  if (t.themes.length) lines.push([{ text: '主题 ', bold: true }, { text: clean(firstTheme(q, t)) }]);
  lines.push([{ text: `${clean(t.source.file)}:${t.source.line}`, dim: true }]);
  const ctx = q.context(t, { onlyLoaded: !readSource });
  if (ctx) {
    lines.push([{ text: '原文 Source paragraph', bold: true, dim: true }]);
    appendAll(lines, wrapSegs(highlightSegs(ctx.paragraph, [[ctx.start, ctx.end]], { inverse: true }, { dim: true }), width));
  }
  return lines;
}

export const SearchView = memo(function SearchView({ active, width, height, top, openTask, setCapture }: ViewProps) {
  const { query: q, asOf, upcomingDays, idle } = useEnv();
  const [text, setText] = useState('');
  const [focus, setFocus] = useState<'input' | 'list'>('input');
  const [f, setF] = useState<FilterState>(NO_FILTERS);
  const [notice, setNotice] = useState<string | null>(null);
  const addToChecklist = useAddToChecklist();
  const plans = q.plans();
  const themes = q.themes();
  // Unit kinds for the u filter: counted over every task, so only when the filter is first used (the first
  // frame of a large corpus would otherwise parse all its tasks for it).
  const [kindsOn, setKindsOn] = useState(false);
  const kinds = useMemo(() => (kindsOn ? unitKinds(q) : []), [q, kindsOn]);

  const filters = useMemo<TaskFilters>(() => {
    const out: TaskFilters = {};
    if (f.plan >= 0 && plans[f.plan]) out.plans = [plans[f.plan].id];
    if (f.kind >= 0 && kinds[f.kind]) out.unitKinds = [kinds[f.kind]];
    if (f.theme >= 0 && themes[f.theme]) out.themes = [themes[f.theme].id];
    if (f.due) Object.assign(out, { due: f.due, asOf, upcomingDays });
    return out;
  }, [f, plans, kinds, themes, asOf, upcomingDays]);

  // The search index is built after the first frame, in slices between which keys are handled: until it
  // is ready the input stays live and the typed query is answered the moment it is.
  const [ready, setReady] = useState(() => q.searchReady());
  useEffect(() => {
    let live = true;
    const after = () => {
      if (!live) return;
      setReady(true);
      void q.warmAheadAsync(idle); // then fields decoded and tasks parsed ahead, while no key comes
    };
    // Started from a timer, not inside the commit that drew the first frame.
    const start = setTimeout(() => (q.searchReady() ? after() : q.warmSearchAsync().then(after, after)), 0);
    return () => {
      live = false;
      clearTimeout(start);
    };
  }, [q, idle]);

  const [page, setPage] = useState(PAGE);
  // at least three screens, whatever the terminal's height
  const limit = Math.min(MAX_HITS, Math.max(page, 3 * height));
  const { hits, total, pending } = useMemo(() => {
    if (!text.trim()) {
      // The empty query lists everything in plan order; no need to build the search index for it.
      // Unfiltered, only the first screenful of tasks is read (a cache parses tasks when asked for).
      const filtered = Object.keys(filters).length > 0;
      const all = filtered ? q.tasks(filters) : q.firstTasks(limit);
      return { hits: all.slice(0, limit).map((task) => ({ task, score: 0, ranges: [] as Array<[number, number]> })), total: filtered ? all.length : q.taskCount(), pending: false };
    }
    if (!ready) return { hits: [] as SearchHit[], total: 0, pending: true };
    const hs = q.search(text, filters, limit);
    return { hits: hs, total: hs.length, pending: false };
  }, [q, text, filters, ready, limit]);

  // The focus as of the last key (ahead of the render): the next key goes where the previous one sent it.
  const focusNow = useRef(focus);
  const focusTo = (x: 'input' | 'list') => {
    focusNow.current = x;
    setFocus(x);
    setCapture(x === 'input');
  };

  const wide = width >= 120;
  const bodyH = Math.max(0, height - 2);
  const listW = wide ? Math.floor(width * 0.56) : width;
  const listH = wide ? bodyH : Math.max(5, Math.floor(bodyH * 0.58));
  const prevW = wide ? width - listW : width;
  const prevH = wide ? bodyH : bodyH - listH;
  const rowsVisible = Math.max(1, innerHeight(listH) - 1);
  const nav = useListNav(hits.length, rowsVisible);
  const selIdx = nav.sel;
  const off = nav.offset;
  // Functional updates: every key of a chunk applies to the text the previous one left.
  const setQuery = (edit: (s: string) => string) => {
    setText(edit);
    setPage(PAGE);
    nav.select(0);
  };
  const setFilter = (next: FilterState) => {
    setF(next);
    setPage(PAGE);
    nav.select(0);
  };
  // The next page once the selection is within two screens of the last hit shown.
  const more = hits.length >= limit && limit < MAX_HITS && selIdx >= hits.length - 2 * rowsVisible;
  useEffect(() => {
    if (more) setPage(limit + PAGE);
  }, [more, limit]);

  const cycleFilter = (key: 'plan' | 'kind' | 'theme', n: number) => (k: KeyEvent) => setFilter({ ...f, [key]: cycle(f[key], n, k.name === k.name.toLowerCase() ? 1 : -1) });
  const open = () => {
    if (hits[selIdx]) openTask(hits[selIdx].task.id);
  };
  const inputBindings = bind(SEARCH_INPUT_KEYS, {
    ...nav.handlers,
    open,
    leave: () => focusTo('list'),
    backspace: () => setQuery((s) => Array.from(s).slice(0, -1).join('')),
    clear: () => setQuery(() => ''),
    deleteWord: () => setQuery((s) => s.replace(/\S*\s*$/u, '')),
    type: (k) => setQuery((s) => s + k.text),
  });
  const listBindings = bind(SEARCH_LIST_KEYS, {
    ...nav.handlers,
    open,
    input: () => focusTo('input'),
    plan: cycleFilter('plan', plans.length),
    kind: (k) => {
      if (!kindsOn) {
        setKindsOn(true);
        const n = unitKinds(q).length; // the memo computes the same list for the render
        setFilter({ ...f, kind: cycle(f.kind, n, k.name === k.name.toLowerCase() ? 1 : -1) });
      } else cycleFilter('kind', kinds.length)(k);
    },
    theme: cycleFilter('theme', themes.length),
    overdue: () => setFilter({ ...f, due: f.due === 'overdue' ? null : 'overdue' }),
    upcoming: () => setFilter({ ...f, due: f.due === 'upcoming' ? null : 'upcoming' }),
    clearFilters: () => setFilter(NO_FILTERS),
    add: () => {
      if (hits[selIdx]) setNotice(addToChecklist(hits[selIdx].task.id));
    },
  });
  useBindings(() => (focusNow.current === 'input' ? inputBindings : listBindings), active);

  // The terminal cursor sits at the end of the input, so an IME's candidate window appears there.
  // Ink 6.8 places the cursor one row too high when the frame fills the terminal (no trailing newline:
  // it counts from the line below the output), and our frame always does: hence the +1 (seen in tmux).
  // A query wider than the input shows its end (where the cursor is), with … at the start; one column is
  // left free for the cursor.
  const shownText = truncateStartWidth(clean(text), width - displayWidth(PROMPT) - 1);
  const { setCursorPosition } = useCursor();
  setCursorPosition(active && focus === 'input' ? { x: Math.min(width - 1, displayWidth(PROMPT) + displayWidth(shownText)), y: top + 1 } : undefined);

  const lw = innerWidth(listW);
  const pw = innerWidth(prevW);
  const visible = hits.slice(off, off + rowsVisible);
  // The preview shows source paragraphs: the files of the rows on screen are read (and decoded) ahead,
  // one per turn of the event loop once the index is built, so neither a key nor moving down waits for
  // one; only cheap formats (a PDF or a sheet is read when first shown), and memory stays with what is seen.
  // Until the first of these passes is done, the preview reads no file itself (the first frame reads none).
  const visiblePlans = [...new Set(visible.map((h) => h.task.planId))].join('\n');
  const [sourcesOk, setSourcesOk] = useState(false);
  useEffect(() => {
    if (!ready) return;
    const plans = visiblePlans.split('\n');
    let timer: ReturnType<typeof setImmediate> | undefined;
    const next = () => {
      const id = plans.shift();
      if (!id) {
        setSourcesOk(true);
        return;
      }
      q.prefetchContext(id);
      timer = setImmediate(next);
    };
    timer = setImmediate(next);
    return () => {
      if (timer) clearImmediate(timer);
    };
  }, [q, ready, visiblePlans]);
  const preview = useMemo(() => previewLines(q, hits[selIdx], pw, sourcesOk).slice(0, innerHeight(prevH)), [q, hits, selIdx, pw, prevH, sourcesOk]);

  const filterSegs: Seg[] = [];
  const addFilter = (label: string, value: string) => filterSegs.push({ text: ' ' }, { text: `[${label}:${value}]`, color: 'cyan', bold: true });
  if (f.plan >= 0 && plans[f.plan]) addFilter('p 方案', clean(q.planTag(plans[f.plan].id)));
  if (f.kind >= 0 && kinds[f.kind]) addFilter('u 单位', clean(kinds[f.kind]));
  if (f.theme >= 0 && themes[f.theme]) addFilter('t 主题', clean(themes[f.theme].label));
  if (f.due === 'overdue') addFilter('o', `逾期 <${asOf}`);
  if (f.due === 'upcoming') addFilter('n', `临近 ${upcomingDays}天`);
  const count = pending ? '索引中' : `${hits.length < total ? `${hits.length}/${total}` : total >= limit ? `${total}+` : total} 条`;
  const hints = focus === 'input' ? hints_(SEARCH_INPUT_KEYS) : `${hints_(SEARCH_LIST_KEYS)} ${globalHints}`;

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line
        width={width}
        segs={[
          { text: PROMPT, color: 'cyan', bold: focus === 'input' },
          { text: shownText },
          { text: focus === 'input' ? '' : '  (/ 输入)', dim: true },
        ]}
      />
      <Box flexDirection={wide ? 'row' : 'column'} height={bodyH}>
        <Panel width={listW} height={listH} focused={focus === 'list'}>
          {/* the rows as one block (one node to lay out per keystroke, not one per row) */}
          <Lines
            width={lw}
            rows={[
              [{ text: `  ${padEndWidth('方案', planTagWidth(q, lw))} ${padEndWidth('期限', 10)} ${padEndWidth('牵头单位', leadWidth(lw))} 任务`, dim: true, bold: true }],
              ...visible.map((h, i) => resultRow(q, h, off + i === selIdx, lw)),
              ...(pending ? [[{ text: '  正在建立索引… — indexing, results follow', dim: true }]] : hits.length === 0 ? [[{ text: '  没有结果 — no results', dim: true }]] : []),
            ]}
          />
        </Panel>
        <Panel width={prevW} height={prevH}>
          <Lines width={pw} rows={preview} />
        </Panel>
      </Box>
      <StatusLine width={width} left={[{ text: count, bold: true }, ...filterSegs, ...(notice ? [{ text: `  ${notice}`, color: 'green' as const }] : [])]} right={hints} />
    </Box>
  );
});

export const searchView: ViewDef = {
  id: 'search',
  key: '1',
  label: '搜索',
  Component: SearchView,
  startsInInput: true,
  help: [SEARCH_INPUT_KEYS, SEARCH_LIST_KEYS].map(helpSection),
};
