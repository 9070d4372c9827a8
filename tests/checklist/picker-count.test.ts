import { describe, expect, it } from 'vitest';
import { emptyChecklist, resolveMine, unitCandidates } from '../../src/checklist/model.js';
import { bundledKb } from '../pipeline/helpers.js';

const tag = (planId: string) => planId;
const AS_OF = '2018-01-15';

describe('unit picker count = what the list shows', () => {
  it('for every candidate of the bundled corpus, the picker count equals the items the list shows after choosing it', () => {
    const kb = bundledKb();
    const all = unitCandidates(kb, '', tag, Infinity);
    expect(all.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const c of all) {
      const shown = resolveMine(kb, { ...emptyChecklist(), units: [c.unit] }, { asOf: AS_OF }).length;
      if (shown !== c.tasks) wrong.push(`${c.label}: picker ${c.tasks}, list ${shown}`);
    }
    expect(wrong).toEqual([]);
  });

  it('审计: the kind candidate says as many 项 as the list then has', () => {
    const kb = bundledKb();
    const c = unitCandidates(kb, '审计', tag).find((x) => x.unit.type === 'kind' && x.unit.value === '审计')!;
    expect(c.tasks).toBe(resolveMine(kb, { ...emptyChecklist(), units: [c.unit] }, { asOf: AS_OF }).length);
  });
});
