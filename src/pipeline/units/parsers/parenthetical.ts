/**
 * A unit parenthetical after the action text, in any bracket （）() 〔〕［］【】:
 * （省审计厅牵头，省政府有关部门配合）, 〔牵头单位：…，责任单位：…〕, （…负责，…会同…督查落实）,
 * （牵头单位：…；责任单位：…，6月底完成）. Notes such as （包括…）, （以下简称…）, （国办发〔2017〕39号）
 * and （以下任务均需…，不再一一列出） are not units.
 */
import { parseRoleClauses } from '../clauses.js';
import type { UnitParser } from '../types.js';

const NOTE = /^(?:包括|含|以下简称|简称|下同|如|即|详见|见|不含|其中|试行|此件|以下|注[：:])/;

export const parenthetical: UnitParser = {
  name: 'unit/parenthetical',
  scope: 'bracket',
  parse(inner) {
    const body = inner.replace(/[。．.；;\s]+$/g, '');
    if (!body.trim() || body.length > 200 || NOTE.test(body.trim())) return null;
    const units = parseRoleClauses({ text: body, start: 0 }, { rule: this.name });
    return units ? { units } : null;
  },
};
