/**
 * Task ids given by the user (`plans show`, `plans mark`, `plans mine drop|relink` …): the whole id, or a
 * prefix that only one id (or only one id's hash) starts with. One resolver for every command, so a prefix that fits several ids is
 * refused everywhere with the candidates listed, and an unknown id is the same error everywhere.
 */

/** No id is, or starts with, what was given (exit status 1, as any failure). */
export class UnknownIdError extends Error {
  constructor(
    readonly id: string,
    where = 'in the knowledge base',
  ) {
    super(`no task "${id}" ${where}. Find ids with \`plans search QUERY\`.`);
  }
}

/** Several ids start with what was given (exit status 2, bad usage); the message lists them. */
export class AmbiguousIdError extends Error {
  constructor(
    readonly prefix: string,
    readonly matches: string[],
    describe?: (id: string) => string,
  ) {
    const shown = matches.slice(0, AMBIGUOUS_SHOWN);
    const lines = shown.map((id) => {
      const d = describe?.(id);
      return `  ${id}${d ? `  ${d}` : ''}`;
    });
    if (matches.length > shown.length) lines.push(`  … and ${matches.length - shown.length} more`);
    super(`"${prefix}" matches ${matches.length} tasks; give more of the id:\n${lines.join('\n')}`);
  }
}

export const AMBIGUOUS_SHOWN = 20;
const HASH_PREFIX = 4;

/**
 * The one id that equals `arg`, or else the only one that starts with it — or, when none does, whose hash (the part
 * after the plan's name: hebei-d5ae8ca7 → d5ae8ca7) starts with it, given at least HASH_PREFIX characters of
 * it (what a user copies from a narrow column or a colleague's note). Throws AmbiguousIdError
 * (candidates sorted) or UnknownIdError. `ids` may repeat an id (a task and its checklist entry).
 */
export function resolveId(arg: string, ids: Iterable<string>, opts: { describe?: (id: string) => string; where?: string } = {}): string {
  const hits = new Set<string>();
  for (const id of ids) {
    if (id === arg) return id;
    if (arg && id.startsWith(arg)) hits.add(id);
  }
  if (!hits.size && arg.length >= HASH_PREFIX && /^[0-9a-f]+$/.test(arg))
    for (const id of ids) if (id.slice(id.lastIndexOf('-') + 1).startsWith(arg)) hits.add(id);
  if (hits.size === 1) return [...hits][0];
  if (hits.size > 1) throw new AmbiguousIdError(arg, [...hits].sort(), opts.describe);
  throw new UnknownIdError(arg, opts.where);
}
