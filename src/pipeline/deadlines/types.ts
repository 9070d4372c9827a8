/** The deadline extractor's parts: parsers (one form each) and refiners, chrono-node style. */
import type { Deadline } from '../../types.js';

export interface DeadlineContext {
  /** The plan's issue date (ISO) if known: anchors year-less and recurring deadlines. */
  issuedOn: string | null;
  /** The plan's year if known otherwise (title, document number). */
  year: number | null;
}

export interface FoundDeadline extends Deadline {
  /** Offsets in the text the parser read. */
  start: number;
  end: number;
}

/** What a parser returns for one match: the deadline (or several, for a list), without raw and rule. */
export type ParsedDeadline = Omit<Deadline, 'raw' | 'rule'> & { start?: number; end?: number };

export interface DeadlineParser {
  /** The rule name recorded on every deadline it makes (`rule` in the JSON). */
  name: string;
  /** A global regex over the folded text. */
  pattern: RegExp;
  /** One deadline for the match, several (each with its own start/end in the text) for a list, or null. */
  extract(m: RegExpExecArray, ctx: DeadlineContext): ParsedDeadline | ParsedDeadline[] | null;
}

export interface DeadlineRefiner {
  name: string;
  refine(found: FoundDeadline[], text: string, ctx: DeadlineContext): FoundDeadline[];
}
