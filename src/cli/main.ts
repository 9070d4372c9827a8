#!/usr/bin/env node
/** `plans` entry point: dispatches to a subcommand, or opens the TUI when run bare in a terminal. */
import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { COMMANDS } from './commands/registry.js';
import { UsageError } from './args.js';
import { AmbiguousIdError } from '../query/ids.js';
import { stripControl } from '../util/text.js';
import { defaultIo, type Io } from '../app/io.js';
import { PACKAGE_ROOT } from '../app/paths.js';
import { startTui } from '../app/launch.js';

function version(): string {
  try {
    return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
}

export function helpText(): string {
  const w = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'plans — obligations from Chinese provincial government plans',
    '',
    'Usage:',
    '  plans [--as-of YYYY-MM-DD] open the terminal app (in a terminal)',
    '  plans COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(w)}  ${c.summary}`),
    '',
    'Common options:',
    '  --corpus DIR     index this folder of plans instead of the bundled corpus/',
    '  --data-dir DIR   where the knowledge base cache and checklist live (or PLANS_DATA_DIR)',
    '  --as-of YYYY-MM-DD  the day "overdue" and "upcoming" are measured from (the app, mine, mark; default today)',
    '  --json           machine-readable output',
    '  --help, -h       help for plans or a command;  --version, -v',
    '',
    'Exit codes: 0 ok, 1 failure, 2 bad usage. NO_COLOR disables colour.',
  ].join('\n');
}

/** The common options of `--help` that take a value (`--corpus DIR`): what follows them is not a command. */
const VALUE_OPTIONS = new Set(['--corpus', '--data-dir', '--as-of']);

/**
 * `plans --corpus DIR search …`: common options may come before the command. The command moved to the
 * front (its options keep their order), or argv as it is when no command follows the options.
 */
export function commandFirst(argv: string[]): string[] {
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith('-')) {
      if (!a.includes('=') && VALUE_OPTIONS.has(a)) k++;
      continue;
    }
    return k > 0 && COMMANDS.some((c) => c.name === a) ? [a, ...argv.slice(0, k), ...argv.slice(k + 1)] : argv;
  }
  return argv;
}

export async function main(args: string[], io: Io = defaultIo()): Promise<number> {
  const argv = commandFirst(args);
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.out(version());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(helpText());
    return 0;
  }
  if (first === undefined || first.startsWith('--')) {
    // Bare `plans` (possibly with TUI options such as --as-of): the terminal app.
    if (!io.isTTY) {
      io.err('plans：这里没有终端，交互界面无法启动 no terminal here, so the interactive app cannot start。\n请改用子命令 use a subcommand instead，例如 e.g. `plans search 僵尸` 或 or `plans export --format json`；见 see `plans --help`。');
      return 2;
    }
    return startTui(argv, io);
  }
  const cmd = COMMANDS.find((c) => c.name === first);
  if (!cmd) {
    io.err(`plans：未知命令 unknown command "${first}"。命令 commands：${COMMANDS.map((c) => c.name).join(', ')}。见 see \`plans --help\`。`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${cmd.usage}\n\n${cmd.summary}`);
    return 0;
  }
  try {
    const mod = await cmd.load();
    return await mod.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`plans ${cmd.name}: ${e.message}\nUsage: ${cmd.usage}`);
      return 2;
    }
    // A prefix of several task ids is bad usage (2), the candidates listed; an unknown id is a failure (1).
    if (e instanceof AmbiguousIdError) {
      io.err(`plans ${cmd.name}: ${stripControl(e.message)}`);
      return 2;
    }
    io.err(`plans ${cmd.name}: ${(e as Error).message}`);
    if (process.env.PLANS_DEBUG) io.err(String((e as Error).stack));
    return 1;
  }
}

function invokedDirectly(): boolean {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  // `plans export | head`: a closed pipe ends the command quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`plans: ${(e as Error).message}\n`);
      if (process.env.PLANS_DEBUG) process.stderr.write(`${String((e as Error).stack)}\n`);
      process.exitCode = 1;
    },
  );
}
