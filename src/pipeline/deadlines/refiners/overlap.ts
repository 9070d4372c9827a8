/** Of deadlines whose spans overlap, the longest stays (ties: the parser listed first). Linear in the text. */
import type { DeadlineRefiner } from '../types.js';

export const overlapRemoval: DeadlineRefiner = {
  name: 'refine/overlap',
  refine(found, text) {
    if (found.length < 2) return found;
    // found is in parser order; a stable sort by length keeps that order among equals.
    const byLength = found.map((f, i) => ({ f, i })).sort((a, b) => b.f.end - b.f.start - (a.f.end - a.f.start) || a.i - b.i);
    const taken = new Uint8Array(text.length + 1);
    const kept = [];
    for (const { f } of byLength) {
      let free = true;
      for (let k = f.start; k < f.end && free; k++) if (taken[k]) free = false;
      if (!free) continue;
      taken.fill(1, f.start, f.end);
      kept.push(f);
    }
    return kept.sort((a, b) => a.start - b.start);
  },
};
