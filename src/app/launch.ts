/** The one entry from the command line into the terminal app (loaded only for a bare `plans` in a terminal). */
import type { Io } from './io.js';

export async function startTui(argv: string[], io: Io): Promise<number> {
  const tui = await import('../tui/start.js');
  return tui.start(argv, io);
}
