/** Keys as data: dispatch, help and hints derived from the bindings, and every key of a chunk applied in order. */
import { afterEach, describe, expect, it } from 'vitest';
import { bind, dispatch, helpSection, hints, keyLabel, type KeyMode } from '../../src/tui/keys/binding.js';
import { LIST_NAV } from '../../src/tui/keys/list-nav.js';
import { KeyFeeder, toKeyEvent, type KeyEvent } from '../../src/tui/hooks/useKeymap.js';
import { VIEWS } from '../../src/tui/views/registry.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_MODES, keysTable, withKeysTable } from '../../src/tui/keys/table.js';
import { KEY, renderApp, type Driven } from './helpers.js';

let app: Driven | null = null;
afterEach(() => {
  app?.unmount();
  app = null;
});

const NO_KEY = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false };
const ev = (s: string): KeyEvent => toKeyEvent(s, NO_KEY);

/** The row of the result list that carries the selection mark, as an index among the result rows. */
function selectedRow(frame: string): number {
  const rows = frame.split('\n').filter((l) => /^[│┃][› ] (安徽|重庆|福建|河北|湖南) /.test(l));
  return rows.findIndex((l) => /^[│┃]›/.test(l));
}

describe('bindings', () => {
  const mode: KeyMode = {
    title: 't',
    where: 'w',
    specs: [
      { id: 'open', keys: ['enter'], description: '打开 open', hint: '打开' },
      { id: 'down', keys: ['down', 'j'], description: '下移 down', hint: '选择', hintLabel: '↑↓' },
      { id: 'type', keys: ['text'], description: '输入 type' },
    ],
  };

  it('dispatch runs the binding of the key name, else the text binding for printable text; unbound keys run nothing', () => {
    const log: string[] = [];
    const bs = bind(mode, { open: () => log.push('open'), down: () => log.push('down'), type: (k) => log.push(`type:${k.text}`) });
    expect(dispatch(bs, ev('j'))).toBe(true);
    expect(dispatch(bs, ev('审计'))).toBe(true);
    expect(dispatch(bs, toKeyEvent('', { ...NO_KEY, return: true }))).toBe(true);
    expect(dispatch(bs, toKeyEvent('', { ...NO_KEY, escape: true }))).toBe(false);
    expect(log).toEqual(['down', 'type:审计', 'open']);
    // a spec without a handler is not bound
    expect(dispatch(bind(mode, { open: () => log.push('x') }), ev('j'))).toBe(false);
  });

  it('help entries and hints come from the specs', () => {
    expect(helpSection(mode)).toEqual({ title: 't', entries: [{ keys: 'Enter', desc: '打开 open' }, { keys: '↓ j', desc: '下移 down' }, { keys: '(type)', desc: '输入 type' }] });
    expect(hints(mode)).toBe('Enter 打开 ↑↓ 选择');
    expect(['up', 'pagedown', 'ctrl+w', 'escape', 'home'].map(keyLabel)).toEqual(['↑', 'PgDn', 'Ctrl+W', 'Esc', 'Home']);
  });

  it('one list-navigation set: ↑↓ j k PgUp PgDn g G Home End', () => {
    expect(LIST_NAV.flatMap((s) => s.keys).sort()).toEqual(['G', 'down', 'end', 'g', 'home', 'j', 'k', 'pagedown', 'pageup', 'up'].sort());
  });

  it('every view help overlay is its key modes (plus legends), and no key is bound twice in one mode', () => {
    for (const m of KEY_MODES) {
      const keys = m.specs.flatMap((s) => s.keys);
      expect({ mode: m.where, dup: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ mode: m.where, dup: [] });
    }
    const titles = new Set(KEY_MODES.map((m) => m.title));
    for (const v of VIEWS) {
      const fromModes = v.help.filter((s) => titles.has(s.title));
      expect(fromModes.length).toBeGreaterThan(0);
      for (const s of fromModes) expect(s).toEqual(helpSection(KEY_MODES.find((m) => m.title === s.title)!));
    }
  });

  it('a feeder applies every event of a chunk in order, text whole to an input and per character otherwise', async () => {
    const got: string[] = [];
    let input = false;
    const f = new KeyFeeder((e) => got.push(e.name === 'text' ? `text:${e.text}` : e.name), () => input);
    f.feed([ev('jjjj')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['j', 'j', 'j', 'j']);
    got.length = 0;
    input = true;
    f.feed([ev('审计'), toKeyEvent('', { ...NO_KEY, backspace: true })]);
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['text:审计', 'backspace']);
  });

  it('an event of a later chunk, read in the same turn, still waits for the re-render after the one before', async () => {
    // '/' then typed text in two writes: the text must meet the input '/' focuses, not the list.
    const got: string[] = [];
    let input = false;
    const f = new KeyFeeder((e) => void got.push(e.name === 'text' ? `text:${e.text}` : e.name), () => input);
    f.feed([ev('/')]);
    f.feed([ev('开展')]);
    // not delivered in the same turn: it waits, and meets the handlers of the render that '/' caused
    expect(got).toEqual(['/']);
    input = true;
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual(['/', 'text:开展']);
  });
});

describe('README key table', () => {
  it('is the one generated from the bindings (run `node scripts/keys-table.mjs` after changing keys)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(keysTable());
    expect(withKeysTable(readme)).toBe(readme);
  });

  it('documents what was bound but missing: Ctrl+W, Home/End, 我的清单', () => {
    const t = keysTable();
    expect(t).toContain('`Ctrl+W`');
    expect(t).toMatch(/`g` `Home`/);
    expect(t).toContain('| 我的清单 list |');
  });

  it('a stale table is detected', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    const stale = readme.replace('`Ctrl+W` ', '');
    expect(stale).not.toBe(readme);
    expect(withKeysTable(stale)).not.toBe(stale);
  });
});

describe('keys arriving in one chunk (real app)', () => {
  it('jjjj in one chunk moves four rows, as four separate j do', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.press(KEY.esc);
    expect(selectedRow(app.frame())).toBe(0);
    await app.press('jjjj');
    expect(selectedRow(app.frame())).toBe(4);
    await app.press('k', 'k');
    expect(selectedRow(app.frame())).toBe(2);
  });

  it('x and 40 Backspaces in one chunk leave an empty input', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.type('审计监督');
    expect(app.frame()).toContain('搜索› 审计监督');
    await app.press('x' + KEY.backspace.repeat(40));
    expect(app.lines()[1]).toMatch(/^搜索› *$/);
  });

  it('a typed chunk in the input stays text: 审计 then Backspace in one chunk leaves 审', async () => {
    app = await renderApp({ columns: 100, rows: 30 });
    await app.press('审计' + KEY.backspace);
    expect(app.lines()[1]).toMatch(/^搜索› 审 *$/);
  });

  it('the status line shows the hints derived from the bindings', async () => {
    app = await renderApp({ columns: 120, rows: 30 });
    const input = KEY_MODES.find((m) => m.where === '搜索 input')!;
    expect(app.frame()).toContain(hints(input));
    await app.press(KEY.esc);
    expect(app.frame()).toContain(hints(KEY_MODES.find((m) => m.where === '搜索 list')!));
  });
});
