import type { Io } from '../io.js';
export async function run(argv: string[], io: Io): Promise<number> {
  void argv;
  io.err('not implemented yet');
  return 1;
}
