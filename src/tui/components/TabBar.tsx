/** The top row: one tab per registered view (number key + label), the as-of date on the right (the first of `right`'s forms that fits). */
import React from 'react';
import { Line } from './Line.js';
import type { Seg } from '../layout.js';
import { displayWidth } from '../../util/text.js';

export function TabBar({ tabs, active, width, right }: { tabs: Array<{ id: string; key: string; label: string }>; active: string; width: number; right: string[] }) {
  const segs: Seg[] = [];
  tabs.forEach((t, i) => {
    if (i > 0) segs.push({ text: ' · ', dim: true });
    const on = t.id === active;
    segs.push({ text: ` ${t.key} ${t.label} `, inverse: on, bold: on, color: on ? 'cyan' : undefined });
  });
  const used = segs.reduce((n, s) => n + displayWidth(s.text), 0);
  const fits = right.find((r) => used + displayWidth(r) + 2 <= width);
  if (fits) segs.push({ text: ' '.repeat(width - used - displayWidth(fits)) }, { text: fits, dim: true });
  return <Line segs={segs} width={width} />;
}
