/** Shared terminal rendering for CLI commands (search, show, compare). */
import type { Role, Task } from '../types.js';
import { stripControl } from '../util/text.js';
import { leadsOf, namesWithRole, ROLES } from '../domain/roles.js';

const ESC = '\u001b[';
export const paint = {
  bold: (on: boolean, s: string) => (on ? `${ESC}1m${s}${ESC}22m` : s),
  dim: (on: boolean, s: string) => (on ? `${ESC}2m${s}${ESC}22m` : s),
  hit: (on: boolean, s: string) => (on ? `${ESC}1;33m${s}${ESC}22;39m` : s),
  cyan: (on: boolean, s: string) => (on ? `${ESC}36m${s}${ESC}39m` : s),
};

/** Text with [start,end) ranges highlighted (only when colour is on); control characters removed. */
export function highlight(text: string, ranges: Array<[number, number]>, color: boolean): string {
  if (!color || !ranges.length) return stripControl(text);
  let out = '';
  let pos = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < pos) continue;
    out += stripControl(text.slice(pos, s)) + paint.hit(true, stripControl(text.slice(s, e)));
    pos = e;
  }
  return out + stripControl(text.slice(pos));
}

export function unitsByRole(t: Task): Array<{ role: Role; names: string[] }> {
  return ROLES.map((role) => ({ role, names: [...new Set(namesWithRole(t.units, role).map(stripControl))] })).filter((g) => g.names.length > 0);
}

export function leadUnits(t: Task): string[] {
  return [...new Set(leadsOf(t.units).map((u) => stripControl(u.name)))];
}

/** Escape Markdown syntax in corpus text before it goes through marked. */
export function mdEscape(s: string): string {
  return stripControl(s).replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

export function termWidth(): number {
  const env = Number(process.env.COLUMNS);
  if (Number.isInteger(env) && env > 20) return env;
  return process.stdout.columns && process.stdout.columns > 20 ? process.stdout.columns : 100;
}
