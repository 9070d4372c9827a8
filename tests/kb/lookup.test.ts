import { describe, expect, it } from 'vitest';
import { lookupOf } from '../../src/kb/lookup.js';
import { PlansQuery } from '../../src/query/index.js';
import { resolveMine, emptyChecklist } from '../../src/checklist/model.js';
import { syntheticKb } from '../checklist/helpers.js';

describe('kb/lookup: tasks by id for the checklist', () => {
  it('finds tasks by exact id, keeps KB order, is built once per knowledge base', () => {
    const kb = syntheticKb();
    const lk = lookupOf(kb);
    expect(lk.byId('ah-002')?.id).toBe('ah-002');
    expect(lk.byId('ah-00')).toBeUndefined();
    expect(lk.tasks.map((t) => t.id)).toEqual(kb.tasks.map((t) => t.id));
    expect(lookupOf(kb)).toBe(lk);
    expect(lookupOf(lk)).toBe(lk);
  });

  it('the query API hands the checklist a lookup instead of its knowledge base; the export is a copy', () => {
    const kb = syntheticKb();
    const q = new PlansQuery(kb);
    expect(q.lookup()).toBe(lookupOf(kb));
    expect(q.taskById('hb-001')?.planId).toBe('hebei');
    const d = emptyChecklist();
    d.units = [{ type: 'kind', value: '审计' }];
    expect(resolveMine(q.lookup(), d, { asOf: '2018-01-15' }).map((i) => i.taskId)).toEqual(resolveMine(kb, d, { asOf: '2018-01-15' }).map((i) => i.taskId));
    const exported = q.exportKnowledgeBase();
    expect(exported).toEqual(kb);
    exported.tasks.length = 0;
    expect(q.tasks().length).toBe(kb.tasks.length);
  });
});
