/**
 * De-duplication of scraped repeats: each obligation once. General rule, no sentence lists:
 *  1. identical normalized texts collapse to one;
 *  2. a candidate whose text is contained in a kept one, or whose opening or most sentences already stand in
 *     kept ones, is a fragment/repeat and is dropped — sought in its own item (section path) only when
 *     `byItem`: in a clean document two numbered items are two obligations, however much wording they share
 *     (a scraped page, whose repeats land under any heading, is searched whole);
 *  3. what the dropped copy knew (units, deadlines) is merged into the copy that stays.
 * Priority of the copy that stays: has units, has its own (not inherited) units, has deadlines, names more
 * units (own ones), longer, earlier.
 */
import { textKey } from '../ids.js';

export interface Dedupable {
  text: string;
  key: string;
  pos: number;
  units: unknown[];
  /** Units taken from a later parenthetical of the paragraph, not the text's own. */
  inherited?: boolean;
  deadlines: unknown[];
  /** The headings the candidate stands under: fragments and partial repeats are sought in its own item. */
  section?: readonly string[];
}

export interface DedupeResult<T> {
  kept: T[];
  dropped: number;
}

function sentenceKeys(text: string): string[] {
  return text
    .split(/[。；！？\n]/)
    .map(textKey)
    .filter((k) => k.length >= 6);
}

function better<T extends Dedupable>(a: T, b: T): number {
  return (
    Number(b.units.length > 0) - Number(a.units.length > 0) ||
    Number(!b.inherited) - Number(!a.inherited) ||
    Number(b.deadlines.length > 0) - Number(a.deadlines.length > 0) ||
    (!a.inherited && !b.inherited ? b.units.length - a.units.length : 0) ||
    b.key.length - a.key.length ||
    a.pos - b.pos
  );
}

export function dedupe<T extends Dedupable>(items: T[], merge: (keep: T, drop: T) => void, opts: { byItem?: boolean } = {}): DedupeResult<T> {
  // 1. exact repeats
  const byKey = new Map<string, T>();
  let dropped = 0;
  for (const it of items) {
    const prev = byKey.get(it.key);
    if (!prev) byKey.set(it.key, it);
    else {
      dropped++;
      if (better(it, prev) < 0) {
        merge(it, prev);
        byKey.set(it.key, it);
      } else merge(prev, it);
    }
  }
  // 2. fragments and partial repeats, best first, within each item
  const ordered = [...byKey.values()].sort(better);
  const kept: T[] = [];
  const groups = new Map<string, { kept: T[]; joined: string }>();
  for (const c of ordered) {
    const at = opts.byItem && c.section ? c.section.join('\u0002') : '';
    let item = groups.get(at);
    if (!item) groups.set(at, (item = { kept: [], joined: '' }));
    const host = item.joined.includes(c.key) ? item.kept.find((k) => k.key.includes(c.key)) : undefined;
    if (host) {
      merge(host, c);
      dropped++;
      continue;
    }
    // A repeat cut differently by the scrape: its opening sentence, or most of its sentences, stand in kept ones.
    const sk = sentenceKeys(c.text);
    const covered = sk.filter((k) => item.joined.includes(k)).length;
    if (sk.length && (item.joined.includes(sk[0]) || covered * 2 > sk.length)) {
      const h = item.kept.find((k) => k.key.includes(sk[0]));
      if (h) merge(h, c);
      dropped++;
      continue;
    }
    // A kept item contained in this one (lower priority but longer): this one absorbs it.
    let spliced = false;
    for (let i = item.kept.length - 1; i >= 0; i--) {
      const k = item.kept[i];
      if (c.key.includes(k.key)) {
        merge(c, k);
        item.kept.splice(i, 1);
        kept.splice(kept.indexOf(k), 1);
        dropped++;
        spliced = true;
      }
    }
    item.kept.push(c);
    kept.push(c);
    item.joined = spliced ? item.kept.map((k) => k.key).join('\u0001') : `${item.joined}\u0001${c.key}`;
  }
  kept.sort((a, b) => a.pos - b.pos);
  return { kept, dropped };
}

/** Does the text repeat itself as a scraped page does: three or more sentences of 30 characters or more each stand
 * in it twice (a clean document restates a goal or two at most)? */
export function repeatsItself(text: string): boolean {
  const seen = new Set<string>();
  let repeats = 0;
  for (const sentence of text.split(/[。；！？\n]/)) {
    const k = textKey(sentence);
    if (k.length < 30) continue;
    if (seen.has(k) && ++repeats >= 3) return true;
    seen.add(k);
  }
  return false;
}
