/**
 * An annex row that restates a prose task (most of its character bigrams stand in the task) is linked to
 * it (`restates`) and shares its themes.
 */
import type { Task } from '../../types.js';
import { textKey } from '../ids.js';

function bigrams(s: string): Set<string> {
  const g = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) g.add(s.slice(i, i + 2));
  return g;
}

/** Share of the smaller text's bigrams found in the other. */
function containment(ga: Set<string>, gb: Set<string>): number {
  if (!ga.size || !gb.size) return 0;
  const [small, big] = ga.size <= gb.size ? [ga, gb] : [gb, ga];
  let inter = 0;
  for (const x of small) if (big.has(x)) inter++;
  return inter / small.size;
}

export const RESTATES_RULE = 'refine/restates';
const THRESHOLD = 0.6;

export function linkRestates(prose: Task[], rows: Task[]): void {
  const grams = prose.map((t) => ({ t, g: bigrams(textKey(t.text)) }));
  for (const r of rows) {
    const rg = bigrams(textKey(r.text));
    let best: Task | null = null;
    let bestScore = THRESHOLD;
    for (const { t, g } of grams) {
      const s = containment(rg, g);
      if (s > bestScore) [best, bestScore] = [t, s];
    }
    if (!best) continue;
    r.restates = best.id;
    r.themes = r.themes.concat(best.themes).filter((v, i, a) => a.indexOf(v) === i);
    (r.refinedBy ??= []).push(RESTATES_RULE);
  }
}
