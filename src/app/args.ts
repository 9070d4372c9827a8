/**
 * Command-line arguments for every front end (the subcommands and the terminal app). The parser and its
 * validation live in cli/args.ts (the CLI's own rules and messages); the terminal app reaches them here,
 * so that src/tui never imports src/cli.
 */
export { isoDate, parseArgs, positiveInt, str, UsageError, type ParsedArgs } from '../cli/args.js';
