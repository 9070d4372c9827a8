/**
 * Keyboard input as named keys. Ink's useInput reports raw input plus flags; this folds them into one
 * name per key ("up", "enter", "escape", "backspace", "ctrl+u", "j", "?", …) and keeps typed text
 * (including multi-character IME commits and pastes, which arrive as one string) in `text`.
 */
import { createContext, createElement, useContext, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { useInput, type Key } from 'ink';

export interface KeyEvent {
  /** Named key, or the character itself for single printable keys, or "text" for multi-character input. */
  name: string;
  /** Printable text carried by the key ('' for control keys). */
  text: string;
  ctrl: boolean;
  shift: boolean;
}

export function toKeyEvent(input: string, key: Key): KeyEvent {
  const base = { ctrl: key.ctrl, shift: key.shift };
  if (key.upArrow) return { name: 'up', text: '', ...base };
  if (key.downArrow) return { name: 'down', text: '', ...base };
  if (key.leftArrow) return { name: 'left', text: '', ...base };
  if (key.rightArrow) return { name: 'right', text: '', ...base };
  if (key.pageUp) return { name: 'pageup', text: '', ...base };
  if (key.pageDown) return { name: 'pagedown', text: '', ...base };
  if (key.home) return { name: 'home', text: '', ...base };
  if (key.end) return { name: 'end', text: '', ...base };
  if (key.return) return { name: 'enter', text: '', ...base };
  if (key.escape) return { name: 'escape', text: '', ...base };
  if (key.tab) return { name: key.shift ? 'shift+tab' : 'tab', text: '', ...base };
  // Terminals send DEL (0x7f) for the Backspace key; Ink calls it "delete".
  if (key.backspace || key.delete) return { name: 'backspace', text: '', ...base };
  if (key.ctrl) return { name: `ctrl+${input}`, text: '', ...base };
  if (key.meta) return { name: `meta+${input}`, text: '', ...base };
  // Strip anything that could still drive the terminal (pasted escape sequences, control characters).
  const text = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  if (!text) return { name: 'none', text: '', ...base };
  if (text === ' ') return { name: 'space', text, ...base };
  return { name: [...text].length === 1 ? text : 'text', text, ...base };
}

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

/**
 * Input that arrives in one chunk (fast typing, tmux send-keys, pastes with line breaks) reaches Ink as
 * one string; split it into its printable runs (kept whole: an IME commit is one event) and one event
 * per control character, so "j\r" is "j" then Enter.
 */
export function splitInput(input: string, key: Key): KeyEvent[] {
  // Esc followed quickly by a key (or while the app was busy) reaches Ink as one "meta+key"; the app
  // binds no Alt combinations, so it is what the user typed: Escape, then the key.
  if (key.meta && !key.escape && input && !/[\u0000-\u001f\u007f]/.test(input)) {
    return [toKeyEvent('', { ...NO_KEY, escape: true }), ...splitInput(input, { ...key, meta: false })];
  }
  if (input.length <= 1 || !/[\u0000-\u001f\u007f]/.test(input) || input.startsWith('\u001b')) return [toKeyEvent(input, key)];
  const out: KeyEvent[] = [];
  for (const part of input.match(/[^\u0000-\u001f\u007f]+|[\u0000-\u001f\u007f]/g) ?? []) {
    const c = part.charCodeAt(0);
    if (part.length > 1 || c >= 0x20 && c !== 0x7f) out.push(toKeyEvent(part, NO_KEY));
    else if (part === '\r' || part === '\n') out.push(toKeyEvent('', { ...NO_KEY, return: true }));
    else if (part === '\t') out.push(toKeyEvent('', { ...NO_KEY, tab: true }));
    else if (part === '\u007f' || part === '\b') out.push(toKeyEvent('', { ...NO_KEY, backspace: true }));
    else if (c >= 1 && c <= 26) out.push(toKeyEvent(String.fromCharCode(c + 96), { ...NO_KEY, ctrl: true }));
  }
  return out;
}

type Handler = (k: KeyEvent) => void;

/** A printable run of several characters as one key event per character ("jjjj" → j, j, j, j). */
export function perCharacter(ev: KeyEvent): KeyEvent[] {
  if (ev.name !== 'text') return [ev];
  return [...ev.text].map((ch) => toKeyEvent(ch, NO_KEY));
}

/**
 * Feeds the events in order: one at once when none was just delivered, each later one — of the same chunk
 * or of the next — on a timer, i.e. after React has re-rendered for the previous one (Ink's updates are
 * scheduled, not synchronous; a timer runs after the scheduler's setImmediate work), so it meets the
 * then-current handlers. A run of typed text goes
 * whole to a text input, else one key per character (`wantsText` decides, when its turn comes).
 */
export class KeyFeeder {
  private readonly queue: KeyEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly deliver: (ev: KeyEvent) => void,
    private readonly wantsText: () => boolean,
  ) {}
  feed(events: KeyEvent[]): void {
    this.queue.push(...events);
    if (!this.timer) this.step();
  }
  private step = (): void => {
    this.timer = null;
    let ev = this.queue.shift();
    if (!ev) return;
    if (ev.name === 'text' && !this.wantsText()) {
      const [first, ...rest] = perCharacter(ev);
      this.queue.unshift(...rest);
      ev = first;
    }
    this.deliver(ev);
    // The next event waits for the re-render even when it comes in a later chunk ('/' then typed text in
    // two writes, read in one turn of the event loop): else it met the handlers from before '/' and its
    // first character went to the list.
    this.timer = setTimeout(this.step, 0);
  };
  /** Stops feeding (unmount). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }
}

/**
 * Routes every keystroke to the components that want keys. Handlers register while rendering (not in
 * an effect), so a screen that has just been mounted — the detail opened by Enter — gets the very next
 * key even if React has not yet run its passive effects; with one useInput per component such a key
 * was lost.
 */
/** Whether a component takes typed text now: fixed at render, or asked at the key (a focus kept in a ref). */
export type TextWanted = boolean | (() => boolean);

export class KeyRouter {
  private readonly entries = new Map<symbol, { handler: Handler; active: boolean; text: TextWanted }>();
  set(id: symbol, handler: Handler, active: boolean, text: TextWanted = false): void {
    const e = this.entries.get(id);
    if (e) {
      e.handler = handler;
      e.active = active;
      e.text = text;
    } else this.entries.set(id, { handler, active, text });
  }
  delete(id: symbol): void {
    this.entries.delete(id);
  }
  /** Some active handler takes typed text (a focused input). */
  wantsText(): boolean {
    for (const e of this.entries.values()) if (e.active && (typeof e.text === 'function' ? e.text() : e.text)) return true;
    return false;
  }
  dispatch(ev: KeyEvent): void {
    for (const e of [...this.entries.values()]) if (e.active) e.handler(ev);
  }
}

const RouterContext = createContext<KeyRouter | null>(null);

/** Owns the app's single useInput and hands each key to every active useKeymap below it. */
export function KeymapProvider({ children }: { children: ReactNode }) {
  const router = useMemo(() => new KeyRouter(), []);
  const feeder = useMemo(() => new KeyFeeder((ev) => router.dispatch(ev), () => router.wantsText()), [router]);
  useLayoutEffect(() => () => feeder.stop(), [feeder]);
  useInput((input, key) => feeder.feed(splitInput(input, key)));
  return createElement(RouterContext.Provider, { value: router }, children);
}

/**
 * Keys for one component while `active`. `text`: it takes typed text now (a focused input), so a run of
 * characters arriving in one chunk (an IME commit, a paste) comes whole; otherwise one key per character.
 */
export function useKeymap(handler: Handler, active = true, opts: { text?: TextWanted } = {}): void {
  const router = useContext(RouterContext);
  const id = useRef<symbol>(null as unknown as symbol);
  if (!id.current) id.current = Symbol('keymap');
  if (router) router.set(id.current, handler, active, opts.text ?? false);
  useLayoutEffect(() => {
    const own = id.current;
    return () => router?.delete(own);
  }, [router]);

  // Outside a KeymapProvider (a view rendered on its own, e.g. in a unit test): plain useInput.
  const latest = useRef<{ handler: Handler; text: TextWanted }>({ handler, text: opts.text ?? false });
  latest.current = { handler, text: opts.text ?? false };
  const feeder = useMemo(() => new KeyFeeder((ev) => latest.current.handler(ev), () => { const t = latest.current.text; return typeof t === 'function' ? t() : t; }), []);
  useLayoutEffect(() => () => feeder.stop(), [feeder]);
  useInput((input, key) => feeder.feed(splitInput(input, key)), { isActive: active && !router });
}
