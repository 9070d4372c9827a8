/**
 * The unit that is the grammatical subject of an obligation no attribution governs: 公文 also assigns work
 * by opening the sentence with the unit — "市城管局每月通报…", "县住建局要在6月底前完成…", "市教育局牵头制定…".
 * Read only for a dated task that has no units of its own (scope 'subject'), before units are inherited
 * from the next attribution. The name must end like an organisation (strict); collective calls on every
 * body (各地区各部门要…, 有关单位要…) assign nobody in particular and are left out.
 */
import { foundUnit, looksLikeUnit, splitList } from '../clauses.js';
import type { FoundUnit, UnitParser } from '../types.js';

/** What follows a subject in 公文: a modal, a time adverbial, or an action verb of assignment. */
const SUBJECT = /(?:^|[。；！？])\s*([^，。；！？：“”（）()]{2,30}?)(?:(?<![主重需必只])要|将|应当|应|须|必须|负责|牵头|会同|定期|每(?=[年月季周半日天学个])|按(?=月|季度|年)|于(?=\d|[一二三四五六七八九十]|年|今|明|本)|在(?=\d|[一二三四五六七八九十]|年|今|明|本))/g;
const COLLECTIVE = /^(?:有关|相关|各(?:地|级|有关|相关|部门|单位|成员))/;

export const subject: UnitParser = {
  name: 'unit/subject',
  scope: 'subject',
  parse(text) {
    SUBJECT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SUBJECT.exec(text))) {
      const at = m.index + m[0].indexOf(m[1]);
      const items = splitList({ text: m[1], start: at });
      if (!items.length || !items.every((it) => looksLikeUnit(it.text, true) && !COLLECTIVE.test(it.text))) continue;
      const role = text.startsWith('牵头', at + m[1].length) ? 'lead' : 'responsible';
      const units: FoundUnit[] = items.map((it) => foundUnit(it, role, this.name));
      return { units };
    }
    return null;
  },
};
