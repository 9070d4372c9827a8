/** Impossible dates are refused with a clear message, by one validator (src/util/date.ts), everywhere a date is taken. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/app/io.js';
import { start } from '../../src/tui/start.js';
import { isoDayProblem, isIsoDate as isRealIsoDay } from '../../src/domain/dates.js';
import { ROOT } from './helpers.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (s) => void out.push(s), err: (s) => void err.push(s), color: false, isTTY: false };
  return { io, out: () => out.join('\n'), err: () => err.join('\n') };
}
async function plans(args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('isoDayProblem', () => {
  it('real days pass, impossible ones are explained', () => {
    for (const ok of ['2018-02-28', '2020-02-29', '2000-02-29', '2018-04-30', '2018-12-31', '2018-01-01']) expect(isoDayProblem(ok), ok).toBeNull();
    expect(isoDayProblem('2018-02-30')).toBe('2018-02-30 is not a real date: 2018-02 has 28 days');
    expect(isoDayProblem('2019-02-29')).toBe('2019-02-29 is not a real date: 2019-02 has 28 days');
    expect(isoDayProblem('1900-02-29')).toMatch(/has 28 days/);
    expect(isoDayProblem('2018-04-31')).toMatch(/2018-04 has 30 days/);
    expect(isoDayProblem('2018-01-00')).toMatch(/has 31 days/);
    expect(isoDayProblem('2018-13-01')).toMatch(/no month 13/);
    expect(isoDayProblem('2018-2-3')).toMatch(/like 2018-06-30/);
    expect(isRealIsoDay('2018-02-30')).toBe(false);
  });
});

describe('the commands refuse impossible dates (exit 2, the reason on stderr, nothing changed)', () => {
  let base: string[];
  let id: string;
  beforeAll(async () => {
    base = ['--corpus', join(ROOT, 'corpus'), '--data-dir', mkdtempSync(join(tmpdir(), 'plans-dates-'))];
    const r = await plans(['search', '僵尸', '--json', '--limit', '1', ...base]);
    id = JSON.parse(r.out)[0].task.id;
  });
  it('mark --due 2018-02-30', async () => {
    const r = await plans(['mark', id, 'doing', '--due', '2018-02-30', ...base]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--due: 2018-02-30 is not a real date: 2018-02 has 28 days');
    const list = JSON.parse((await plans(['mine', '--json', ...base])).out);
    expect(list.entries.find((e: { taskId: string }) => e.taskId === id)).toBeUndefined();
    const ics = await plans(['mine', 'export', '--format', 'ics', ...base]);
    expect(ics.out).not.toContain('20180230');
  });
  it.each([
    ['mine --as-of', ['mine', '--as-of', '2019-02-29']],
    ['mine export --as-of', ['mine', 'export', '--format', 'csv', '--as-of', '2019-02-29']],
    ['mark --as-of', ['mark', 'x', 'done', '--as-of', '2019-02-29']],
    ['search --after', ['search', '平台', '--after', '2019-02-29']],
    ['search --before', ['search', '平台', '--before', '2018-04-31']],
  ])('%s', async (_n, args) => {
    const r = await plans([...args, ...base]);
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(/is not a real date: \d{4}-\d\d has \d\d days/);
  });
  it('the terminal app: plans --as-of 2019-02-29', async () => {
    const c = capture();
    expect(await start(['--as-of', '2019-02-29', ...base], c.io)).toBe(2);
    expect(c.err()).toContain('--as-of: 2019-02-29 is not a real date: 2019-02 has 28 days');
  });
  it('a real leap day is accepted', async () => {
    const r = await plans(['mark', id, 'doing', '--due', '2020-02-29', ...base]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('我的期限 2020-02-29');
  });
});
