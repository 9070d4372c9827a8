/** Tasks by plan: grouped once (plans index is linear in the tasks), same answers as the filter over every task. */
import { describe, expect, it } from 'vitest';
import { PlansQuery } from '../../src/query/index.js';
import type { KnowledgeBase } from '../../src/types.js';
import { mkTask } from './helpers.js';

function kb(): KnowledgeBase {
  const tasks = [
    mkTask('甲一', { planId: 'a', themes: ['x'] }),
    mkTask('甲二', { planId: 'a' }),
    mkTask('乙一', { planId: 'b', themes: ['x'] }),
    mkTask('丙一', { planId: 'c' }),
    mkTask('丙二', { planId: 'c', themes: ['x'] }),
  ];
  const plans = ['a', 'b', 'c'].map((id) => ({ id, province: null, place: null, title: null, docNumber: null, issuer: null, issuedOn: null, file: `${id}.txt`, warnings: [] }));
  return { version: 1, plans, tasks, units: [], themes: [{ id: 'x', label: 'X' }] };
}

describe('tasks of a plan', () => {
  it('tasksOfPlan gives each plan its tasks in knowledge-base order; an unknown plan none', () => {
    const q = new PlansQuery(kb());
    expect(q.tasksOfPlan('a').map((t) => t.text)).toEqual(['甲一', '甲二']);
    expect(q.tasksOfPlan('c').map((t) => t.text)).toEqual(['丙一', '丙二']);
    expect(q.tasksOfPlan('zz')).toEqual([]);
  });
  it('a plan filter (one plan, several, with another filter, unknown) selects what the predicate over every task does', () => {
    const k = kb();
    const q = new PlansQuery(k);
    const texts = (ts: { text: string }[]) => ts.map((t) => t.text);
    expect(texts(q.tasks({ plans: ['b'] }))).toEqual(['乙一']);
    expect(texts(q.tasks({ plans: ['c', 'a'] }))).toEqual(['甲一', '甲二', '丙一', '丙二']);
    expect(texts(q.tasks({ plans: ['c', 'a'], themes: ['x'] }))).toEqual(['甲一', '丙二']);
    expect(q.tasks({ plans: ['nope'] })).toEqual([]);
    expect(texts(q.tasks({ plans: [] }))).toEqual(texts(k.tasks));
  });
});
