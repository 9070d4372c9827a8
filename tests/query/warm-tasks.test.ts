import { describe, expect, it } from 'vitest';
import { PlansQuery } from '../../src/query/index.js';
import type { TaskStore } from '../../src/kb/task-store.js';
import type { KnowledgeBase } from '../../src/types.js';
import { mkTask } from './helpers.js';

/** A store of `count` tasks that counts what it parses. */
function store(count: number): TaskStore & { parsed: number } {
  const s = {
    count,
    parsed: 0,
    at(i: number) {
      s.parsed++;
      return mkTask(`任务${i}`);
    },
  };
  return s as unknown as TaskStore & { parsed: number };
}

const kb = { plans: [], themes: [], units: [], tasks: [] } as unknown as KnowledgeBase;

describe('warmTasksAsync: tasks parsed ahead of the first searches', () => {
  it('parses every task of a corpus of ordinary size', async () => {
    const s = store(2000);
    await new PlansQuery(kb, { tasks: s }).warmTasksAsync();
    expect(s.parsed).toBe(2000);
  });
  it('parses none of a very large one (they are parsed when a search shows them): memory stays with what is seen', async () => {
    const s = store(400_000);
    await new PlansQuery(kb, { tasks: s }).warmTasksAsync();
    expect(s.parsed).toBe(0);
  });
  it('warmAheadAsync runs once however many views ask (the rehearsal renders a second copy of the search view)', async () => {
    const s = store(3000);
    const q = new PlansQuery(kb, { tasks: s });
    const a = q.warmAheadAsync();
    const b = q.warmAheadAsync();
    expect(b).toBe(a);
    await Promise.all([a, b]);
    expect(s.parsed).toBe(3000);
  });
});
