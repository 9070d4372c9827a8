import { findDeadlines, type DeadlineContext, type DeadlineParser } from '../../../src/pipeline/deadlines/index.js';

export const CTX: DeadlineContext = { issuedOn: '2021-03-10', year: 2021 };
export const NO_YEAR: DeadlineContext = { issuedOn: null, year: null };

/** What one parser alone finds: [raw, date, recurring]. */
export function only(p: DeadlineParser, text: string, ctx: DeadlineContext = CTX): Array<[string, string | null, string | null]> {
  return findDeadlines(text, ctx, { parsers: [p], refiners: [] }).map((d) => [d.raw, d.date, d.recurring]);
}

/** What the default configuration finds: [raw, date, recurring, rule]. */
export function all(text: string, ctx: DeadlineContext = CTX): Array<[string, string | null, string | null, string | undefined]> {
  return findDeadlines(text, ctx).map((d) => [d.raw, d.date, d.recurring, d.rule]);
}
