/**
 * A unit as the subject of a supervising verb in one clause: "市政府办公室每季度对…进行一次督查汇总",
 * "国办将加强跟踪督办", "县政府办、县督查室要抓好…的调度和督查" → supervise. Only supervision verbs: a
 * subject that merely "要…" do something is not given a role.
 */
import { foundUnit, splitList, looksLikeUnit, SUPERVISE_WORK as SUPERVISE } from '../clauses.js';
import type { FoundUnit, UnitParser } from '../types.js';

const SUBJECT = /(?:^|[，。；：])([^，。；：]{2,50}?)(?:(?<![主重需必只])要|将|应(?!急|用)|须|应当|负责|定期|每)/g;

export const subjectSupervise: UnitParser = {
  name: 'unit/subject-supervise',
  scope: 'sentence',
  parse(sentence) {
    SUBJECT.lastIndex = 0;
    const units: FoundUnit[] = [];
    let m: RegExpExecArray | null;
    while ((m = SUBJECT.exec(sentence))) {
      const subjStart = m.index + m[0].indexOf(m[1]);
      const clauseEnd = sentence.slice(subjStart).search(/[，。；]/);
      const clause = clauseEnd < 0 ? sentence.slice(subjStart) : sentence.slice(subjStart, subjStart + clauseEnd);
      if (!SUPERVISE.test(clause.slice(m[1].length))) continue;
      const items = splitList({ text: m[1], start: subjStart });
      if (!items.length || !items.every((it) => looksLikeUnit(it.text, true))) continue;
      for (const it of items) units.push(foundUnit(it, 'supervise', this.name));
      // "X将会同Y进行专项督办": Y supervises with X.
      const rest = clause.slice(m[1].length);
      const w = /^(?:将|要|应|须)?会同([^，。；]{2,40}?)(?:进行|开展|加强|对|组织|共同|一起)/.exec(rest);
      if (w) {
        const at = subjStart + m[1].length + rest.indexOf(w[1]);
        const partners = splitList({ text: w[1], start: at });
        if (partners.every((it) => looksLikeUnit(it.text, true))) for (const it of partners) units.push(foundUnit(it, 'supervise', this.name));
      }
    }
    return units.length ? { units } : null;
  },
};
