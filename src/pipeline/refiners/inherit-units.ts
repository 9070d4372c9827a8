/**
 * A dated obligation without its own attribution takes the units of the next one in its section, within
 * its paragraph (a paragraph break ends what an attribution governs). One backward pass per block.
 */
import type { Candidate, CandidateRefiner } from './types.js';

export const inheritUnits: CandidateRefiner = {
  name: 'refine/inherit-units',
  refine(cands, { text }) {
    let heir: Candidate | null = null;
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i];
      const next = cands[i + 1];
      if (!next || next.block !== c.block || text.slice(c.spanEnd, next.start).includes('\n')) heir = null;
      if (c.units.length) heir = c;
      else if (heir) {
        c.units = heir.units.map((u) => ({ ...u }));
        c.inherited = true;
        c.refinedBy.push(this.name);
      }
    }
    return cands;
  },
};
