import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ChecklistCorruptError, ChecklistStore } from '../../src/checklist/store.js';
import { applyChange, ensureEntry, type ChecklistData } from '../../src/checklist/model.js';
import { build, distPath, tmp } from './helpers.js';

const WRITER = join(import.meta.dirname, 'fixtures', 'writer.mjs');

function runWriter(dataDir: string, name: string, n: number, delay = 0) {
  const storeJs = pathToFileURL(distPath('checklist/store.js')).href;
  const child = spawn(process.execPath, [WRITER, storeJs, dataDir, name, String(n), String(delay)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const done: number[] = [];
  let buf = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    buf += c.toString();
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const m = /^ok (\d+)$/.exec(line);
      if (m) done.push(Number(m[1]));
    }
  });
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on('exit', (code, signal) => res({ code, signal })));
  return { child, done, exited, stderr: () => err };
}

describe('checklist store', () => {
  beforeAll(() => build());

  it('two processes writing 100 updates each at once lose nothing', async () => {
    const dir = tmp();
    const t0 = Date.now();
    const a = runWriter(dir, 'A', 100);
    const b = runWriter(dir, 'B', 100);
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    const ms = Date.now() - t0;
    expect(ra.code, a.stderr()).toBe(0);
    expect(rb.code, b.stderr()).toBe(0);
    const data = new ChecklistStore({ dataDir: dir }).read();
    const ids = Object.keys(data.entries);
    expect(ids.length).toBe(200);
    for (let i = 0; i < 100; i++) {
      expect(data.entries[`A-${i}`]?.note).toBe(`note A ${i}`);
      expect(data.entries[`B-${i}`]?.note).toBe(`note B ${i}`);
    }
    expect(existsSync(join(dir, 'checklist.json.lock'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    console.log(`[measure] 2×100 concurrent updates from two processes: ${ms} ms`);
  });

  it('SIGKILL during writes leaves a parseable file holding every completed write', async () => {
    const dir = tmp();
    const w = runWriter(dir, 'K', 100000);
    // Let it write for a while, then kill it mid-stream (likely inside a write or holding the lock).
    await new Promise<void>((res) => {
      const iv = setInterval(() => {
        if (w.done.length >= 60) {
          clearInterval(iv);
          res();
        }
      }, 5);
    });
    w.child.kill('SIGKILL');
    const r = await w.exited;
    expect(r.signal).toBe('SIGKILL');
    const completed = [...w.done];
    const text = readFileSync(join(dir, 'checklist.json'), 'utf8');
    const data = JSON.parse(text) as ChecklistData;
    for (const i of completed) expect(data.entries[`K-${i}`], `completed write ${i}`).toBeDefined();
    // The next process recovers the lock the killed one may have left behind, at once (its pid is dead).
    const store = new ChecklistStore({ dataDir: dir, lockTimeoutMs: 3000 });
    const t0 = Date.now();
    store.update((d, now) => void ensureEntry(d, 'after-kill', now, 'manual', null));
    expect(Date.now() - t0).toBeLessThan(2500);
    expect(store.read().entries['after-kill']).toBeDefined();
    expect(Object.keys(store.read().entries).length).toBeGreaterThanOrEqual(completed.length + 1);
  });

  it('SIGKILL at random moments, five times over: every completed write survives, the lock is recovered', async () => {
    const dir = tmp();
    const all: string[] = [];
    let lockLeft = 0;
    for (let round = 0; round < 5; round++) {
      const w = runWriter(dir, `R${round}`, 100000);
      while (w.done.length < 1) await new Promise((res) => setTimeout(res, 5)); // node is up and writing
      await new Promise((res) => setTimeout(res, Math.random() * 100));
      w.child.kill('SIGKILL');
      await w.exited;
      if (existsSync(join(dir, 'checklist.json.lock'))) lockLeft++;
      all.push(...w.done.map((i) => `R${round}-${i}`));
      const data = JSON.parse(readFileSync(join(dir, 'checklist.json'), 'utf8')) as ChecklistData;
      for (const id of all) expect(data.entries[id], id).toBeDefined();
    }
    expect(all.length).toBeGreaterThan(0);
    console.log(`[measure] 5 SIGKILLs: ${all.length} completed writes all kept; killed while holding the lock ${lockLeft}×`);
  });

  it('recovers a stale lock left by a dead process, and waits for a live one', () => {
    const dir = tmp();
    const store = new ChecklistStore({ dataDir: dir, lockTimeoutMs: 300 });
    writeFileSync(join(dir, 'checklist.json.lock'), JSON.stringify({ pid: 999999, host: hostname(), at: 'x', token: 't' }));
    store.update((d, now) => void ensureEntry(d, 't1', now, 'manual', null));
    expect(store.read().entries.t1).toBeDefined();
    // A live owner (this very process, via a second store): the lock is respected until timeout.
    writeFileSync(join(dir, 'checklist.json.lock'), JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), token: 'live' }));
    expect(() => store.update(() => undefined)).toThrow(/locked by another plans process/);
  });

  it('never overwrites a corrupt file; says so, naming the file; moves it aside only on request', () => {
    const dir = tmp();
    const file = join(dir, 'checklist.json');
    const garbage = '{"version":1,"units":[],"entries":{"x": {"taskId":"x", TRUNCATED';
    writeFileSync(file, garbage);
    const store = new ChecklistStore({ dataDir: dir });
    expect(() => store.read()).toThrow(ChecklistCorruptError);
    expect(() => store.read()).toThrow(file);
    expect(() => store.update((d, now) => void ensureEntry(d, 'new', now, 'manual', null))).toThrow(/has NOT been changed/);
    expect(readFileSync(file, 'utf8')).toBe(garbage);
    // Wrong shape (valid JSON) is just as protected.
    writeFileSync(file, '[1,2,3]');
    expect(() => store.update(() => undefined)).toThrow(/cannot be read/);
    expect(readFileSync(file, 'utf8')).toBe('[1,2,3]');
    writeFileSync(file, garbage);
    const backup = store.moveAside();
    expect(backup).toMatch(/checklist\.corrupt-\d{8}T\d{6}Z\.json$/);
    expect(readFileSync(backup!, 'utf8')).toBe(garbage);
    expect(existsSync(file)).toBe(false);
    store.update((d, now) => void ensureEntry(d, 'fresh', now, 'manual', null));
    expect(Object.keys(store.read().entries)).toEqual(['fresh']);
  });

  it('writes with mode 0600 and keeps a daily backup of the previous state', () => {
    const dir = tmp();
    let clock = new Date('2026-01-05T08:00:00Z');
    const store = new ChecklistStore({ dataDir: dir, now: () => clock });
    store.update((d, now) => void applyChange(ensureEntry(d, 'a', now, 'manual', null), { status: 'doing' }, now));
    expect(statSync(join(dir, 'checklist.json')).mode & 0o777).toBe(0o600);
    clock = new Date('2026-01-06T08:00:00Z');
    store.update((d, now) => void applyChange(ensureEntry(d, 'a', now, 'manual', null), { status: 'done' }, now));
    const bak = JSON.parse(readFileSync(join(dir, 'backups', 'checklist-2026-01-06.json'), 'utf8')) as ChecklistData;
    expect(bak.entries.a.status).toBe('doing');
    expect(store.read().entries.a.status).toBe('done');
    expect(store.read().entries.a.history.map((h) => h.field)).toEqual(['added', 'status', 'status']);
  });

  it('migrates a v0 file to v1 (in memory on read, on disk at the next change)', () => {
    const dir = tmp();
    const file = join(dir, 'checklist.json');
    const v0 = { units: ['审计', '省财政厅'], items: { 'ah-001': { status: '已完成', note: '已报送' }, 'hb-001': { status: 'doing', due: '2018-03-01' }, x: { status: '???' } } };
    writeFileSync(file, JSON.stringify(v0));
    const store = new ChecklistStore({ dataDir: dir, now: () => new Date('2026-02-01T00:00:00Z') });
    const d = store.read();
    expect(store.migratedFrom).toBe(0);
    expect(d.version).toBe(1);
    expect(d.units).toEqual([
      { type: 'kind', value: '审计' },
      { type: 'unit', value: '省财政厅' },
    ]);
    expect(d.entries['ah-001']).toMatchObject({ status: 'done', note: '已报送', due: null, origin: 'manual' });
    expect(d.entries['hb-001']).toMatchObject({ status: 'doing', due: '2018-03-01' });
    expect(d.entries.x.status).toBe('todo');
    expect(d.entries['ah-001'].history[0]).toMatchObject({ field: 'migrated', from: 'v0' });
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBeUndefined(); // reading alone never writes
    store.update(() => undefined);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
    // A file from a newer plans is refused, not overwritten.
    writeFileSync(file, JSON.stringify({ version: 99, units: [], entries: {} }));
    expect(() => store.update(() => undefined)).toThrow(/newer version/);
  });
});

