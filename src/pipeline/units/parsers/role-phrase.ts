/**
 * Bare role clauses that close a sentence, outside any bracket (flattened table rows, plain prose):
 * "…，省审计厅牵头，各有关部门配合。" or a sentence that is only "省审计厅牵头，各有关部门配合。".
 * Strict: every clause must end in a role word and every name must look like an organisation.
 */
import { parseRoleClauses } from '../clauses.js';
import { splitTop } from '../pieces.js';
import type { FoundUnit } from '../clauses.js';
import type { UnitParser } from '../types.js';

/** A whole clause 由X负责 / 由X牵头 (its units are unit/by-unit's). */
const BY_CLAUSE = /^由[^，。；由]{2,60}?(?:牵头|负责|负总责|督办|督查|组织实施|承办)$/;

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
      if (/^(?:由|请)/.test(clauses[k].text)) {
        // 由X负责 is unit/by-unit; when it is the whole clause right before the role clauses (由X负责，Y配合) it
        // is part of the attribution, not of the action text.
        if (found && BY_CLAUSE.test(clauses[k].text)) cut = from;
        break;
      }
      const r = parseRoleClauses({ text: body.slice(from), start: from }, { rule: this.name, strict: true });
      if (!r) break;
      found = r;
      cut = from;
    }
    return found ? { units: found, cut } : null;
  },
};
