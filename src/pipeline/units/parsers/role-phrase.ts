/**
 * Bare role clauses that close a sentence, outside any bracket (flattened table rows, plain prose):
 * "…，省审计厅牵头，各有关部门配合。" or a sentence that is only "省审计厅牵头，各有关部门配合。".
 * Strict: every clause must end in a role word and every name must look like an organisation.
 */
import { parseRoleClauses } from '../clauses.js';
import { splitTop } from '../pieces.js';
import type { FoundUnit } from '../clauses.js';
import type { UnitParser } from '../types.js';

export const rolePhrase: UnitParser = {
  name: 'unit/role-phrase',
  scope: 'sentence',
  parse(sentence) {
    const body = sentence.replace(/[。．.；;！？\s]+$/g, '');
    const clauses = splitTop({ text: body, start: 0 }, '，,');
    let found: FoundUnit[] | null = null;
    let cut = body.length;
    // Take trailing clauses while they still parse as role clauses.
    for (let k = clauses.length - 1; k >= 0; k--) {
      const from = clauses[k].start;
      if (/^(?:由|请)/.test(clauses[k].text)) break; // 由X负责 is unit/by-unit
      const r = parseRoleClauses({ text: body.slice(from), start: from }, { rule: this.name, strict: true });
      if (!r) break;
      found = r;
      cut = from;
    }
    return found ? { units: found, cut } : null;
  },
};
