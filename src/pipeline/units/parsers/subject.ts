/**
 * The unit that is the grammatical subject of an obligation no attribution governs: 公文 also assigns work
 * by opening the sentence with the unit — "市城管局每月通报…", "县住建局要在6月底前完成…", "市教育局牵头制定…",
 * "5月底前，市应急局会同市水利局开展…", "…值班制度，县防办每日通报…" (at a clause's start). Read only for a dated task that has no
 * units of its own (scope 'subject'), before units are inherited from the next attribution. The name must end
 * like an organisation (strict); collective calls on every body (各地区各部门要…, 有关单位要…) assign nobody in
 * particular and are left out. A partner after 联合 shares the role, one after 会同 supports the host (X会同Y制定… →
 * X lead, Y support), except in supervision; a sentence whose work is supervision
 * (督查, 督导…) makes them supervise; the clause after a lead's (X牵头，Y配合，…) names its supporters, and so do
 * the lead's partners (X牵头，会同Y、Z制定…) — or its doers (X牵头，Y具体实施，…); X配合Y做好… makes Y responsible and X its supporter.
 */
import { foundUnit, looksLikeUnit, splitList, unitListPrefix, SUPERVISE_WORK as SUPERVISE } from '../clauses.js';
import type { FoundUnit, UnitParser } from '../types.js';

/** Where a subject may open: the text's, a sentence's or a clause's start (5月底前，X…; …制度，X每日…). */
const OPEN = String.raw`(?:^|[。；！？，])\s*`;
/** What follows a subject: a modal, a time adverbial, or a verb of assignment or of the work itself. */
const AFTER = String.raw`(?:(?<![主重需必只])要|将|向(?=[^，。；]{2,30}?(?:报送|报告|提交|报备|汇报|申报))|按(?:照)?职责(?:分工)?|(?:至少|分别|均|统一)(?=组织|开展|完成|制定|建立)|应当|应(?!急|用)|须|必须|负责|牵头|会同|联合|配合|协助|定期|每(?=[年月季周半日天学个])|按(?=月|季度|年)|于(?=\d|[一二三四五六七八九十]|年|今|明|本|每|次[年月季周日]|当[年月])|在(?=\d|[一二三四五六七八九十]|年|今|明|本|次[年月季周日]|当[年月])|组织|开展|建立|制定|完成|统筹|推进|推动|研究|指导|督促|落实|加强|做好|实施|编制|出台|健全|完善|核定|印发|对(?=[^，。；]{2,}(?:开展|进行|实施)))`;
/** A name: no clause punctuation; a short bracket inside it stays (各县（市、区）). */
const NAME = String.raw`(?:[^，。；！？：“”（）()]|（[^（）。，；]{1,6}）){2,30}?`;
const SUBJECT = new RegExp(`${OPEN}(${NAME})${AFTER}`, 'g');
const COLLECTIVE = /^(?:有关|相关|各(?:地|级|有关|相关|部门|单位|成员))/;

export const subject: UnitParser = {
  name: 'unit/subject',
  scope: 'subject',
  parse(text) {
    SUBJECT.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SUBJECT.exec(text))) {
      // 配合省发改委开展…, opening the sentence: the work is the named host's (the issuer helps it)
      const helps = /^(?:积极)?(?:配合|协助)(?=[^，。；]{2})/.exec(m[1]);
      const at = m.index + m[0].lastIndexOf(m[1]) + (helps ? helps[0].length : 0);
      const name = helps ? m[1].slice(helps[0].length) : m[1];
      const items = splitList({ text: name, start: at });
      if (!items.length || !items.every((it) => looksLikeUnit(it.text, true) && !COLLECTIVE.test(it.text))) continue;
      const rest = text.slice(at + name.length);
      const sentence = rest.slice(0, rest.search(/[。；！？]|$/));
      // X会同Y，… / X联合Y开展… / X会同Y、Z建立…: Y works with X (the units that open what follows 会同)
      const w = /^(?:将|要)?(?:会同|联合)/.exec(rest);
      const partners = w ? (unitListPrefix(rest.slice(w[0].length), at + name.length + w[0].length)?.items ?? []) : [];
      const supervise = SUPERVISE.test(sentence);
      const role = supervise ? 'supervise' : rest.startsWith('牵头') ? 'lead' : 'responsible';
      // X会同Y开展…: X hosts the work (牵头), Y takes part (配合) — as a ledger writes it; supervisors supervise together
      if (partners.length && /会同/.test(w![0]) && !supervise)
        return { units: [...items.map((it) => foundUnit(it, 'lead', this.name)), ...partners.map((it) => foundUnit(it, 'support', this.name))] };
      const all = [...items, ...partners];
      // X配合Y做好… / X协助Y开展…: Y does the work, X supports it (X配合。 alone: X supports)
      const h = /^(?:要)?(?:配合|协助)/.exec(rest);
      if (h) {
        const hosts = unitListPrefix(rest.slice(h[0].length), at + name.length + h[0].length)?.items ?? [];
        return { units: [...hosts.map((it) => foundUnit(it, role, this.name)), ...items.map((it) => foundUnit(it, 'support', this.name))] };
      }
      const units: FoundUnit[] = all.map((it) => foundUnit(it, role, this.name));
      // X牵头，会同Y、Z，…: the lead's partners support it
      const g = /^牵头[，,]?(?:会同|联合)/.exec(rest);
      const sup = g ? unitListPrefix(rest.slice(g[0].length), at + name.length + g[0].length) : null;
      if (sup) units.push(...sup.items.map((it) => foundUnit(it, 'support', this.name)));
      // X牵头，Y配合，…: the clause after a lead's names its supporters
      // (X牵头，Y具体实施，…: Y does the work under the lead)
      const s = /^(?:牵头|负责)[，,]([^，。；]{2,40}?)(配合|参与|协助|协同|(?:具体|组织|负责)(?:实施|负责|落实)|抓好落实)(?=[，。；]|$)/.exec(rest);
      if (s) {
        const from = at + name.length + s[0].length - s[1].length - s[2].length;
        const sup = splitList({ text: s[1], start: from });
        const role = /实施|负责|落实/.test(s[2]) ? 'responsible' : 'support';
        if (sup.length && sup.every((it) => looksLikeUnit(it.text, true))) units.push(...sup.map((it) => foundUnit(it, role, this.name)));
      }
      return { units };
    }
    return null;
  },
};
