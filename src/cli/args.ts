/** Minimal, strict argument parser: `--flag value`, `--flag=value`, boolean flags, positionals. */
import { isoDayProblem } from '../domain/dates.js';

export class UsageError extends Error {}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean>;
}

export function parseArgs(argv: string[], spec: { booleans?: string[]; strings?: string[] }): ParsedArgs {
  const booleans = new Set(spec.booleans ?? []);
  const strings = new Set(spec.strings ?? []);
  const out: ParsedArgs = { positionals: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (booleans.has(name)) {
        if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
        out.flags[name] = true;
      } else if (strings.has(name)) {
        const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`option --${name} needs a value`);
        out.flags[name] = v;
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      out.positionals.push(a);
    }
  }
  return out;
}

export function str(p: ParsedArgs, name: string): string | undefined {
  const v = p.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function isoDate(p: ParsedArgs, name: string): string | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  const problem = isoDayProblem(v);
  if (problem) throw new UsageError(`--${name}: ${problem}`);
  return v;
}

export function positiveInt(p: ParsedArgs, name: string): number | undefined {
  const v = str(p, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, got "${v}"`);
  return n;
}
