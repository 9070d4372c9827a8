/**
 * 由X负责 / 由X牵头 / 由X、Y跟进督办 inside a sentence: the units after 由 take the role of the verb
 * (督办/督查 → supervise), and so do the units that open a later clause with 负责/牵头 (由X负责…，Y负责…). X must
 * name organisations (由许某同志负总责 names a person).
 */
import { foundUnit, roleOfWord, splitList, looksLikeUnit } from '../clauses.js';
import type { FoundUnit, UnitParser } from '../types.js';

const BY = /由([^，。；由]{2,60}?)(?:按职责(?:分工)?|分别|共同|具体|统一|跟进|跟踪|牵头)?(牵头|负责督查|负责督办|负责|督办|督查|督导|组织实施|承办)(?![室处组局科办厅委])/g;

/** A clause that opens with units and their role: …，Y负责… (the name cannot span a comma, so it opens the clause). */
const NEXT_CLAUSE = /[，；]([^，。；由]{2,40}?)(牵头|负责)/g;

export const byUnit: UnitParser = {
  name: 'unit/by-unit',
  scope: 'sentence',
  parse(sentence) {
    BY.lastIndex = 0;
    const units: FoundUnit[] = [];
    let m: RegExpExecArray | null;
    while ((m = BY.exec(sentence))) {
      const items = splitList({ text: m[1], start: m.index + 1 });
      if (!items.length || !items.every((it) => looksLikeUnit(it.text, true))) continue;
      for (const it of items) units.push(foundUnit(it, roleOfWord(m[2]), this.name));
      // 由X负责…，Y负责…: the later clauses of the sentence that open with units and 负责/牵头 name their own
      for (const n of sentence.slice(BY.lastIndex).matchAll(NEXT_CLAUSE)) {
        const more = splitList({ text: n[1], start: BY.lastIndex + n.index! + 1 });
        if (more.length && more.every((it) => looksLikeUnit(it.text, true))) for (const it of more) units.push(foundUnit(it, roleOfWord(n[2]), this.name));
      }
    }
    return units.length ? { units } : null;
  },
};
