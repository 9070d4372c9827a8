/** The bottom row: counts and active filters on the left, key hints on the right. */
import React from 'react';
import { Line } from './Line.js';
import { displayWidth } from '../../util/text.js';
import type { Seg } from '../layout.js';

export function StatusLine({ left, right, width }: { left: Seg[]; right: string; width: number }) {
  const lw = left.reduce((n, s) => n + displayWidth(s.text), 0);
  const room = width - lw - 2;
  const hint = room >= 8 ? right : '';
  const hintW = Math.min(displayWidth(hint), Math.max(0, room));
  const segs: Seg[] = [...left];
  if (hintW > 0) {
    const gap = width - lw - hintW;
    segs.push({ text: ' '.repeat(Math.max(1, gap)) }, { text: hint, dim: true });
  }
  return <Line segs={segs} width={width} />;
}
