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

/** A character of no weight in a bigram: white space, punctuation, symbols (what bigrams() removes). */
const SKIP = /[\s\p{P}\p{S}]/u;

/**
 * Character bigrams as small integers: each character of the tasks' texts has an id (1…), a bigram is
 * `id1 * base + id2`, a text of one character `-id`. A character no task has is id 0: its bigrams count in the
 * text's size but match nothing (as their strings would), so the scores are bigrams()'s exactly, without a
 * string per bigram.
 */
class BigramCodes {
  private readonly ids = new Map<string, number>();
  private next = 1;
  /** The id base, fixed once the tasks are in (a character seen later is 0). */
  base = 0;

  /** Every task's characters have their ids: fix the base. */
  seal(): void {
    this.base = this.next;
  }

  /** The character's id: -1 for one of no weight, 0 for one no task has (once the tasks are in). */
  id(ch: string): number {
    let id = this.ids.get(ch);
    if (id === undefined) {
      id = SKIP.test(ch) ? -1 : this.base ? 0 : this.next++;
      this.ids.set(ch, id);
    }
    return id;
  }

  /** bigram code → count, and the number of bigrams (bigrams()'s map, coded). */
  of(s: string): { codes: Map<number, number>; n: number } {
    const codes = new Map<number, number>();
    const base = this.base || 1 << 20;
    let prev = -1;
    let first = -1;
    let chars = 0;
    let n = 0;
    for (const ch of s) {
      const id = this.id(ch);
      if (id < 0) continue;
      if (chars++ === 0) first = id;
      else {
        const k = prev * base + id;
        codes.set(k, (codes.get(k) ?? 0) + 1);
        n++;
      }
      prev = id;
    }
    if (chars === 1) {
      codes.set(-first - 1, 1);
      n = 1;
    }
    return { codes, n };
  }
}

export class SimilarityIndex {
  private readonly tasks: readonly Task[];
  private readonly sizes: Int32Array;
  private readonly codes = new BigramCodes();
  /** bigram code → [task index, count, task index, count, …] */
  private readonly postings = new Map<number, number[]>();
  private readonly memo = new Map<string, { task: Task; score: number }[]>();
  private both: Int32Array;

  constructor(tasks: readonly Task[]) {
    this.tasks = tasks;
    this.sizes = new Int32Array(tasks.length);
    this.both = new Int32Array(tasks.length);
    for (const t of tasks) for (const ch of t.text) this.codes.id(ch); // every character an id first, then the base
    this.codes.seal();
    tasks.forEach((task, i) => {
      const { codes, n } = this.codes.of(task.text);
      for (const [k, v] of codes) {
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
    const { codes, n: na } = this.codes.of(text);
    const both = this.both; // all zero between calls
    const touched: number[] = [];
    for (const [k, v] of codes) {
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
      both[i] = 0;
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
