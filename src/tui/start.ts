import type { Io } from '../cli/io.js';
// STUB: replaced by the TUI.
export async function start(argv: string[], io: Io): Promise<number> {
  void argv;
  io.err('The terminal app is not built yet.');
  return 1;
}
