/**
 * The one list-navigation binding set (↑ ↓ j k PgUp PgDn g G Home End) and the hook every list uses. The
 * hook updates its state functionally, so several keys arriving before the next render (a chunk such as
 * "jjjj", key repeat) each move one row.
 */
import { useCallback, useState } from 'react';
import { clamp, scrollTo } from '../layout.js';
import type { KeySpec } from './binding.js';

export type NavId = 'up' | 'down' | 'pageUp' | 'pageDown' | 'first' | 'last';

export const LIST_NAV: KeySpec<NavId>[] = [
  { id: 'up', keys: ['up', 'k'], description: '上移 move up', hint: '选择', hintLabel: '↑↓' },
  { id: 'down', keys: ['down', 'j'], description: '下移 move down' },
  { id: 'pageUp', keys: ['pageup'], description: '上一页 page up' },
  { id: 'pageDown', keys: ['pagedown'], description: '下一页 page down' },
  { id: 'first', keys: ['g', 'home'], description: '第一项 first' },
  { id: 'last', keys: ['G', 'end'], description: '最后一项 last' },
];

/** The navigation set without some keys (a view that gives `g` another meaning), or with other descriptions. */
export function listNav(opts: { without?: string[]; describe?: Partial<Record<NavId, string>>; hint?: string | null } = {}): KeySpec<NavId>[] {
  return LIST_NAV.map((s) => ({
    ...s,
    keys: s.keys.filter((k) => !opts.without?.includes(k)),
    description: opts.describe?.[s.id] ?? s.description,
    hint: s.id === 'up' ? (opts.hint === null ? undefined : (opts.hint ?? s.hint)) : undefined,
  })).filter((s) => s.keys.length > 0);
}

export interface ListNav {
  /** The selected index, clamped to the list. */
  sel: number;
  /** The first visible row. */
  offset: number;
  move: (delta: number) => void;
  select: (index: number) => void;
  handlers: Record<NavId, () => void>;
}

/** Selection and scroll offset of a list of `count` items showing `rows` at a time. */
export function useListNav(count: number, rows: number): ListNav {
  const [st, setSt] = useState({ sel: 0, offset: 0 });
  const max = Math.max(0, count - 1);
  const sel = clamp(st.sel, 0, max);
  const offset = scrollTo(st.offset, sel, rows, count);
  const select = useCallback(
    (i: number) =>
      setSt((s) => {
        const n = clamp(i, 0, max);
        return { sel: n, offset: scrollTo(scrollTo(s.offset, clamp(s.sel, 0, max), rows, count), n, rows, count) };
      }),
    [max, rows, count],
  );
  const move = useCallback((d: number) => setSt((s) => {
    const cur = clamp(s.sel, 0, max);
    const n = clamp(cur + d, 0, max);
    return { sel: n, offset: scrollTo(scrollTo(s.offset, cur, rows, count), n, rows, count) };
  }), [max, rows, count]);
  const page = Math.max(1, rows);
  return {
    sel,
    offset,
    move,
    select,
    handlers: {
      up: () => move(-1),
      down: () => move(1),
      pageUp: () => move(-page),
      pageDown: () => move(page),
      first: () => select(0),
      last: () => select(max),
    },
  };
}
