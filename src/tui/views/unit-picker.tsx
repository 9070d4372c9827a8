/**
 * The unit picker of 我的清单: type to filter (审计 → the 审计 kind across all plans, or 安徽 省审计厅),
 * ↑↓ to move, Enter or Space to add / remove the highlighted unit, Esc to close. Changes are saved at once.
 */
import React, { useMemo } from 'react';
import { Box } from 'ink';
import { bind, hints } from '../keys/binding.js';
import { useBindings } from '../keys/useBindings.js';
import { useListNav } from '../keys/list-nav.js';
import { PICKER_KEYS } from './mine/keys.js';
import { Line } from '../components/Line.js';
import { clean, type Seg } from '../layout.js';
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
  setText: (edit: (s: string) => string) => void;
}

export function UnitPicker({ active, width, height, units, labelOf, candidates, onToggle, onClose, text, setText }: UnitPickerProps) {
  const cands = useMemo(() => candidates(text), [candidates, text]);
  const listH = Math.max(1, height - 3);
  const nav = useListNav(cands.length, listH);
  const selIdx = nav.sel;
  const off = nav.offset;
  const type = (edit: (s: string) => string) => {
    setText(edit);
    nav.select(0);
  };

  const toggle = () => {
    if (cands[selIdx]) onToggle(cands[selIdx].unit);
  };
  useBindings(
    bind(PICKER_KEYS, {
      ...nav.handlers,
      done: onClose,
      toggle,
      backspace: () => type((s) => Array.from(s).slice(0, -1).join('')),
      clear: () => type(() => ''),
      // Space toggles when nothing is typed (else it is part of the text: 安徽 审计厅).
      type: (k) => (k.name === 'space' && !text ? toggle() : type((s) => s + k.text)),
    }),
    active,
  );

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
      <Line width={width} segs={[{ text: hints(PICKER_KEYS), dim: true }]} />
    </Box>
  );
}
