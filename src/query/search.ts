import type { Task } from '../types.js';

export interface SearchHit {
  task: Task;
  /** 0 = perfect; larger = worse (Fuse.js convention). */
  score: number;
  /** Matched [start, end) ranges in task.text, for highlighting. */
  ranges: Array<[number, number]>;
}

/**
 * Search index over tasks. PLACEHOLDER implementation (exact substring only);
 * replaced by the n-gram prefilter + fuse.js + pinyin implementation.
 */
export class SearchIndex {
  constructor(private readonly tasks: Task[]) {}

  search(query: string, candidates?: (t: Task) => boolean, limit = 50): SearchHit[] {
    const q = query.trim();
    const out: SearchHit[] = [];
    for (const t of this.tasks) {
      if (candidates && !candidates(t)) continue;
      if (!q) {
        out.push({ task: t, score: 0, ranges: [] });
        continue;
      }
      const i = t.text.indexOf(q);
      if (i >= 0) out.push({ task: t, score: 0, ranges: [[i, i + q.length]] });
    }
    return out.slice(0, limit);
  }
}
