/** Text similarity (character bigrams) for re-linking orphans to the task they most likely became. */
import type { Task } from '../types.js';
import { lookupOf, type TaskLookup, type TaskSource } from '../kb/lookup.js';

function bigrams(s: string): Map<string, number> {
  const clean = s.replace(/[\s\p{P}\p{S}]/gu, '');
  const m = new Map<string, number>();
  const chars = [...clean];
  if (chars.length === 1) m.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i] + chars[i + 1];
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

/** Dice coefficient over character bigrams (0..1): robust for Chinese text where a paragraph was edited. */
export function similarity(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let na = 0;
  let nb = 0;
  let both = 0;
  for (const v of A.values()) na += v;
  for (const [k, v] of B) {
    nb += v;
    const x = A.get(k);
    if (x) both += Math.min(x, v);
  }
  return na + nb === 0 ? 0 : (2 * both) / (na + nb);
}

const simCache = new WeakMap<TaskLookup, SimilarityIndex>();
/** One similarity index per knowledge base (built on first need). */
export function similarityIndexFor(source: TaskSource): SimilarityIndex {
  const kb = lookupOf(source);
  let ix = simCache.get(kb);
  if (!ix) simCache.set(kb, (ix = new SimilarityIndex(kb.tasks)));
  return ix;
}

export class SimilarityIndex {
  private readonly tasks: readonly Task[];
  private readonly sizes: Int32Array;
  /** bigram → [task index, count, task index, count, …] */
  private readonly postings = new Map<string, number[]>();
  private readonly memo = new Map<string, { task: Task; score: number }[]>();

  constructor(tasks: readonly Task[]) {
    this.tasks = tasks;
    this.sizes = new Int32Array(tasks.length);
    tasks.forEach((task, i) => {
      let n = 0;
      for (const [k, v] of bigrams(task.text)) {
        n += v;
        let p = this.postings.get(k);
        if (!p) this.postings.set(k, (p = []));
        p.push(i, v);
      }
      this.sizes[i] = n;
    });
  }

  /** Most similar tasks (Dice over character bigrams, via an inverted index), same plan preferred, best first. */
  rank(text: string, planId: string | null, limit = 5, minScore = 0.2): { task: Task; score: number }[] {
    const key = `${planId ?? ''}\0${limit}\0${minScore}\0${text}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    const A = bigrams(text);
    let na = 0;
    for (const v of A.values()) na += v;
    const both = new Int32Array(this.tasks.length);
    const touched: number[] = [];
    for (const [k, v] of A) {
      const p = this.postings.get(k);
      if (!p) continue;
      for (let j = 0; j < p.length; j += 2) {
        const i = p[j];
        if (both[i] === 0) touched.push(i);
        both[i] += Math.min(v, p[j + 1]);
      }
    }
    const out: { task: Task; score: number }[] = [];
    for (const i of touched) {
      const task = this.tasks[i];
      let score = (2 * both[i]) / (na + this.sizes[i]);
      if (planId && task.planId !== planId) score *= 0.85;
      if (score >= minScore) out.push({ task, score });
    }
    const res = out.sort((a, b) => b.score - a.score).slice(0, limit);
    this.memo.set(key, res);
    return res;
  }
  best(text: string, planId: string | null): { task: Task; score: number } | null {
    return this.rank(text, planId, 1)[0] ?? null;
  }
}
