/**
 * Keys as data, in the manner of lazygit's Binding {keys, handler, description}: a view declares, per
 * mode, which keys do what (KeySpec, plain data: no React, so scripts can read it); the component attaches
 * handlers to those ids. The help overlay, the status-line hints and the README key table are all derived
 * from the same specs, so they cannot drift from what the keys do.
 */
import type { KeyEvent } from '../hooks/useKeymap.js';
import type { HelpSection } from '../components/HelpOverlay.js';

/** Key names as KeyEvent.name gives them; "text" stands for any typed text (characters, IME commits, pastes). */
export type KeyName = string;

export interface KeySpec<Id extends string = string> {
  id: Id;
  keys: KeyName[];
  /** Help overlay and README: what the keys do (中文 English). */
  description: string;
  /** Status-line hint (short 中文), when the binding deserves one. */
  hint?: string;
  /** How the keys are written, when not derived from `keys` (e.g. "(type)"). */
  label?: string;
  /** Hint keys, when shorter than `label` (e.g. "↑↓"). */
  hintLabel?: string;
}

/** One mode of a view (Search input, Search list, …): a help section and a README row. */
export interface KeyMode<Id extends string = string> {
  /** Help section title. */
  title: string;
  /** README "where" column. */
  where: string;
  specs: KeySpec<Id>[];
}

export interface Binding extends KeySpec {
  handler: (k: KeyEvent) => void;
}

export type Handlers<Id extends string> = Partial<Record<Id, (k: KeyEvent) => void>>;

/** A mode's specs with their handlers; specs without a handler (not available right now) are left out. */
export function bind<Id extends string>(mode: KeyMode<Id>, handlers: Handlers<Id>): Binding[] {
  const out: Binding[] = [];
  for (const s of mode.specs) {
    const h = handlers[s.id];
    if (h) out.push({ ...s, handler: h });
  }
  return out;
}

/** Runs the binding for the key: an exact key name first, else a "text" binding for printable text. True when one ran. */
export function dispatch(bindings: readonly Binding[], k: KeyEvent): boolean {
  const exact = bindings.find((b) => b.keys.includes(k.name));
  const b = exact ?? (k.text ? bindings.find((x) => x.keys.includes('text')) : undefined);
  if (!b) return false;
  b.handler(k);
  return true;
}

/** Does any binding take typed text (then a chunk of text is one event, not one key per character)? */
export function takesText(bindings: readonly Binding[]): boolean {
  return bindings.some((b) => b.keys.includes('text'));
}

const NAMES: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageup: 'PgUp',
  pagedown: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'Enter',
  escape: 'Esc',
  backspace: 'Backspace',
  tab: 'Tab',
  'shift+tab': 'Shift+Tab',
  space: 'Space',
  text: '(type)',
};

/** How one key name is written: ↑, PgDn, Ctrl+U, Esc, j … */
export function keyLabel(name: KeyName): string {
  if (NAMES[name]) return NAMES[name];
  if (name.startsWith('ctrl+')) return `Ctrl+${name.slice(5).toUpperCase()}`;
  return name;
}

export function specLabel(s: KeySpec): string {
  return s.label ?? s.keys.map(keyLabel).join(' ');
}

/** The status-line hints of a mode: "Esc 列表 ↑↓ 选择 Enter 打开" (specs with a hint, in order; `only` restricts them to those ids). */
export function hints(mode: KeyMode, only?: readonly string[]): string {
  return mode.specs
    .filter((s) => s.hint !== undefined && (!only || only.includes(s.id)))
    .map((s) => `${s.hintLabel ?? specLabel(s)}${s.hint ? ` ${s.hint}` : ''}`)
    .join(' ');
}


/** A mode as a section of the help overlay. */
export function helpSection(mode: KeyMode): HelpSection {
  return { title: mode.title, entries: mode.specs.map((s) => ({ keys: specLabel(s), desc: s.description })) };
}

/** A mode as a README row: "`↑` `↓` `j` `k` move · `Enter` open …". */
export function readmeCell(mode: KeyMode): string {
  return mode.specs
    .map((s) => {
      const keys = s.label ? `\`${s.label}\`` : s.keys.map((k) => `\`${keyLabel(k)}\``).join(' ');
      return `${keys} ${s.description.replace(/\|/g, '\\|')}`;
    })
    .join(' · ');
}
