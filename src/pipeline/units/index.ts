/** The unit-attribution parsers of the default configuration, by scope. */
import { byUnit } from './parsers/by-unit.js';
import { labelledLine } from './parsers/labelled-line.js';
import { parenthetical } from './parsers/parenthetical.js';
import { rolePhrase } from './parsers/role-phrase.js';
import { subjectSupervise } from './parsers/subject-supervise.js';
import { subject } from './parsers/subject.js';
import type { UnitParser } from './types.js';

export type { FoundUnit, UnitMatch, UnitParser } from './types.js';
export { parseRoleClauses, splitList, looksLikeUnit, unitListPrefix, WORK_START } from './clauses.js';
export { splitTopText } from './pieces.js';

export const UNIT_PARSERS: UnitParser[] = [parenthetical, labelledLine, rolePhrase, byUnit, subjectSupervise, subject];

/** Try the parsers of one scope in order; the first that applies wins. */
export function parseUnits(parsers: UnitParser[], scope: UnitParser['scope'], text: string) {
  for (const p of parsers) {
    if (p.scope !== scope) continue;
    const r = p.parse(text);
    if (r) return r;
  }
  return null;
}
