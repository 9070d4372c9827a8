/**
 * 由X负责 / 由X牵头 / 由X、Y跟进督办 inside a sentence: the units after 由 take the role of the verb
 * (督办/督查 → supervise), and so do the units that open a later clause with 负责/牵头 (由X负责…，Y负责…); 会同Y after it
 * makes Y support X, a later clause's Y配合 / Y按职责分工落实 makes Y support / answer for its part. X must
 * name organisations (由许某同志负总责 names a person).
 */
import { foundUnit, roleOfWord, splitList, looksLikeUnit, unitListPrefix } from '../clauses.js';
import type { FoundUnit, UnitParser } from '../types.js';

const BY = /由([^，。；由]{2,60}?)(?:按职责(?:分工)?|分别|共同|具体|统一|跟进|跟踪|牵头)?(牵头|负责督查|负责督办|负责|督办|督查|督导|组织实施|承办)(?![室处组局科办厅委])/g;

/** A clause that opens with units and their role: …，Y负责… (the name cannot span a comma, so it opens the clause). */
const NEXT_CLAUSE = /[，；]([^，。；由]{2,40}?)(牵头|负责|(?:按职责(?:分工)?|具体|分别)(?:负责|落实|实施)|配合|参与|协助)(?=[，。；]|$|(?<=牵头|负责).)/g;
/** 由X负责，会同Y… / 由X牵头，联合Y…: X's partners. */
const PARTNERS = /^[，,]?(会同|联合)/;

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
      const role = roleOfWord(m[2]);
      for (const it of items) units.push(foundUnit(it, role, this.name));
      // 由X负责，会同Y开展…: Y works with X — supporting the one who leads or answers for it (supervisors supervise together)
      const after = sentence.slice(BY.lastIndex);
      const w = PARTNERS.exec(after);
      const partners = w ? (unitListPrefix(after.slice(w[0].length), BY.lastIndex + w[0].length)?.items ?? []) : [];
      for (const it of partners) units.push(foundUnit(it, role === 'supervise' || w![1] === '联合' ? role : 'support', this.name));
      // 由X负责…，Y负责… / …，Y、Z按职责分工落实 / …，Y配合: the later clauses of the sentence that open with units and a role
      for (const n of after.matchAll(NEXT_CLAUSE)) {
        const more = splitList({ text: n[1], start: BY.lastIndex + n.index! + 1 });
        const r = /落实|实施/.test(n[2]) || /负责$/.test(n[2]) ? 'responsible' : roleOfWord(n[2]);
        if (more.length && more.every((it) => looksLikeUnit(it.text, true))) for (const it of more) units.push(foundUnit(it, r, this.name));
      }
    }
    return units.length ? { units } : null;
  },
};
