/**
 * An annex row that restates a prose task (most of its character bigrams stand in the task) is linked to
 * it (`restates`) and shares its themes. Where the two disagree — the row names other lead units than the
 * text, or other dates — the plan gets a warning: which one holds is for the issuer to say, and a ledger
 * kept from the table alone would carry the other.
 */
import { leadsOf } from '../../domain/roles.js';
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

/** What a row and the prose task it restates disagree on, in plain words ('' when nothing). */
function disagreement(row: Task, task: Task): string {
  const out: string[] = [];
  const leads = (t: Task) => [...new Set(leadsOf(t.units).map((u) => u.canonical))];
  const [a, b] = [leads(row), leads(task)];
  if (a.length && b.length && !a.some((x) => b.includes(x))) out.push(`lead ${a.join('、')} where the text names ${b.join('、')}`);
  const dates = (t: Task) => t.deadlines.filter((d) => d.date && !d.recurring).map((d) => d.date!);
  const [da, db] = [dates(row), dates(task)];
  if (da.length && db.length && !da.some((x) => db.includes(x))) out.push(`deadline ${da.join('、')} where the text says ${db.join('、')}`);
  return out.join('; ');
}

/** Links each row to the prose task it restates; returns a warning per row that disagrees with its task. */
export function linkRestates(prose: Task[], rows: Task[]): string[] {
  const warnings: string[] = [];
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
    const differs = disagreement(r, best);
    if (differs) warnings.push(`annex row ${r.source.row ?? '?'} restates ${best.id} but differs: ${differs}`);
    r.themes = r.themes.concat(best.themes).filter((v, i, a) => a.indexOf(v) === i);
    (r.refinedBy ??= []).push(RESTATES_RULE);
  }
  return warnings;
}
