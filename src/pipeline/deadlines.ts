/**
 * Deadline extraction: small parsers composed in order (chrono-node style), each a regex over the
 * normalized text with a handler, then a refiner that drops matches overlapping an earlier one.
 *
 * Forms: X年M月底前, X年底前, X年年底前, X年上半年/下半年, X年M月D日前, 每年M月D日前, 每年M月底前, 每年底前,
 * 每年 (yearly), 每年定期开展两次/每半年 (twice-yearly), Chinese numerals (二〇一八年六月底前), year-less
 * "3月底前" (year from the plan's issue date), 今年/明年, 年内.
 */
import type { Deadline, Precision, Recurrence } from '../types.js';
import { CN_DIGITS, parseNumber } from './numerals.js';

export interface FoundDeadline extends Deadline {
  start: number;
  end: number;
}

export interface DeadlineContext {
  /** The plan's issue date (ISO) if known: anchors year-less and recurring deadlines. */
  issuedOn: string | null;
  /** The plan's year if known otherwise (from its title). */
  year: number | null;
}

const Y = `(\\d{4}|[${CN_DIGITS}]{4}|今|明|次)年`;
const M = `(\\d{1,2}|十[一二]?|[一二三四五六七八九])月`;
const D = `(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]`;
const BEFORE = `(?:之前|以前|前|底前|末前|底|末|内)?`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function iso(y: number, m: number, d: number): string {
  return `${y}-${pad(m)}-${pad(d)}`;
}

function yearOf(tok: string, ctx: DeadlineContext): number | null {
  const base = ctx.issuedOn ? Number(ctx.issuedOn.slice(0, 4)) : ctx.year;
  if (tok === '今') return base;
  if (tok === '明' || tok === '次') return base === null ? null : base + 1;
  const n = parseNumber(tok);
  return n !== null && n >= 1949 && n <= 2100 ? n : null;
}

/** First date (y, m, d) on/after the plan's issue date for a recurring month/day. */
function firstAfter(m: number, d: number | 'last', ctx: DeadlineContext): string | null {
  const anchor = ctx.issuedOn ?? (ctx.year ? `${ctx.year}-01-01` : null);
  if (!anchor) return null;
  let y = Number(anchor.slice(0, 4));
  for (let i = 0; i < 2; i++, y++) {
    const day = d === 'last' ? lastDay(y, m) : Math.min(d, lastDay(y, m));
    const s = iso(y, m, day);
    if (s > anchor) return s;
  }
  return null;
}

interface Parser {
  re: RegExp;
  handle(m: RegExpExecArray, ctx: DeadlineContext): Omit<Deadline, 'raw'> | null;
}

const validMonth = (m: number | null): m is number => m !== null && m >= 1 && m <= 12;

const PARSERS: Parser[] = [
  // 每年定期开展两次 / 每年两次 / 每半年
  {
    re: /每年(?:定期)?(?:开展|组织|进行)?(?:两|二)次|每半年/g,
    handle: () => ({ date: null, recurring: 'twice-yearly', precision: 'half' }),
  },
  // 每年M月D日前
  {
    re: new RegExp(`每年${M}${D}${BEFORE}`, 'g'),
    handle: (m, ctx) => {
      const mo = parseNumber(m[1]);
      const d = parseNumber(m[2]);
      if (!validMonth(mo) || d === null || d < 1 || d > 31) return null;
      return { date: firstAfter(mo, d, ctx), recurring: 'yearly', precision: 'day' };
    },
  },
  // 每年M月底前 / 每年M月
  {
    re: new RegExp(`每年${M}${BEFORE}`, 'g'),
    handle: (m, ctx) => {
      const mo = parseNumber(m[1]);
      if (!validMonth(mo)) return null;
      return { date: firstAfter(mo, 'last', ctx), recurring: 'yearly', precision: 'month' };
    },
  },
  // 每年底前 / 每年年底前 / 每年年底
  {
    re: /每年(?:年)?(?:底|末)(?:前|之前)?/g,
    handle: (_m, ctx) => ({ date: firstAfter(12, 'last', ctx), recurring: 'yearly', precision: 'year' }),
  },
  // 每年上半年 / 每年下半年
  {
    re: /每年(上|下)半年/g,
    handle: (m, ctx) => ({ date: firstAfter(m[1] === '上' ? 6 : 12, 'last', ctx), recurring: 'yearly', precision: 'half' }),
  },
  // X年M月D日前
  {
    re: new RegExp(`${Y}${M}${D}(?:之前|以前|前|内)`, 'g'),
    handle: (m, ctx) => {
      const y = yearOf(m[1], ctx);
      const mo = parseNumber(m[2]);
      const d = parseNumber(m[3]);
      if (y === null || !validMonth(mo) || d === null || d < 1 || d > lastDay(y, mo)) return null;
      return { date: iso(y, mo, d), recurring: null, precision: 'day' };
    },
  },
  // X年上半年 / X年下半年
  {
    re: new RegExp(`${Y}(上|下)半年(?:前|底前|内|之前)?`, 'g'),
    handle: (m, ctx) => {
      const y = yearOf(m[1], ctx);
      if (y === null) return null;
      return { date: m[2] === '上' ? iso(y, 6, 30) : iso(y, 12, 31), recurring: null, precision: 'half' };
    },
  },
  // X年M月底前 / X年M月前 / X年M月
  {
    re: new RegExp(`${Y}${M}(份)?${BEFORE}(?![\\d一二三四五六七八九十]*[日号])`, 'g'),
    handle: (m, ctx) => {
      const y = yearOf(m[1], ctx);
      const mo = parseNumber(m[2]);
      if (y === null || !validMonth(mo)) return null;
      return { date: iso(y, mo, lastDay(y, mo)), recurring: null, precision: 'month' };
    },
  },
  // X年底前 / X年年底前 / X年末 / X年内 / 到X年
  {
    re: new RegExp(`${Y}(?:年)?(?:底|末|内)(?:前|之前)?|(?:到|至|于)${Y}(?![${CN_DIGITS}\\d月上下底末内])`, 'g'),
    handle: (m, ctx) => {
      const y = yearOf(m[1] ?? m[2], ctx);
      if (y === null) return null;
      return { date: iso(y, 12, 31), recurring: null, precision: 'year' };
    },
  },
  // X年第N季度(末|底)?前 → last day of the quarter
  {
    re: new RegExp(`${Y}(?:第)?([一二三四1-4])季度(?:末|底)?(?:前|之前|内)?`, 'g'),
    handle: (m, ctx) => {
      const y = yearOf(m[1], ctx);
      const q = parseNumber(m[2]);
      if (y === null || q === null || q < 1 || q > 4) return null;
      return { date: iso(y, q * 3, lastDay(y, q * 3)), recurring: null, precision: 'month' };
    },
  },
  // Year-less 年底前 / 年内 (the plan's own year): 年底前完成, 年内建成
  {
    re: /(?<![\d〇零一二三四五六七八九每今明次年])年(?:底|末)(?:前|之前)|(?<![\d〇零一二三四五六七八九每今明次])年内/g,
    handle: (_m, ctx) => {
      const date = firstAfter(12, 'last', ctx);
      return date ? { date, recurring: null, precision: 'year' } : null;
    },
  },
  // Year-less M月D日前 (not preceded by 年 or a digit)
  {
    re: new RegExp(`(?<![年\\d${CN_DIGITS}十])${M}${D}(?:之前|以前|前)`, 'g'),
    handle: (m, ctx) => {
      const mo = parseNumber(m[1]);
      const d = parseNumber(m[2]);
      if (!validMonth(mo) || d === null || d < 1 || d > 31) return null;
      const date = firstAfter(mo, d, ctx);
      return date ? { date, recurring: null, precision: 'day' } : null;
    },
  },
  // Year-less M月底前
  {
    re: new RegExp(`(?<![年\\d${CN_DIGITS}十])${M}(?:底前|末前|之前|以前|底)`, 'g'),
    handle: (m, ctx) => {
      const mo = parseNumber(m[1]);
      if (!validMonth(mo)) return null;
      const date = firstAfter(mo, 'last', ctx);
      return date ? { date, recurring: null, precision: 'month' } : null;
    },
  },
  // 每年 alone: yearly, no day
  {
    re: /每年(?![\d一二三四五六七八九十上下底末年])/g,
    handle: () => ({ date: null, recurring: 'yearly', precision: 'year' }),
  },
];

export function findDeadlines(text: string, ctx: DeadlineContext): FoundDeadline[] {
  const found: FoundDeadline[] = [];
  // Quick reject: every form contains 年, 月 or 季度.
  if (!/[年月季]/.test(text)) return found;
  const taken = new Uint8Array(text.length);
  const overlaps = (s: number, e: number) => {
    for (let i = s; i < e; i++) if (taken[i]) return true;
    return false;
  };
  for (const p of PARSERS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text))) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].length;
      if (overlaps(s, e)) continue;
      const r = p.handle(m, ctx);
      if (!r) continue;
      taken.fill(1, s, e);
      found.push({ raw: m[0], start: s, end: e, ...r, recurring: r.recurring as Recurrence, precision: r.precision as Precision });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Does the sentence open with its own deadline ("2017年12月底前，…", "每年1月15日前向…")? */
export function opensWithDeadline(sentence: string, ctx: DeadlineContext): boolean {
  const head = sentence.replace(/^[\s，。；、]+/, '').replace(/^(?:力争|争取|确保|要|应|原则上|到|于|在)/, '');
  if (!/^[\d〇零一二三四五六七八九十每今明次]/.test(head)) return false;
  const ds = findDeadlines(head.slice(0, 24), ctx);
  return ds.length > 0 && ds[0].start === 0 && ds[0].raw !== '每年';
}

export function toDeadline(f: FoundDeadline): Deadline {
  return { raw: f.raw, date: f.date, recurring: f.recurring, precision: f.precision };
}
