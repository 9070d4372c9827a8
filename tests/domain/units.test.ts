import { describe, expect, it } from 'vitest';
import { taskHasUnit, unitRefsFor, rolesIn } from '../../src/domain/units.js';
import { emptyChecklist, resolveMine } from '../../src/checklist/model.js';
import { PlansQuery } from '../../src/query/index.js';
import { syntheticKb } from '../checklist/helpers.js';
import type { UnitEntry } from '../../src/types.js';

describe('domain/units: one rule for a search filter and for my unit', () => {
  it('"审计" selects the same tasks as a search filter and as my unit', () => {
    const kb = syntheticKb();
    const q = new PlansQuery(kb);
    const d = emptyChecklist();
    d.units = [{ type: 'kind', value: '审计' }];
    const mine = resolveMine(kb, d, { asOf: '2018-01-15' }).map((i) => i.taskId);
    expect(mine.length).toBeGreaterThan(0);
    expect(q.tasks({ unit: '审计' }).map((t) => t.id)).toEqual(mine);
    expect(q.search('', { unit: '审计' }).map((h) => h.task.id).sort()).toEqual([...mine].sort());
  });

  it('a canonical name selects the same tasks in both places, across plans', () => {
    const kb = syntheticKb();
    const d = emptyChecklist();
    d.units = [{ type: 'unit', value: '省财政厅' }];
    const mine = resolveMine(kb, d, { asOf: '2018-01-15' }).map((i) => i.taskId);
    expect(mine.length).toBeGreaterThan(1);
    expect(new PlansQuery(kb).tasks({ unit: '省财政厅' }).map((t) => t.id)).toEqual(mine);
  });

  it('typed text: a kind, else a canonical name or alias, else units containing it; nothing for an unknown name', () => {
    const dir: UnitEntry[] = [
      { canonical: '省发展改革委', kind: '发展改革', aliases: ['省发展改革委', '省发改委'], plans: { anhui: 1 } },
      { canonical: '省审计厅', kind: '审计', aliases: ['省审计厅'], plans: { anhui: 1 } },
      { canonical: '市审计局', kind: '审计', aliases: ['市审计局'], plans: { chongqing: 1 } },
    ];
    expect(unitRefsFor('审计', dir)).toEqual([{ type: 'kind', value: '审计' }]);
    expect(unitRefsFor(' 省发改委 ', dir)).toEqual([{ type: 'unit', value: '省发展改革委' }]);
    expect(unitRefsFor('审计厅', dir)).toEqual([{ type: 'unit', value: '省审计厅' }]);
    expect(unitRefsFor('教育厅', dir)).toEqual([]);
    const t = { planId: 'anhui', units: [{ canonical: '省审计厅', kind: '审计', role: 'supervise' as const }, { canonical: '省发展改革委', kind: '发展改革', role: 'lead' as const }] };
    expect(taskHasUnit(t, [{ type: 'unit', value: '省审计厅', planId: 'hebei' }])).toBe(false);
    expect(taskHasUnit(t, [{ type: 'unit', value: '省审计厅', planId: 'anhui' }])).toBe(true);
    expect(rolesIn(t, [{ type: 'kind', value: '审计' }, { type: 'kind', value: '发展改革' }])).toEqual(['lead', 'supervise']);
  });
});
