import { describe, expect, it } from 'vitest';
import { overlapRemoval } from '../../../src/pipeline/deadlines/refiners/overlap.js';
import type { FoundDeadline } from '../../../src/pipeline/deadlines/types.js';

const d = (start: number, end: number, rule: string): FoundDeadline => ({ raw: 'x'.repeat(end - start), date: null, recurring: null, precision: 'day', rule, start, end });

describe('refine/overlap', () => {
  it('keeps the longest of overlapping matches, then the first listed among equals, in text order', () => {
    const kept = overlapRemoval.refine([d(0, 4, 'a'), d(2, 10, 'b'), d(12, 14, 'c'), d(12, 14, 'd')], 'x'.repeat(20), { issuedOn: null, year: null });
    expect(kept.map((k) => k.rule)).toEqual(['b', 'c']);
  });
});
