/**
 * bench/pty.ts against the floor app (bench/floor-app.tsx, bundled like the app) in a real pseudo-terminal:
 * the first frame is found, every keystroke's frame is found (none timed out), and the screen ends showing
 * the typed query with the count the floor computes. Skipped, with a message, when util-linux `script` is
 * not installed.
 */
import { describe, expect, it } from 'vitest';
import { bundleFloor } from '../../bench/floor-bundle.js';
import { countOf, firstFrame, floorCommand, frameFor, hasScript, inputOf, measureStarts, measureTyping, Pty, QUIET_MS, relayOverhead } from '../../bench/pty.js';
import { ensureBuilt, ROOT } from '../cli/helpers.js';

if (!hasScript()) console.warn('tests/bench/pty: util-linux `script` is not installed — skipping the pseudo-terminal benchmark test.');

describe.skipIf(!hasScript())('bench/pty.ts in a real pseudo-terminal', () => {
  it('finds the floor app\'s first frame and the frame of each keystroke', async () => {
    ensureBuilt();
    const cmd = floorCommand(await bundleFloor(ROOT));
    const p = new Pty(cmd);
    try {
      const t = await p.until(firstFrame, 30000, 'the first frame');
      expect(t).toBeGreaterThan(p.t0);
      expect(inputOf(p.screen)).toBe('');
      expect(countOf(p.screen)).toBe('200'); // the floor's 200 items, no query
      const tk = p.write(Buffer.from('农', 'utf8'));
      const done = await p.settle(frameFor('农'), tk, QUIET_MS, 10000, 'the frame for 农');
      expect(done).toBeGreaterThan(tk);
      expect(inputOf(p.screen)).toBe('农');
      // 农 is in 农田, the floor's words[0]: item i has words[i % 20] and words[7i % 20], both 0 only when i % 20 = 0
      expect(countOf(p.screen)).toBe('10');
      p.write('\u0015');
      await p.settle(frameFor(''), performance.now(), QUIET_MS, 10000, 'the cleared input');
      expect(countOf(p.screen)).toBe('200');
      p.write(Buffer.from('量子', 'utf8'));
      await p.settle(frameFor('量子'), performance.now(), QUIET_MS, 10000, 'the frame for 量子');
      expect(countOf(p.screen)).toBe('0');
      expect(p.screen.text()).toContain('没有结果');
    } finally {
      await p.close();
    }
    expect(p.exited).toBe(true);

    const typing = await measureTyping(cmd, [{ q: '农田建设', kind: 'chinese' }, { q: 'abc', kind: 'latin' }]);
    expect(typing.timeouts).toBe(0);
    expect(typing.keystrokes).toBe(7);
    expect(Object.keys(typing.by_kind).sort()).toEqual(['chinese', 'latin']);
    expect(typing.p95_ms).toBeGreaterThan(0);
    expect(typing.p95_ms).toBeGreaterThanOrEqual(typing.p50_ms);

    const starts = await measureStarts(cmd, '农', 1);
    expect(starts.first_frame_ms).toBeGreaterThan(0);
    expect(starts.first_key_echo_ms).toBeGreaterThanOrEqual(0);
    expect(starts.first_key_frame_ms).toBeGreaterThan(0);
  }, 120_000);

  it('measures the relay itself: spawn and a character through cat', async () => {
    const r = await relayOverhead();
    expect(r.spawn_ms).toBeGreaterThan(0);
    expect(r.echo_p50_ms).toBeGreaterThan(0);
    expect(r.echo_p95_ms).toBeGreaterThanOrEqual(r.echo_p50_ms);
  }, 60_000);

  it('rejects, with the screen, when what it waits for never shows', async () => {
    const p = new Pty(`sh -c 'echo hello; sleep 5'`);
    try {
      await expect(p.until((s) => s.text().includes('never'), 500, 'never')).rejects.toThrow(/timed out after 500 ms waiting for never; screen:\nhello/);
    } finally {
      await p.close();
    }
  }, 20_000);
});
