/**
 * The checklist file read and written in chunks (src/checklist/file.ts): the same values JSON.parse gives,
 * the same verdict on text that is not JSON, across chunk boundaries and values longer than a chunk.
 */
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChecklistSyntaxError, readJsonFile, scanJsonFile, writeJson } from '../../src/checklist/file.js';
import { tmp } from './helpers.js';

const dir = tmp('plans-file-');
let n = 0;
function fileWith(text: string | Buffer): string {
  const f = join(dir, `c${n++}.json`);
  writeFileSync(f, text);
  return f;
}

/** What the old reader made of a text: JSON.parse after a byte-order mark is dropped. */
function oldRead(text: string): { ok: true; value: unknown } | { ok: false } {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(t) };
  } catch {
    return { ok: false };
  }
}

function entry(id: string, text: string, note = '') {
  return {
    taskId: id,
    status: 'todo',
    note,
    due: null,
    origin: 'units',
    snapshot: { text, planId: 'anhui', planTag: '安徽', section: ['一、总体要求', '（二）基本原则'], deadlines: [{ raw: '2018年6月底前', date: '2018-06-30', recurring: null, precision: 'month' }], units: [{ canonical: '省审计厅', kind: '审计', role: 'lead' }] },
    orphanedAt: '2023-12-01T00:00:00.000Z',
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-01T00:00:00.000Z',
    history: [{ at: '2023-01-01T00:00:00.000Z', field: 'added', from: null, to: 'units' }],
  };
}

const TRICKY = ['引号"里面"的字', 'a backslash \\ and \\" and \\\\', '"', '\\', '}{][,:', '\u2028\u2029', '𠀀𠀁 astral', 'tab\tnewline\n', '\u0000 nul'];

describe('readJsonFile', () => {
  it('reads what JSON.stringify wrote, compact or indented, with awkward strings and keys, across chunk boundaries', () => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 4000; i++) {
      const id = i % 997 === 0 ? `id"${i}\\` : `anhui-${i.toString(16).padStart(8, '0')}`;
      entries[id] = entry(id, `${TRICKY[i % TRICKY.length]} 第${i}项任务`.repeat(1 + (i % 5)), i % 13 === 0 ? TRICKY[(i + 3) % TRICKY.length] : '');
    }
    Object.defineProperty(entries, '__proto__', { value: entry('__proto__', 'a key that is not a prototype'), enumerable: true, writable: true, configurable: true });
    entries['entries'] = entry('entries', 'a key named entries');
    const data = JSON.parse(JSON.stringify({ version: 1, units: [{ type: 'kind', value: '审计' }], entries, updatedAt: null, extra: { entries: { nested: [1, 2, { x: '}' }] } } }));
    for (const text of [JSON.stringify(data), JSON.stringify(data, null, 1), JSON.stringify(data, null, '\t'), '\ufeff' + JSON.stringify(data, null, 2) + '\n\n']) {
      const f = fileWith(text);
      expect(readFileSync(f).length).toBeGreaterThan(2 << 20); // several chunks
      const value = scanJsonFile(f) as { entries: Record<string, unknown> }; // the scan itself, not JSON.parse of the whole text
      expect(value).toEqual((oldRead(text) as { value: unknown }).value);
      expect(readJsonFile(f)).toEqual({ ok: true, value });
      const got = value.entries;
      expect(Object.keys(got)).toEqual(Object.keys(data.entries)); // same order
      expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(got, '__proto__')).toBe(true);
    }
  });

  it('a single entry longer than a chunk (a 3 MB note), and an empty entries object', () => {
    const big = { version: 1, units: [], entries: { a: entry('a', 'x', '长'.repeat(1 << 20)), b: entry('b', 'y') }, updatedAt: null };
    expect(scanJsonFile(fileWith(JSON.stringify(big)))).toEqual(big);
    expect(scanJsonFile(fileWith('{ "version": 1, "units": [], "entries": { }, "updatedAt": null }'))).toEqual({ version: 1, units: [], entries: {}, updatedAt: null });
    expect(scanJsonFile(fileWith('{}'))).toEqual({});
  });

  it('duplicate keys: the last value wins, at the first place, as with JSON.parse', () => {
    const text = '{"version":1,"entries":{"a":{"n":1},"b":{"n":2},"a":{"n":3}},"units":[],"version":1}';
    const value = scanJsonFile(fileWith(text)) as { entries: object };
    expect(value).toEqual(JSON.parse(text));
    expect(Object.keys(value.entries)).toEqual(['a', 'b']);
    // Two `entries` members: left to JSON.parse of the whole text (the last one wins).
    for (const two of ['{"entries":{"a":1},"entries":{"b":2}}', '{"entries":{"a":1},"entries":5}', '{"entries":5,"entries":{"b":2}}']) {
      const f = fileWith(two);
      expect(() => scanJsonFile(f)).toThrow(ChecklistSyntaxError);
      expect(readJsonFile(f)).toEqual({ ok: true, value: JSON.parse(two) });
    }
  });

  it('whatever JSON.parse refuses, it refuses; whatever it accepts that is no object, it accepts', () => {
    const good = JSON.stringify({ version: 1, units: [], entries: { a: entry('a', 't'), b: entry('b', 'u') }, updatedAt: null });
    const cases = [
      '',
      '   \n',
      '\ufeff',
      '[1,2,3]',
      'null',
      '"a string"',
      '42',
      good.slice(0, good.length - 1), // truncated
      good.slice(0, 100),
      good + 'x', // text after the end
      good + '{}',
      good.replace('},"b":', '}"b":'), // a missing comma between entries
      good.replace('},"b":', '},,"b":'),
      good.replace('"entries":{', '"entries":{,'),
      good.replace('}},"updatedAt"', '},},"updatedAt"'), // a trailing comma
      good.replace('"b":{', '"b" {'), // no colon
      good.replace('"b":{', 'b:{'), // a bare key
      good.replace('"status":"todo"', '"status":todo'), // bad JSON inside an entry
      good.replace('"status":"todo"', '"status":"to\ndo"'), // a raw newline in a string
      good.replace('"units":[]', '"units":[,]'),
      '{"version":1,"entries":{"a":1,"b":[}}',
      '{"version":1,"entries":{"a":"unterminated}}',
      '{"a":1,}',
      '{,}',
      '{"a" "b"}',
      '{"entries":{"a":1}',
      '{"entries":{"a":1}}}',
    ];
    for (const text of cases) {
      const f = fileWith(text);
      const r = readJsonFile(f);
      const want = oldRead(text);
      // The scan never accepts what JSON.parse refuses (it may decline what it accepts: not an object).
      if (!want.ok) expect(() => scanJsonFile(f), JSON.stringify(text.slice(0, 80))).toThrow(ChecklistSyntaxError);
      expect(r.ok, JSON.stringify(text.slice(0, 80))).toBe(want.ok);
      if (want.ok) expect(r.ok && r.value).toEqual(want.value);
      else if (!r.ok) expect(r.reason).toMatch(/^(the file is empty|not valid JSON: )/);
    }
  });

  it('random one-character edits of a small file: the scan agrees with JSON.parse on every one', () => {
    const good = JSON.stringify({ version: 1, units: [{ type: 'kind', value: '审' }], entries: { a: { n: 1, s: 'x\\"y', l: [1, { z: null }] }, 'b"': { t: true, e: {} }, c: [] }, updatedAt: null }, null, 1);
    let seed = 9;
    const rand = (k: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % k);
    const alphabet = '{}[],:"\\ \n0a-e';
    for (let i = 0; i < 1500; i++) {
      const at = rand(good.length);
      const op = rand(3);
      const ch = alphabet[rand(alphabet.length)];
      const text = op === 0 ? good.slice(0, at) + good.slice(at + 1) : op === 1 ? good.slice(0, at) + ch + good.slice(at) : good.slice(0, at) + ch + good.slice(at + 1);
      const f = fileWith(text);
      const want = oldRead(text);
      let got: { ok: true; value: unknown } | { ok: false };
      try {
        got = { ok: true, value: scanJsonFile(f) };
      } catch (e) {
        expect(e).toBeInstanceOf(ChecklistSyntaxError);
        got = { ok: false };
      }
      if (!want.ok) expect(got.ok, text).toBe(false);
      else if (want.value && typeof want.value === 'object' && !Array.isArray(want.value)) expect(got, text).toEqual(want);
    }
  });

  it('bytes that are not UTF-8 read as JSON.parse of the decoded text reads them (replacement characters)', () => {
    const a = Buffer.from('{"version":1,"units":[],"entries":{"a":{"note":"');
    const b = Buffer.from('"}},"updatedAt":null}');
    const bytes = Buffer.concat([a, Buffer.from([0xff, 0xfe, 0xe6, 0x88]), b]);
    expect(scanJsonFile(fileWith(bytes))).toEqual(JSON.parse(bytes.toString('utf8')));
  });
});

describe('writeJson', () => {
  it('writes compact JSON that parses to the same value: the small members first, one entry per line', () => {
    const entries: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) entries[`e${i}`] = entry(`e${i}`, TRICKY[i % TRICKY.length].repeat(200));
    const data = { version: 1, units: [{ type: 'kind', value: '审计' }], entries, updatedAt: '2026-01-01T00:00:00.000Z', skipped: undefined };
    const f = join(dir, 'w.json');
    const fd = openSync(f, 'w');
    const bytes = writeJson(fd, data);
    closeSync(fd);
    const text = readFileSync(f, 'utf8');
    expect(Buffer.byteLength(text)).toBe(bytes);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{"version":1,"units":[{"type":"kind","value":"审计"}],"updatedAt":"2026-01-01T00:00:00.000Z","entries":{');
    expect(lines).toHaveLength(3000 + 3);
    expect(lines[1]).toBe(`"e0":${JSON.stringify(entries.e0)},`);
    expect(text.endsWith('\n}}\n')).toBe(true);
    expect(scanJsonFile(f)).toEqual(JSON.parse(text));
    for (const empty of [{ version: 1, units: [], entries: {}, updatedAt: null }, {}]) {
      const g = join(dir, 'e.json');
      const fd2 = openSync(g, 'w');
      writeJson(fd2, empty);
      closeSync(fd2);
      expect(JSON.parse(readFileSync(g, 'utf8'))).toEqual(empty);
    }
  });
});
