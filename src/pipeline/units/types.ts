/** Unit-attribution parsers: each reads one form and records its name as the units' `rule`. */
import type { FoundUnit } from './clauses.js';

export type { FoundUnit } from './clauses.js';

export interface UnitMatch {
  units: FoundUnit[];
  /** Offset in the sentence where the attribution begins (text after it is not action text). */
  cut?: number;
}

export interface UnitParser {
  name: string;
  /** What the parser reads: the inside of a bracket, a whole line, one sentence, or the text of a dated
   * task that nothing else attributed (its subject). */
  scope: 'bracket' | 'line' | 'sentence' | 'subject';
  /** Units with offsets relative to `text`, or null when the form does not apply. */
  parse(text: string): UnitMatch | null;
}
