import type { UnitParser } from '../../../src/pipeline/units/index.js';
import { canonicalName } from '../../../src/pipeline/tables/units.js';

/** name:role pairs a parser finds in a text ("" when it does not apply). */
export function roles(p: UnitParser, text: string): string[] | null {
  const r = p.parse(text);
  return r ? r.units.map((u) => `${u.name}:${u.role}`) : null;
}

export function canonicals(p: UnitParser, text: string): string[] {
  return (p.parse(text)?.units ?? []).map((u) => canonicalName(u.prefix + u.name + u.suffix));
}
