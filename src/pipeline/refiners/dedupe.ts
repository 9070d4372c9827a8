/**
 * Scraped repeats collapse to one task (see dedupe-core.ts for the three general rules); what the dropped
 * copy knew (units, deadlines) is merged into the copy that stays. A document that does not repeat itself is
 * no scrape: there fragments are sought within each numbered item only.
 */
import { dedupe, repeatsItself } from './dedupe-core.js';
import type { CandidateRefiner } from './types.js';

export const dedupeRepeats: CandidateRefiner = {
  name: 'refine/dedupe',
  refine(cands, ctx) {
    const { kept, dropped } = dedupe(cands, (keep, drop) => {
      if (!keep.units.length || (keep.inherited && !drop.inherited && drop.units.length)) {
        keep.units = drop.units;
        keep.inherited = drop.inherited;
      }
      if (!keep.deadlines.length) keep.deadlines = drop.deadlines;
      if (!keep.refinedBy.includes(this.name)) keep.refinedBy.push(this.name);
    }, { byItem: !repeatsItself(ctx.text) });
    if (dropped) ctx.warnings.push(`${dropped} repeated or fragmentary passage(s) merged (scraped duplicates)`);
    return kept;
  },
};
