import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import React, { useState } from 'react';
import { render, Text, useInput } from 'ink';
import { rehearse, rehearsalKeys, type RehearsalIo } from '../../src/tui/rehearse.js';
import { InputActivity } from '../../src/tui/activity.js';

/** An app that shows what was typed into it (Ctrl+U clears) and counts its frames' keys. */
function Echo({ seen }: { seen: string[] }) {
  const [text, setText] = useState('');
  useInput((input, key) => {
    seen.push(key.ctrl ? `^${input}` : key.downArrow ? '↓' : input);
    if (key.ctrl && input === 'u') setText('');
    else if (!key.downArrow) setText((s) => s + input);
  });
  return <Text>typed:{text}</Text>;
}

const until = async (cond: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('rehearse: typing into an unseen copy of the app', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the keys: each query a character at a time, the selection moved, then cleared; per round', () => {
    expect(rehearsalKeys(['数据', 'ab'], 2)).toEqual(['数', '据', '\u001b[B', '\u001b[B', '\u0015', 'a', 'b', '\u001b[B', '\u001b[B', '\u0015', '数', '据', '\u001b[B', '\u001b[B', '\u0015', 'a', 'b', '\u001b[B', '\u001b[B', '\u0015']);
  });

  it('types every key into a real Ink app of its own, frames go to its own terminal, nothing to the real one', async () => {
    const seen: string[] = [];
    const frames: string[] = [];
    let unmounted = 0;
    const realWrite = vi.spyOn(process.stdout, 'write');
    const r = rehearse({
      mount: (io: RehearsalIo) => {
        const w = io.stdout.write.bind(io.stdout);
        io.stdout.write = ((c: string | Uint8Array, ...rest: unknown[]) => {
          frames.push(String(c));
          return (w as (...a: unknown[]) => boolean)(c, ...rest);
        }) as typeof io.stdout.write;
        // debug: every frame written whole. Without it, Ink under CI (is-in-ci: CI=true, as on the project's
        // CI) writes only the last frame, at unmount.
        const inst = render(<Echo seen={seen} />, { ...io, exitOnCtrlC: false, patchConsole: false, debug: true });
        return () => {
          unmounted++;
          inst.unmount();
        };
      },
      queries: () => ['规划', 'xy'],
      columns: 80,
      rows: 24,
      frameMs: 100,
    });
    await r.done;
    expect(seen).toEqual(['规', '划', '↓', '↓', '^u', 'x', 'y', '↓', '↓', '^u']);
    expect(frames.join('')).toContain('typed:规划');
    expect(frames.join('')).toContain('typed:xy');
    expect(unmounted).toBe(1);
    expect(realWrite).not.toHaveBeenCalled();
  });

  it('waits until ready, pauses after a real key, and stop() ends it at once', async () => {
    let ready = false;
    const typed: string[] = [];
    const input = new EventEmitter() as unknown as NodeJS.ReadStream;
    let unmounted = 0;
    const r = rehearse({
      mount: (io) => {
        io.stdin.on('data', (d) => {
          typed.push(String(d));
          io.stdout.write('frame');
        });
        io.stdout.write('first');
        return () => void unmounted++;
      },
      queries: () => ['一二三四五六七八九十'],
      columns: 80,
      rows: 24,
      activity: new InputActivity(input, 400),
      ready: () => ready,
    });
    await new Promise((res) => setTimeout(res, 250));
    expect(typed).toEqual([]); // not ready: not even mounted
    ready = true;
    await until(() => typed.length >= 2);
    input.emit('readable'); // the user types
    const at = typed.length;
    await new Promise((res) => setTimeout(res, 250));
    expect(typed.length).toBeLessThanOrEqual(at + 1); // at most the key already under way
    await until(() => typed.length >= at + 3, 3000); // then on again
    r.stop();
    const stoppedAt = typed.length;
    await r.done;
    await new Promise((res) => setTimeout(res, 100));
    expect(typed.length).toBe(stoppedAt);
    expect(unmounted).toBe(1);
    r.stop();
    expect(unmounted).toBe(1);
  });
});

describe('InputActivity: background work waits while the user types', () => {
  it('idle() resolves at once with no key, and only quietMs after the last key otherwise', async () => {
    const input = new EventEmitter();
    const a = new InputActivity(input, 200);
    let t = performance.now();
    await a.idle();
    expect(performance.now() - t).toBeLessThan(100);
    input.emit('readable');
    t = performance.now();
    await a.idle();
    expect(performance.now() - t).toBeGreaterThanOrEqual(190);
    a.close();
    input.emit('readable'); // no longer listened to
    t = performance.now();
    await a.idle();
    expect(performance.now() - t).toBeLessThan(100);
  });
});
