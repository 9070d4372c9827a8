import { describe, expect, it } from 'vitest';
import { charWidth, VScreen } from '../../bench/vt.js';

describe('bench/vt.ts: the virtual screen the pty benchmark reads', () => {
  it('gives CJK and fullwidth characters two cells, box drawing and ASCII one, combining marks none', () => {
    expect(charWidth('僵'.codePointAt(0)!)).toBe(2);
    expect(charWidth('，'.codePointAt(0)!)).toBe(2);
    expect(charWidth('a'.codePointAt(0)!)).toBe(1);
    expect(charWidth('│'.codePointAt(0)!)).toBe(1);
    expect(charWidth('›'.codePointAt(0)!)).toBe(1);
    expect(charWidth(0x301)).toBe(0);
    const s = new VScreen(10, 3);
    s.write('搜索› 僵尸');
    expect(s.line(0)).toBe('搜索› 僵尸');
    expect(s.x).toBe(10); // 4 + 1 + 1 + 4 columns: the margin reached, wrap deferred
    s.write('\r\n');
    expect(s.y).toBe(1);
    expect(s.line(1)).toBe('');
  });

  it('wraps only when the next character comes (deferred wrap), and a wide character that does not fit moves down whole', () => {
    const s = new VScreen(5, 3);
    s.write('abcde');
    expect([s.x, s.y]).toEqual([5, 0]);
    s.write('f');
    expect(s.lines()).toEqual(['abcde', 'f', '']);
    const t = new VScreen(5, 3);
    t.write('abcd僵');
    expect(t.lines()).toEqual(['abcd', '僵', '']);
  });

  it('moves the cursor (CSI A B C D G H d E F) and erases (CSI K J X), keeping wide characters whole', () => {
    const s = new VScreen(12, 4);
    s.write('line one\r\nline two\r\nline three');
    s.write('\x1b[2A\x1b[6G');
    expect([s.x, s.y]).toEqual([5, 0]);
    s.write('\x1b[K');
    expect(s.line(0)).toBe('line');
    s.write('\x1b[2;3H');
    expect([s.x, s.y]).toEqual([2, 1]);
    s.write('\x1b[1K');
    expect(s.line(1)).toBe('   e two');
    s.write('\x1b[3d\x1b[1G\x1b[2X');
    expect(s.line(2)).toBe('  ne three');
    s.write('\x1b[H\x1b[2B\x1b[3C\x1b[1D');
    expect([s.x, s.y]).toEqual([2, 2]);
    s.write('\x1b[J');
    expect(s.lines()).toEqual(['line', '   e two', '', '']);
    const w = new VScreen(8, 2);
    w.write('僵尸系统');
    w.write('\x1b[2G'); // on the right half of 僵
    w.write('x');
    expect(w.line(0)).toBe(' x尸系统');
    w.write('\x1b[2J\x1b[H');
    expect(w.lines()).toEqual(['', '']);
  });

  it('scrolls at the bottom, and keeps the main screen apart from the alternate one (?1049h/l)', () => {
    const s = new VScreen(6, 2);
    s.write('one\r\ntwo\r\nthree');
    expect(s.lines()).toEqual(['two', 'three']);
    s.write('\x1b[?1049h\x1b[H');
    expect(s.altScreen).toBe(true);
    expect(s.lines()).toEqual(['', '']);
    s.write('app');
    expect(s.line(0)).toBe('app');
    s.write('\x1b[?1049l');
    expect(s.lines()).toEqual(['two', 'three']);
    expect([s.x, s.y]).toEqual([5, 1]);
  });

  it('ignores SGR, ?2026 and OSC, tracks ?25, and completes sequences split across writes', () => {
    const s = new VScreen(20, 2);
    s.write('\x1b[?2026h\x1b[?25l\x1b[1;36m搜索›\x1b[22;39m \x1b]0;title\x07q');
    expect(s.line(0)).toBe('搜索› q');
    expect(s.cursorVisible).toBe(false);
    s.write('\x1b[');
    s.write('?25');
    s.write('h\x1b[1');
    expect(s.cursorVisible).toBe(true);
    s.write('G!');
    expect(s.line(0)).toBe('! 索› q'); // half of 搜 overwritten: its other half blank
  });

  it('replays an Ink frame as Ink writes it (clear, home, full-width lines, cursor placed on the input)', () => {
    const s = new VScreen(10, 3);
    const frame = ['搜索› 僵', '│› 安徽 │', '1 条'];
    s.write('\x1b[?1049h\x1b[H\x1b[?2026h\x1b[?25l');
    s.write(frame.map((l) => l.padEnd(10 - (l.match(/[\u4e00-\u9fff]/g)?.length ?? 0))).join('\r\n'));
    s.write('\x1b[2A\x1b[9G\x1b[?25h\x1b[?2026l');
    expect(s.lines()).toEqual(frame);
    expect([s.x, s.y]).toEqual([8, 0]);
    // the next frame clears and redraws
    s.write('\x1b[?2026h\x1b[2J\x1b[3J\x1b[H搜索› 僵尸\r\n\r\n0 条');
    expect(s.lines()).toEqual(['搜索› 僵尸', '', '0 条']);
  });
});
