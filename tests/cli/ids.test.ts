/** Task ids on the command line: one resolver for show, mark, mine drop, mine relink (src/query/ids.ts). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { AmbiguousIdError, resolveId, UnknownIdError } from '../../src/query/ids.js';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import { plansInProcess, ROOT } from './helpers.js';

const plans = plansInProcess;

let base: string[];
let hebeiIds: string[];
beforeAll(() => {
  base = ['--corpus', join(ROOT, 'corpus'), '--data-dir', mkdtempSync(join(tmpdir(), 'plans-ids-'))];
  hebeiIds = loadKnowledgeBase({ corpusDir: join(ROOT, 'corpus'), cachePath: null }).kb.tasks.filter((t) => t.planId === 'hebei').map((t) => t.id);
});

/** A prefix several hebei ids share, and the ids it fits. */
function sharedPrefix(): { prefix: string; ids: string[] } {
  for (const id of hebeiIds) {
    const prefix = id.slice(0, 'hebei-'.length + 1);
    const ids = hebeiIds.filter((x) => x.startsWith(prefix));
    if (ids.length >= 2) return { prefix, ids };
  }
  throw new Error('no shared prefix among the hebei ids');
}

describe('resolveId', () => {
  it('exact id, unique prefix, several (sorted, listed), none', () => {
    expect(resolveId('ab', ['abc', 'ab', 'abd'])).toBe('ab');
    expect(resolveId('abc', ['abc', 'abcd'])).toBe('abc');
    expect(resolveId('abd', ['abc', 'abd9'])).toBe('abd9');
    expect(resolveId('x1', ['x1a', 'x1a'])).toBe('x1a'); // the same id twice (task + entry) is one
    const e = (() => {
      try {
        resolveId('a', ['ac', 'ab'], { describe: (id) => `text of ${id}` });
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(AmbiguousIdError);
    expect((e as AmbiguousIdError).matches).toEqual(['ab', 'ac']);
    expect((e as Error).message.split('\n').slice(1)).toEqual(['  ab  text of ab', '  ac  text of ac']);
    expect(() => resolveId('z', ['ab'])).toThrow(UnknownIdError);
    expect(() => resolveId('', ['ab'])).toThrow(UnknownIdError);
  });
  it('the hash part of an id without its plan name, from four characters; the plan prefix wins when both fit', () => {
    const ids = ['hebei-d5ae8ca7', 'hunan-0d5a1b2c', 'jiangxi-shengwei-d5ae0001'];
    expect(resolveId('0d5a', ids)).toBe('hunan-0d5a1b2c');
    expect(resolveId('d5ae8', ids)).toBe('hebei-d5ae8ca7');
    expect(() => resolveId('d5ae', ids)).toThrow(AmbiguousIdError); // hebei's and jiangxi-shengwei's
    expect(() => resolveId('d5a', ids)).toThrow(UnknownIdError); // too short to be read as a hash
    expect(resolveId('hebei', ids)).toBe('hebei-d5ae8ca7');
    expect(() => resolveId('8ca7', ids)).toThrow(UnknownIdError); // the start of the hash, not any part of it
  });
});

describe('a prefix of several ids: the candidates on stderr, exit 2, for every command that takes an id', () => {
  it.each([
    ['show', (p: string) => ['show', p]],
    ['show --json', (p: string) => ['show', p, '--json']],
    ['mark', (p: string) => ['mark', p, 'done']],
    ['mine drop', (p: string) => ['mine', 'drop', p]],
    ['mine relink', (p: string) => ['mine', 'relink', p]],
    ['counterparts', (p: string) => ['counterparts', p]],
  ])('%s', async (_name, args) => {
    const { prefix, ids } = sharedPrefix();
    const r = await plans([...args(prefix), ...base]);
    expect(r.code, r.err).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`"${prefix}" matches ${ids.length} tasks`);
    for (const id of ids) expect(r.err).toMatch(new RegExp(`^  ${id}  河北 `, 'm'));
  });
  it('mark … NEW_ID of relink is resolved the same way', async () => {
    const { prefix } = sharedPrefix();
    const other = hebeiIds.find((x) => !x.startsWith(prefix))!;
    expect((await plans(['mark', other, 'doing', ...base])).code).toBe(0);
    const r = await plans(['mine', 'relink', other, prefix, ...base]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/matches \d+ tasks/);
  });
  it('a unique prefix still works for show and mark', async () => {
    const id = hebeiIds[0];
    const unique = [...Array(id.length).keys()].map((n) => id.slice(0, n + 1)).find((p) => hebeiIds.filter((x) => x.startsWith(p)).length === 1)!;
    const s = await plans(['show', unique, '--json', ...base]);
    expect(s.code, s.err).toBe(0);
    expect(JSON.parse(s.out).task.id).toBe(id);
    const m = await plans(['mark', unique, 'doing', ...base]);
    expect(m.code, m.err).toBe(0);
    expect(m.out).toContain(id);
    const c = await plans(['counterparts', unique, '--json', ...base]);
    expect(c.code, c.err).toBe(0);
    const full = await plans(['counterparts', id, '--json', ...base]);
    expect(c.out).toBe(full.out);
  });
});

describe('an unknown id is the same error everywhere: exit 1, as the README says', () => {
  it.each([
    ['show', ['show', 'nosuch-00000000']],
    ['mark', ['mark', 'nosuch-00000000', 'done']],
    ['mine drop', ['mine', 'drop', 'nosuch-00000000']],
    ['mine relink', ['mine', 'relink', 'nosuch-00000000']],
    ['counterparts', ['counterparts', 'nosuch-00000000']],
  ])('%s', async (_name, args) => {
    const r = await plans([...args, ...base]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toMatch(/no task "nosuch-00000000"/);
  });
});
