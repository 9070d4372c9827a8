/** The one entry from the command line into the terminal app (loaded only for a bare `plans` in a terminal). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Io } from './io.js';

/**
 * The start-up bundle (dist/tui-bundle.mjs: the app's start path, Ink and React in one file, ~60 modules
 * fewer to load) when the build made one, else the modules (running from sources, PLANS_NO_BUNDLE=1).
 */
export async function startTui(argv: string[], io: Io): Promise<number> {
  const bundle = new URL('../../tui-bundle.mjs', import.meta.url); // dist/src/app/launch.js → dist/tui-bundle.mjs
  const tui: { start(argv: string[], io: Io): Promise<number> } =
    !process.env.PLANS_NO_BUNDLE && existsSync(fileURLToPath(bundle)) ? await import(bundle.href) : await import('../tui/start.js');
  return tui.start(argv, io);
}
