/**
 * Bare role clauses that close a sentence, outside any bracket (flattened table rows, plain prose):
 * "…，省审计厅牵头，各有关部门配合。" or a sentence that is only "省审计厅牵头，各有关部门配合。".
 * Strict: every clause must end in a role word and every name must look like an organisation. Inside a sentence, a
 * run of them led by a 牵头 (…，X牵头，Y配合，在…设置…) attributes the sentence too.
 */
import { parseRoleClauses } from '../clauses.js';
import { splitTop } from '../pieces.js';
import type { FoundUnit } from '../clauses.js';
import type { UnitParser } from '../types.js';
import { subject } from './subject.js';

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
    if (found) return { units: withDoers(body, cut, found), cut };
    // …or a run of them inside the sentence, led by a 牵头 (…，市教育局牵头，市公安局配合，在重点水域设置警示标志): the
    // units of the work, the sentence all action text.
    for (let k = 1; k < clauses.length - 1; k++) {
      let units: FoundUnit[] | null = null;
      for (let j = k; j < clauses.length - 1; j++) {
        const piece = body.slice(clauses[k].start, clauses[j].start + clauses[j].text.length);
        const r = parseRoleClauses({ text: piece, start: clauses[k].start }, { rule: this.name, strict: true });
        if (!r) break;
        units = r;
      }
      if (units?.some((u) => u.role === 'lead')) return { units: withDoers(body, clauses[k].start, units), cut: sentence.length };
    }
    return null;
  },
};

/** A time that opens a sentence (5月至9月，/ 每年汛期前，). */
const OPENING_TIME = /^(?:[^，。；]{0,16}(?:年|月|日|前|底|内|起|期间|汛期)[，,])?$/;

/**
 * The role clauses name a lead (and its supporters) but no doer: the unit that opens the sentence as the subject of
 * its work (各学校每月开展一次教育，市教育局牵头，市公安局配合) does it — responsible, before the others.
 */
function withDoers(body: string, attributionStart: number, units: FoundUnit[]): FoundUnit[] {
  if (!units.some((u) => u.role === 'lead') || units.some((u) => u.role === 'responsible')) return units;
  const r = subject.parse(body.slice(0, attributionStart));
  if (!r) return units;
  const doers = r.units.filter((u) => u.role === 'responsible' && OPENING_TIME.test(body.slice(0, u.start)) && !units.some((x) => x.name === u.name));
  return doers.length ? [...doers.map((u) => ({ ...u, rule: rolePhrase.name })), ...units] : units;
}
