/**
 * Queries of each kind the search answers, drawn from the tasks themselves: a run of Chinese characters, two
 * words of it apart, the same run with one character wrong, its full pinyin, its initials, and letters that
 * spell nothing. The TUI types them into an unseen copy of itself after start-up (tui/rehearse.ts), so that
 * the code answering a key is compiled before the user's first keys rather than during them.
 */
import { fold } from './text.js';
import { pinyinOf } from './pinyin.js';

export type SampleKind = 'chinese' | 'words' | 'typo' | 'pinyin' | 'initials' | 'none';
export interface SampleQuery {
  q: string;
  kind: SampleKind;
}

/** Six or more Chinese characters in a row (after folding). */
const RUN = /[\u3400-\u9fff]{6,}/;

/** Up to `max` queries from these task texts, every kind before any repeats (deterministic). */
export function sampleQueries(texts: string[], max = 8): SampleQuery[] {
  const runs = texts.map((t) => RUN.exec(fold(t))?.[0]).filter((r): r is string => !!r);
  if (!runs.length) return [];
  const out: SampleQuery[] = [];
  runs.forEach((run, i) => {
    const py = pinyinOf(run.slice(0, 4));
    out.push({ q: run.slice(0, 4), kind: 'chinese' });
    out.push({ q: `${run.slice(0, 2)} ${run.slice(4, 6)}`, kind: 'words' });
    out.push({ q: py.full.replace(/\|/g, '').slice(0, 12), kind: 'pinyin' });
    out.push({ q: py.ini.slice(0, 4), kind: 'initials' });
    // the fourth character replaced by one from another run that this one lacks
    const wrong = [...runs[(i + 1) % runs.length], ...'的了和'].find((c) => !run.includes(c));
    if (wrong) out.push({ q: run.slice(0, 3) + wrong + run.slice(4, 6), kind: 'typo' });
  });
  out.splice(Math.min(out.length, 5), 0, { q: 'qxzvqx', kind: 'none' });
  const seen = new Set<string>();
  return out.filter((s) => s.q && !seen.has(s.q) && seen.add(s.q)).slice(0, max);
}
