/**
 * The frame: tab bar, the active view (views stay mounted once visited, so they keep their state),
 * the detail screen stacked above them, the help overlay, and the global keys.
 */
import React, { useCallback, useMemo, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import { EnvContext, useEnv, type AppEnv } from './context.js';
import { useTerminalSize } from './hooks/useTerminalSize.js';
import { KeymapProvider } from './hooks/useKeymap.js';
import { TabBar } from './components/TabBar.js';
import { HelpOverlay } from './components/HelpOverlay.js';
import { bind, helpSection } from './keys/binding.js';
import { useBindings } from './keys/useBindings.js';
import { GLOBAL_KEYS } from './keys/global.js';
import { DetailView, DETAIL_HELP } from './views/detail.js';
import { VIEWS } from './views/registry.js';
import type { ViewDef } from './views/types.js';
import { fit } from './layout.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface AppProps {
  env: AppEnv;
  views?: ViewDef[];
  initialView?: string;
}

export function App({ env, views = VIEWS, initialView }: AppProps) {
  return (
    <EnvContext.Provider value={env}>
      <KeymapProvider>
        <Frame views={views} initialView={initialView ?? views[0].id} />
      </KeymapProvider>
    </EnvContext.Provider>
  );
}

function Frame({ views, initialView }: { views: ViewDef[]; initialView: string }) {
  const { exit } = useApp();
  const { asOf } = useEnv();
  const { columns, rows } = useTerminalSize();
  const [view, setView] = useState(initialView);
  const [visited, setVisited] = useState<Set<string>>(() => new Set([initialView]));
  const [detail, setDetail] = useState<string[]>([]);
  const [help, setHelp] = useState(false);
  const [capture, setCaptureState] = useState<Record<string, boolean>>(() => Object.fromEntries(views.filter((v) => v.startsInInput).map((v) => [v.id, true])));

  const switchTo = useCallback((id: string) => {
    setView(id);
    setDetail([]);
    setVisited((v) => (v.has(id) ? v : new Set(v).add(id)));
  }, []);
  const openTask = useCallback((id: string) => setDetail((d) => [...d, id]), []);
  const back = useCallback(() => setDetail((d) => d.slice(0, -1)), []);
  // Also kept in a ref, set synchronously: a key right behind Esc (one chunk, or while a render is
  // pending) must already see the input as left, before React has re-rendered the frame.
  const captureNow = useRef<Record<string, boolean>>(capture);
  const captureSetters = useMemo(
    () =>
      Object.fromEntries(
        views.map((v) => [
          v.id,
          (on: boolean) => {
            captureNow.current = { ...captureNow.current, [v.id]: on };
            setCaptureState((c) => (c[v.id] === on ? c : { ...c, [v.id]: on }));
          },
        ]),
      ) as Record<string, (on: boolean) => void>,
    [views],
  );

  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

  const closeHelp = () => setHelp(false);
  useBindings(
    bind(GLOBAL_KEYS, {
      ctrlC: exit,
      quit: () => {
        // Outside the input only: a focused input takes q as text (checked now, not at the last render).
        if (tooSmall || help || detail.length > 0 || !captureNow.current[view]) exit();
      },
      help: () => {
        if (tooSmall) return;
        if (help) return closeHelp();
        if (detail.length > 0 || !captureNow.current[view]) setHelp(true);
      },
      back: help && !tooSmall ? closeHelp : undefined,
      view: (k) => {
        if (tooSmall || help || (detail.length === 0 && captureNow.current[view])) return;
        const target = views.find((v) => v.key === k.name);
        if (target) switchTo(target.id);
      },
    }),
  );

  const current = views.find((v) => v.id === view) ?? views[0];
  // Below the minimum the views stay mounted (hidden, laid out at the minimum size) so nothing is lost.
  const W = Math.max(columns, MIN_COLUMNS);
  const H = Math.max(rows, MIN_ROWS);
  const bodyH = H - 1;
  const helpSections = detail.length ? [...DETAIL_HELP, helpSection(GLOBAL_KEYS)] : [...current.help, helpSection(GLOBAL_KEYS)];
  // Chinese first, the English term beside it when the row has room (at 80 columns it has not).
  const right = [`截至 as of ${asOf}`, `截至 ${asOf}`];
  const msg = `请放大终端 enlarge the terminal: ${columns}×${rows} < ${MIN_COLUMNS}×${MIN_ROWS} · q 退出`;

  return (
    <Box flexDirection="column" width={columns}>
      {tooSmall ? <Text>{fit(msg, Math.max(1, columns))}</Text> : null}
      <Box display={tooSmall ? 'none' : 'flex'} flexDirection="column" width={W} height={H}>
        <TabBar tabs={views} active={current.id} width={W} right={right} />
        {views.map((v) => {
          if (!visited.has(v.id)) return null;
          const shown = v.id === current.id && detail.length === 0 && !help;
          const C = v.Component;
          return (
            <Box key={v.id} display={shown ? 'flex' : 'none'} width={W} height={bodyH}>
              <C active={shown && !tooSmall} width={W} height={bodyH} top={1} openTask={openTask} setCapture={captureSetters[v.id]} />
            </Box>
          );
        })}
        {detail.length > 0 ? (
          <Box display={help ? 'none' : 'flex'} width={W} height={bodyH}>
            <DetailView key={`${detail.length}:${detail[detail.length - 1]}`} taskId={detail[detail.length - 1]} depth={detail.length} active={!help && !tooSmall} width={W} height={bodyH} onOpen={openTask} onBack={back} />
          </Box>
        ) : null}
        {help ? <HelpOverlay title={detail.length ? '详情 Detail' : `${current.key} ${current.label}`} sections={helpSections} width={W} height={bodyH} /> : null}
      </Box>
    </Box>
  );
}
