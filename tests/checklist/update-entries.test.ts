/**
 * store.updateEntries (a change of a few entries that copies the rest of the file as it is) against
 * store.update (the whole checklist read and written): the same checklist afterwards, whatever the file
 * looks like, and the same refusals.
 */
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ChecklistCorruptError, ChecklistStore } from '../../src/checklist/store.js';
import { addUnits, applyChange, ensureEntry, relinkEntry, type ChecklistData } from '../../src/checklist/model.js';
import { tmp } from './helpers.js';

const NOW = new Date('2026-03-01T10:00:00Z');

function entry(id: string, status = 'todo', note = '') {
  return { taskId: id, status, note, due: null, origin: 'units', snapshot: { text: `任务 ${id} "引号" \\ 反斜杠`, planId: 'anhui', planTag: '安徽', section: ['一、总体要求'], deadlines: [], units: [] }, orphanedAt: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', history: [{ at: '2026-01-01T00:00:00.000Z', field: 'added', from: null, to: 'units' }] };
}

function base(): ChecklistData {
  const entries: Record<string, unknown> = {};
  for (let i = 0; i < 300; i++) entries[`t${i}`] = entry(`t${i}`, i % 3 ? 'todo' : 'done');
  Object.defineProperty(entries, '__proto__', { value: entry('__proto__'), enumerable: true, writable: true, configurable: true });
  return { version: 1, units: [{ type: 'kind', value: '审计' }], entries: entries as ChecklistData['entries'], updatedAt: '2026-01-01T00:00:00.000Z' };
}

/** The texts a checklist file can have: as plans writes it now, indented as it used to, and hand-edited oddities. */
const FILES: Record<string, () => string> = {
  compact: () => JSON.stringify(base()),
  indented: () => JSON.stringify(base(), null, 1) + '\n',
  'bom + crlf + entries first': () => {
    const d = base();
    return '\ufeff' + JSON.stringify({ entries: d.entries, version: 1, units: d.units, updatedAt: d.updatedAt }, null, 2).replace(/\n/g, '\r\n');
  },
  'duplicate ids, an escaped key': () =>
    JSON.stringify(base())
      .replace('"t5":{', `"t5":${JSON.stringify(entry('t5', 'na', 'first'))},"t7":${JSON.stringify(entry('t7', 'na', 'dup of t7'))},"t5":{`)
      .replace('"t9":', '"\\u00749":'),
  'no entries yet': () => JSON.stringify({ version: 1, units: [], entries: {}, updatedAt: null }),
};

const OPS: Record<string, { ids: string[]; fn: (d: ChecklistData, now: string) => unknown }> = {
  'mark one': { ids: ['t4'], fn: (d, now) => applyChange(ensureEntry(d, 't4', now, 'manual', null), { status: 'doing', note: '写了\n备注' }, now) },
  'mark a duplicate': { ids: ['t5'], fn: (d, now) => applyChange(ensureEntry(d, 't5', now, 'manual', null), { status: 'done' }, now) },
  'mark the escaped key': { ids: ['t9'], fn: (d, now) => applyChange(ensureEntry(d, 't9', now, 'manual', null), { status: 'done' }, now) },
  'mark __proto__': { ids: ['__proto__'], fn: (d, now) => applyChange(ensureEntry(d, '__proto__', now, 'manual', null), { status: 'done' }, now) },
  'add a new one': { ids: ['new-1'], fn: (d, now) => ensureEntry(d, 'new-1', now, 'manual', null).taskId },
  'drop one': { ids: ['t0'], fn: (d) => delete d.entries.t0 },
  'drop the last': { ids: ['t299'], fn: (d) => delete d.entries.t299 },
  'relink to a new id': { ids: ['t1', 'moved'], fn: (d, now) => relinkEntry(d, 't1', 'moved', null, now).taskId },
  'relink onto another': { ids: ['t2', 't3'], fn: (d, now) => relinkEntry(d, 't2', 't3', null, now).status },
  units: { ids: [], fn: (d) => addUnits(d, [{ type: 'unit', value: '省财政厅', planId: 'anhui' }]) },
  'an entry it did not ask for': { ids: ['t6'], fn: (d, now) => void (d.entries.t8 = { ...entry('t8', 'na'), updatedAt: now } as ChecklistData['entries'][string]) },
  nothing: { ids: ['t4'], fn: () => 'unchanged' },
};

const parse = (f: string) => JSON.parse(readFileSync(f, 'utf8').replace(/^\ufeff/, ''));

function two(text: string) {
  const a = tmp('plans-upd-a-');
  const b = tmp('plans-upd-b-');
  for (const d of [a, b]) writeFileSync(join(d, 'checklist.json'), text, { mode: 0o600 });
  const store = (dataDir: string) => new ChecklistStore({ dataDir, now: () => NOW });
  return { a: store(a), b: store(b), fa: join(a, 'checklist.json'), fb: join(b, 'checklist.json') };
}

describe('store.updateEntries', () => {
  for (const [fname, text] of Object.entries(FILES)) {
    it(`gives the checklist update() gives: ${fname}`, () => {
      for (const [oname, op] of Object.entries(OPS)) {
        const t = text();
        if (fname === 'no entries yet' && !['add a new one', 'units', 'nothing', 'an entry it did not ask for'].includes(oname)) continue;
        const { a, b, fa, fb } = two(t);
        const ra = a.update(op.fn);
        const whole = vi.spyOn(b, 'update');
        const rb = b.updateEntries(op.ids, op.fn);
        expect(whole, 'the file was not read whole').not.toHaveBeenCalled();
        expect(rb, `${fname} / ${oname}`).toEqual(ra);
        const da = parse(fa);
        const db = parse(fb);
        expect(db, `${fname} / ${oname}`).toEqual(da);
        expect(Object.keys(db.entries), `${fname} / ${oname}`).toEqual(Object.keys(da.entries));
        if (oname === 'nothing') expect(readFileSync(fb, 'utf8')).toBe(t);
        expect(b.readEntries(['t4', 'new-1']).entries.t4).toEqual(da.entries.t4);
      }
    });
  }

  it('copies the entries it did not touch byte for byte', () => {
    const t = JSON.stringify(base(), null, 1);
    const { b, fb } = two(t);
    b.updateEntries(['t4'], (d, now) => applyChange(d.entries.t4, { status: 'na' }, now));
    const out = readFileSync(fb, 'utf8');
    const piece = t.slice(t.indexOf('"t5": {'), t.indexOf('"t299"'));
    expect(out).toContain(piece);
  });

  it('refuses what update() refuses, leaving the file as it was; migrates what update() migrates', () => {
    const good = JSON.stringify(base());
    const bad = [
      good.replace('"taskId":"t6","status":"done"', '"taskId":"t6","status":"finished"'), // a bad status, far from the entry changed
      good.replace('"taskId":"t8"', '"taskId":"t8x"'),
      good.replace('"taskId":"t7",', '"taskId":"t7" '), // not JSON inside another entry
      good.replace('"version":1', '"version":99'),
      good.slice(0, good.length - 10),
    ];
    for (const t of bad) {
      expect(t).not.toBe(good);
      const { a, b, fb } = two(t);
      const fn = (d: ChecklistData, now: string) => void ensureEntry(d, 't4', now, 'manual', null);
      let want = '';
      try {
        a.update(fn);
      } catch (e) {
        want = (e as Error).message.replace(/\/tmp\/[^ ]+/g, 'FILE');
      }
      expect(want).not.toBe('');
      expect(() => b.updateEntries(['t4'], fn)).toThrow(ChecklistCorruptError);
      try {
        b.updateEntries(['t4'], fn);
      } catch (e) {
        expect((e as Error).message.replace(/\/tmp\/[^ ]+/g, 'FILE')).toBe(want);
      }
      expect(readFileSync(fb, 'utf8')).toBe(t);
    }
    const { b, fb } = two(JSON.stringify({ units: ['审计'], items: { 'ah-001': { status: '已完成' } } }));
    b.updateEntries(['ah-001'], (d, now) => applyChange(d.entries['ah-001'], { note: 'x' }, now));
    const d = JSON.parse(readFileSync(fb, 'utf8'));
    expect(d.version).toBe(1);
    expect(d.entries['ah-001']).toMatchObject({ status: 'done', note: 'x' });
  });

  it('writes through a symbolic link and keeps the day’s backup, as update() does', () => {
    const dir = tmp('plans-upd-link-');
    const real = join(dir, 'synced');
    mkdirSync(real);
    writeFileSync(join(real, 'checklist.json'), JSON.stringify(base()));
    const data = join(dir, 'data');
    mkdirSync(data);
    symlinkSync(join(real, 'checklist.json'), join(data, 'checklist.json'));
    const store = new ChecklistStore({ dataDir: data, now: () => NOW });
    store.updateEntries(['t4'], (d, now) => applyChange(d.entries.t4, { status: 'na' }, now));
    expect(lstatSync(join(data, 'checklist.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(real, 'checklist.json'), 'utf8')).entries.t4.status).toBe('na');
    expect(JSON.parse(readFileSync(join(data, 'backups', 'checklist-2026-03-01.json'), 'utf8')).entries.t4.status).toBe('todo');
  });

  it('commit writes what readStamped read and the caller changed, unless the file changed meanwhile', () => {
    const { b, fb } = two(JSON.stringify(base()));
    const r1 = b.readStamped();
    applyChange(r1.data.entries.t4, { status: 'na' }, NOW.toISOString());
    expect(b.commit(r1.data, r1.stamp)).toBe(true);
    expect(parse(fb).entries.t4.status).toBe('na');
    const r2 = b.readStamped();
    applyChange(r2.data.entries.t5, { status: 'na' }, NOW.toISOString());
    new ChecklistStore({ dataDir: join(fb, '..') }).updateEntries(['t6'], (d, now) => applyChange(d.entries.t6, { note: 'elsewhere' }, now));
    expect(b.commit(r2.data, r2.stamp)).toBe(false); // another process wrote: nothing is lost
    expect(parse(fb).entries.t6.note).toBe('elsewhere');
    expect(parse(fb).entries.t5.status).not.toBe('na');
  });
});
