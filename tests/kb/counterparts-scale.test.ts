/**
 * The counterpart pass stays linear in the tasks: on generated plans (bench/generate.ts), four times the
 * tasks cost at most about four times the work — posting entries visited by the dot products and
 * (clause, candidate) pairs scored, counted by the pass itself, so the check does not depend on the
 * machine's speed. A pass whose candidates grew with the corpus (an uncapped posting list, all pairs
 * in a plan) gives a ratio near 16.
 */
import { describe, expect, it } from 'vitest';
import { generatePlan } from '../../bench/generate.js';
import { CounterpartInputs, streamCounterparts, type CounterpartStats } from '../../src/kb/counterparts.js';
import { extractPlan } from '../../src/pipeline/plan.js';
import type { Task } from '../../src/types.js';

function tasksOf(plans: number): Task[] {
  const out: Task[] = [];
  const seen = new Set<string>();
  for (let k = 0; k < plans; k++) {
    const p = generatePlan(11, k);
    const r = extractPlan(p.file, Buffer.from(p.content));
    if (!r.ok) continue;
    for (const t of r.tasks) if (!seen.has(t.id)) seen.add(t.id), out.push(t);
  }
  return out;
}

function work(tasks: Task[]): CounterpartStats & { lists: number } {
  const stats: CounterpartStats = { postings: 0, candidates: 0 };
  let lists = 0;
  streamCounterparts(CounterpartInputs.of(tasks), () => lists++, { stats });
  return { ...stats, lists };
}

describe('counterparts at scale', () => {
  it('four times the tasks: at most ~4× the postings visited and the candidates scored', () => {
    const small = tasksOf(24);
    const large = tasksOf(96);
    const a = work(small);
    const b = work(large);
    const n = large.length / small.length;
    console.log(`[measure] counterparts work: ${small.length} tasks ${a.postings} postings ${a.candidates} candidates; ${large.length} tasks ${b.postings} postings ${b.candidates} candidates (tasks ×${n.toFixed(2)})`);
    expect(a.lists).toBe(small.length);
    expect(b.lists).toBe(large.length);
    expect(n).toBeGreaterThan(3);
    expect(b.postings / a.postings).toBeLessThanOrEqual(1.25 * n);
    expect(b.candidates / a.candidates).toBeLessThanOrEqual(1.25 * n);
  });
});
