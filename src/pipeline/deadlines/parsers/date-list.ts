/**
 * A list of dates sharing one 前: 2019年4月15日、7月15日、10月15日及2020年1月15日前 → four deadlines; a
 * year carries forward to the items after it. Months alone too: 6月底、9月底前.
 */
import { parseNumber } from '../../numerals.js';
import { firstAfter, iso, lastDay, validMonth, yearOf } from '../calendar.js';
import { CN_DIGITS, D, M, Y } from '../patterns.js';
import type { DeadlineParser, ParsedDeadline } from '../types.js';

const ITEM = `(?:${Y})?${M}(?:${D})?(?:底|末)?`;
const ITEM_RE = new RegExp(ITEM, 'g');

export const dateList: DeadlineParser = {
  name: 'deadline/date-list',
  pattern: new RegExp(`(?<![年\\d${CN_DIGITS}十每])${ITEM}(?:(?:、|和|及|以及)${ITEM})+(?:之前|以前|前|底前)`, 'g'),
  extract(m, ctx) {
    const out: ParsedDeadline[] = [];
    let year: number | null = null;
    ITEM_RE.lastIndex = 0;
    let it: RegExpExecArray | null;
    while ((it = ITEM_RE.exec(m[0]))) {
      if (!it[0]) {
        ITEM_RE.lastIndex++;
        continue;
      }
      if (it[1]) year = yearOf(it[1], ctx);
      const mo = parseNumber(it[2]);
      const d = it[3] ? parseNumber(it[3]) : null;
      if (!validMonth(mo)) return null;
      let date: string | null;
      if (year !== null) date = iso(year, mo, d === null ? lastDay(year, mo) : Math.min(d, lastDay(year, mo)));
      else date = firstAfter(mo, d ?? 'last', ctx);
      const start = m.index + it.index;
      let end = start + it[0].length;
      if (ITEM_RE.lastIndex >= m[0].length - 3 && /^(?:之前|以前|前|底前)$/.test(m[0].slice(ITEM_RE.lastIndex))) end = m.index + m[0].length;
      out.push({ date, recurring: null, precision: d === null ? 'month' : 'day', start, end });
    }
    return out.length >= 2 ? out : null;
  },
};
