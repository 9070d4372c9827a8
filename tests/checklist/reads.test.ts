/**
 * A large checklist (issue 12, item 9): the list and `plans mark` read and copy the file as few times as
 * they can — each read of a 100k-entry file is seconds and hundreds of MB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Checklist } from '../../src/checklist/api.js';
import { ChecklistStore } from '../../src/checklist/store.js';
import { PlansQuery } from '../../src/query/index.js';
import { syntheticKb, tmp } from './helpers.js';

function setup() {
  const dataDir = tmp();
  const query = new PlansQuery(syntheticKb());
  const seed = new Checklist(new ChecklistStore({ dataDir }), query, { asOf: '2018-01-15' });
  seed.setUnits([{ type: 'kind', value: '审计' }]);
  seed.mark('ah-001', { status: 'doing' });
  const store = new ChecklistStore({ dataDir });
  const parse = vi.spyOn(JSON, 'parse');
  const clone = vi.spyOn(globalThis, 'structuredClone');
  return { dataDir, query, store, cl: new Checklist(store, query, { asOf: '2018-01-15' }), parse, clone };
}

describe('reads of the checklist file', () => {
  it('the list (state) parses the file once and copies nothing when there is nothing to reconcile', () => {
    const { cl, store, parse, clone } = setup();
    parse.mockClear();
    clone.mockClear();
    const st = cl.state();
    expect(st.ok).toBe(true);
    expect(store.parses).toBe(1);
    expect(clone).not.toHaveBeenCalled();
    parse.mockRestore();
    clone.mockRestore();
  });
  it('a whole task id is resolved without reading the file; a prefix still reads it (entries count too)', () => {
    const { cl, store, parse } = setup();
    expect(cl.resolveId('ah-001')).toBe('ah-001');
    expect(store.parses).toBe(0);
    expect(() => cl.resolveId('hb-00')).toThrow(/matches 2 tasks/); // hb-001, hb-002: the entries are read too
    expect(store.parses).toBe(1);
    parse.mockRestore();
  });
  it('what read() hands out is the caller’s own: changing it does not change the next read or the file', () => {
    const { store, dataDir } = setup();
    const a = store.read();
    a.entries['ah-001'].status = 'na';
    expect(store.read().entries['ah-001'].status).toBe('doing');
    expect(JSON.parse(readFileSync(join(dataDir, 'checklist.json'), 'utf8')).entries['ah-001'].status).toBe('doing');
  });
});
