/** kb/text-store.ts: texts kept as UTF-16 units (any string back as it was), and ids by content. */
import { describe, expect, it } from 'vitest';
import { ContentIds, TextStore } from '../../src/kb/text-store.js';

describe('TextStore and ContentIds', () => {
  it('gives every text back as it went in (surrogates, lone halves, empty), after growing and trimming', () => {
    const s = new TextStore();
    const texts = ['', '推进整合。', 'a\ud800b', '𠀀字\udc00', 'x'.repeat(10_000), ...Array.from({ length: 3000 }, (_, i) => `第${i}项任务`)];
    for (const t of texts) s.add(t);
    s.trim();
    s.add('再加一项');
    texts.push('再加一项');
    expect(s.count).toBe(texts.length);
    texts.forEach((t, i) => expect(s.get(i)).toBe(t));
    expect(s.get(1, 2, 4)).toBe('整合');
  });

  it('one id per distinct content, whichever store and place it is in', () => {
    const a = new TextStore();
    const b = new TextStore();
    for (const t of ['甲乙', '丙丁', '甲乙', '']) a.add(t);
    for (const t of ['丙丁', '戊', '']) b.add(t);
    const ids = new ContentIds(() => [a.units, b.units]);
    const of = (st: TextStore, w: number, i: number) => ids.id(st.start(i), st.end(i), w);
    const got = [of(a, 0, 0), of(a, 0, 1), of(a, 0, 2), of(a, 0, 3), of(b, 1, 0), of(b, 1, 1), of(b, 1, 2)];
    expect(got).toEqual([0, 1, 0, 2, 1, 3, 2]);
    // many: the table grows, ids stay
    const c = new TextStore();
    for (let i = 0; i < 20_000; i++) c.add(`项${i % 5000}`);
    const many = new ContentIds(() => [c.units]);
    const seen = Array.from({ length: 20_000 }, (_, i) => many.id(c.start(i), c.end(i)));
    expect(many.size).toBe(5000);
    seen.forEach((k, i) => expect(k).toBe(i % 5000));
  });
});
