/**
 * A dated obligation without its own attribution takes the units of the next one in its section, within
 * its paragraph (a paragraph break ends what an attribution governs) — over the items of an enumeration that open
 * with their own units only when no subject opens its own text. One backward pass per block.
 */
import type { Candidate, CandidateRefiner } from './types.js';

export const inheritUnits: CandidateRefiner = {
  name: 'refine/inherit-units',
  refine(cands, { text }) {
    let heir: Candidate | null = null;
    let overItems = false;
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i];
      const next = cands[i + 1];
      if (!next || next.block !== c.block || text.slice(c.spanEnd, next.start).includes('\n')) {
        heir = null;
        overItems = false;
      }
      // The items of an enumeration that name their own units (一是X…；二是Y…) are not what governs the text before
      // them: an attribution after them still does, unless that text opens with its own subject.
      if (c.ownItem) overItems = true;
      else if (c.units.length) {
        heir = c;
        overItems = false;
      } else if (overItems && c.subjectUnits) continue;
      else if (heir) {
        c.units = heir.units.map((u) => ({ ...u }));
        c.inherited = true;
        c.refinedBy.push(this.name);
      }
    }
    return cands;
  },
};
