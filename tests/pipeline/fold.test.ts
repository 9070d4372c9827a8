import { describe, expect, it } from 'vitest';
import { fold, unfoldSpan } from '../../src/pipeline/fold.js';

describe('fold: the simplified reading rules match on', () => {
  it('traditional characters read as simplified, one for one', () => {
    const f = fold('責任單位：市財政廳');
    expect(f.text).toBe('责任单位：市财政厅');
    expect(f.changed).toBe(true);
    // One for one: every folded offset maps to the same offset of the text (one run).
    expect(f.map.runs).toBe(1);
    expect(unfoldSpan(f, 5, 9)).toEqual([5, 9]);
  });
  it('pinyin glosses after characters are removed; spans map back to the text as written', () => {
    const src = '縣經（jīng）貿（mào）委負責';
    const f = fold(src);
    expect(f.text).toBe('县经贸委负责');
    const [s, e] = unfoldSpan(f, 0, 4);
    expect(src.slice(s, e)).toBe('縣經（jīng）貿（mào）委');
  });
  it('simplified text is left as it is', () => {
    const f = fold('省发展改革委牵头，省财政厅配合');
    expect(f.changed).toBe(false);
    expect(f.text).toBe('省发展改革委牵头，省财政厅配合');
  });
  it('an English abbreviation in brackets is no gloss', () => {
    expect(fold('国际货币基金组织（IMF）').text).toBe('国际货币基金组织（IMF）');
  });
});
