/** Output helpers shared by the CLI commands and the terminal app: colour only on a TTY and without NO_COLOR. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
  isTTY: boolean;
}

export function colorEnabled(stream: NodeJS.WriteStream = process.stdout): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function defaultIo(): Io {
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    color: colorEnabled(),
    isTTY: Boolean(process.stdout.isTTY && process.stdin.isTTY),
  };
}

export function json(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
