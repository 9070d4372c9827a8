/**
 * The unit picker of 我的清单: type to filter (审计 → the 审计 kind across all plans, or 安徽 省审计厅),
 * ↑↓ to move, Enter or Space to add / remove the highlighted unit, Esc to close. Changes are saved at once.
 */
import React, { useMemo, useState } from 'react';
import { Box } from 'ink';
import { useKeymap, type KeyEvent } from '../hooks/useKeymap.js';
import { Line } from '../components/Line.js';
import { clamp, clean, scrollTo, type Seg } from '../layout.js';
import { padEndWidth } from '../../util/text.js';
import { sameUnit, type MyUnit, type UnitCandidate } from '../../checklist/model.js';

export const PICKER_PROMPT = '单位› ';

export interface UnitPickerProps {
  active: boolean;
  width: number;
  height: number;
  /** My current units. */
  units: MyUnit[];
  labelOf: (u: MyUnit) => string;
  candidates: (query: string) => UnitCandidate[];
  onToggle: (u: MyUnit) => void;
  onClose: () => void;
  /** The typed query (owned by the parent so the terminal cursor can be placed). */
  text: string;
  setText: (s: string) => void;
}

export function UnitPicker({ active, width, height, units, labelOf, candidates, onToggle, onClose, text, setText }: UnitPickerProps) {
  const [sel, setSel] = useState(0);
  const [offset, setOffset] = useState(0);
  const cands = useMemo(() => candidates(text), [candidates, text]);
  const listH = Math.max(1, height - 3);
  const selIdx = clamp(sel, 0, Math.max(0, cands.length - 1));
  const off = scrollTo(offset, selIdx, listH, cands.length);
  const move = (d: number) => {
    const n = clamp(selIdx + d, 0, Math.max(0, cands.length - 1));
    setSel(n);
    setOffset(scrollTo(off, n, listH, cands.length));
  };
  const type = (s: string) => {
    setText(s);
    setSel(0);
    setOffset(0);
  };

  useKeymap((k: KeyEvent) => {
    if (k.name === 'escape') return onClose();
    if (k.name === 'up') return move(-1);
    if (k.name === 'down') return move(1);
    if (k.name === 'pageup') return move(-listH);
    if (k.name === 'pagedown') return move(listH);
    if (k.name === 'enter' || k.name === 'tab') {
      if (cands[selIdx]) onToggle(cands[selIdx].unit);
      return;
    }
    if (k.name === 'backspace') return type(Array.from(text).slice(0, -1).join(''));
    if (k.name === 'ctrl+u') return type('');
    if (k.name === 'space' && !text) {
      if (cands[selIdx]) onToggle(cands[selIdx].unit);
      return;
    }
    if (k.text) return type(text + k.text);
  }, active);

  const mine: Seg[] = [{ text: '我的单位：', bold: true }];
  if (!units.length) mine.push({ text: '（尚未选择）', dim: true });
  units.forEach((u, i) => mine.push({ text: (i ? '、' : '') + clean(labelOf(u)), color: 'cyan' }));
  const visible = cands.slice(off, off + listH);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Line width={width} segs={mine} />
      <Line width={width} segs={[{ text: PICKER_PROMPT, color: 'cyan', bold: true }, { text: clean(text) }, { text: text ? '' : '  输入单位或类别，如 审计、财政、安徽 审计厅', dim: true }]} />
      {visible.map((c, i) => {
        const on = units.some((u) => sameUnit(u, c.unit));
        const selected = off + i === selIdx;
        const segs: Seg[] = [
          { text: selected ? '› ' : '  ', color: 'cyan', bold: true },
          { text: on ? '[x] ' : '[ ] ', bold: on, color: on ? 'green' : undefined },
          { text: padEndWidth(c.unit.type === 'kind' ? '类别' : '单位', 5), color: c.unit.type === 'kind' ? 'magenta' : 'blue' },
          { text: clean(c.label) },
          { text: `  ${c.tasks} 项`, dim: true },
        ];
        return <Line key={`${c.unit.type}:${c.unit.planId ?? ''}:${c.unit.value}`} width={width} segs={selected ? segs.map((s) => ({ ...s, inverse: true })) : segs} />;
      })}
      {cands.length === 0 ? <Line width={width} segs={[{ text: '  没有匹配的单位 — no matching unit', dim: true }]} /> : null}
      <Box flexGrow={1} />
      <Line width={width} segs={[{ text: 'Enter/Tab 选中或取消 · ↑↓ 移动 · Esc 完成', dim: true }]} />
    </Box>
  );
}
