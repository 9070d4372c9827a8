/**
 * The grammar of unit attributions shared by every unit parser: lists of names (、 和 及 会同), role words
 * at the end of a clause (牵头 / 负责 / 配合 / 督查 …), labels (牵头单位：…), and what is not a unit
 * (people, time limits, notes). Generic conventions of official documents; no office names here.
 */
import type { Role } from '../../types.js';
import { LEVEL_PREFIX, ORG_SUFFIX, REGION_COLLECTIVE } from '../tables/units.js';
import { splitTop, trim, type Piece } from './pieces.js';

export interface FoundUnit {
  /** The name (folded reading) and its span in the parsed string. */
  name: string;
  start: number;
  end: number;
  role: Role;
  /** Level prefix inherited from a neighbour (省工商局、人社厅 → 省), for the canonical name. */
  prefix: string;
  /** Suffix shared with the list's last item (合肥、芜湖市人民政府 → 市人民政府), for the canonical name. */
  suffix: string;
  rule: string;
}

/** Role words at the end of a clause, longest first. */
export const ROLE_SUFFIX = /(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按职责(?:分工)?|分别|共同|具体|统一|跟进|跟踪)?(牵头(?:组织|负责|抓总|汇总|协调|统筹)?|负责(?:督查|督办|督导|监督|监管|(?:业务|技术|工作)?指导)|负责(?:具体)?(?:落实|汇总|统筹|协调|组织|实施|推进)?|负总责|配合|参与|协助|协办|督查落实|督促落实|督查|督办|督导|(?:业务|统筹|工作)?指导|监督|组织实施|具体实施|(?:落实|履行|压实)属地(?:管理)?责任|属地负责|落实|承办)$/;
/** Labels of unit fields: 牵头单位：… 责任科室：… 协同责任单位：… */
export const UNIT_LABEL = /^[【\[［]?((?:牵头|主办|主责|责任|承办|配合|协同|协办|参与|督办|督查|监督)(?:责任|负责)?(?:单位|部门|科室|处室|股室|机构|司局|处|科|股))(?:[】\]］][：:]?|[：:])/;
/** Labels of people, not units: 牵头负责领导：某某 / 责任人：… */
export const PERSON_LABEL = /^[【\[［]?(?:牵头(?:负责)?领导|责任领导|分管领导|联系领导|责任人|联系人|经办人)(?:[】\]］][：:]?|[：:])/;
/** Labels of time limits. */
export const TIME_LABEL = /^[【\[［]?(?:完成时限|整改时限|整改期限|时限要求|完成时间|时间节点|时间要求|进度安排|完成期限)(?:[】\]］][：:]?|[：:])/;
/** A clause that states time, an ongoing effort or a note, not units. */
const TIME_OR_NOTE = /(?:\d|[〇零一二三四五六七八九十]{1,4}年|年底|年内|月底|季度|持续|长期|坚持|常态|推进|完成|以下|下同|不再|一一|列出|均需|均由|列第|为牵头|汇总单位|具体见|详见)/;
/** What a unit's name never holds. */
const NOT_A_NAME = /(?:^(?:主动|自觉)?接受|^(?:对|向|把|从|就|针对|围绕|面向)(?=全|各|本|所有|辖区|重点|有关|相关|[省市县区镇乡村])|\d|由|的|情况|年底|年内|月底|季度|持续|长期|坚持|常态|以下|下同|不再|一一|列出|均需|列第|为牵头|汇总单位|要|将|应当|领导$|同志$)/;

/** Work that is supervision (a clause whose verb is one of these makes its subject supervise). 监督检查 of the work
 * (工作落实情况的监督检查) is; of a sector (县市场监管局负责学校食堂食品安全监督检查) it is the unit's own work; a unit's name
 * (督查室, 督办处: X牵头，督查室配合，建立…) is not. */
export const SUPERVISE_WORK = /(?:督查|督办|督导)(?![室处科股组局办中委])|督促检查|(?<=(?:工作|任务|落实|进展|进度|情况|执行|实施)[^，。；]{0,8})监督检查|(?:督促落实|负责(?:业务|技术)?指导)(?:工作)?(?=[，。；]|$)/;

export function roleOfWord(w: string): Role {
  if (w.startsWith('牵头')) return 'lead';
  if (w === '配合' || w === '参与' || w === '协助' || w === '协办') return 'support';
  // 指导 / 监督 oversee the work as 督查 does
  if (w.startsWith('督') || /^负责(?:督|监督|监管)/.test(w) || w.endsWith('指导') || w === '监督' || w === '监管') return 'supervise';
  return 'responsible';
}

export function roleOfLabel(label: string): Role {
  if (/^(?:牵头|主办|主责)/.test(label)) return 'lead';
  if (/^(?:配合|协办|参与|协同)/.test(label)) return 'support';
  if (/^(?:督|监督)/.test(label)) return 'supervise';
  return 'responsible';
}

const LEAD_WORDS = /^(?:由|请|和|及|以及|与|会同)/;
const TRAIL_WORDS = /(?:等)(?:有关|相关)?(?:部门|单位)?$|[。．.、，,；;：:\s]+$/;
/** A trailing bracketed note inside a list item: 工商联（列第一位者为牵头单位，下同）. */
const TRAIL_NOTE = /[（(][^（）()]*(?:下同|牵头|汇总|列第|以下|负责)[^（）()]*[)）]$/;

/** A role marked in brackets after a name: 市住建局（牵头）. */
const ROLE_MARK = /[（(]((?:牵头|配合|参与|协助|协办|负责))(?:单位)?[)）]$/;

/** 市住建局（牵头） → the name before the mark and the role it marks; null without one. */
function roleMark(name: string): { name: string; role: Role } | null {
  const m = ROLE_MARK.exec(name);
  return m ? { name: name.slice(0, m.index).trim(), role: roleOfWord(m[1]) } : null;
}

function cleanItem(p: Piece): Piece & { role?: Role } {
  let q = trim(p, LEAD_WORDS);
  const mark = roleMark(q.text);
  if (mark) return { ...trim({ text: mark.name, start: q.start }, undefined, TRAIL_WORDS), role: mark.role };
  q = { text: q.text.replace(TRAIL_NOTE, ''), start: q.start };
  q = trim(q, undefined, TRAIL_WORDS);
  return trim(q, undefined, TRAIL_WORDS);
}

/** 省发展改革委和省财政厅 → two units; 省工业和信息化厅 stays one (和 inside a name). */
function splitConjunctions(p: Piece): Piece[] {
  const m = /^(.+?)(和|及|与|以及|会同)((?:省|市|县|区|州|自治区|各|国务院|中央).+)$/.exec(p.text);
  // 州委编办及州直相关单位 stays one: a specific unit "and the related ones" is one attribution.
  if (m && (ORG_SUFFIX.test(m[1]) || m[2] === '会同') && (m[2] === '会同' || !/^.{0,3}(?:直|各|有关|相关)/.test(m[3]))) {
    const second = { text: m[3], start: p.start + m[1].length + m[2].length };
    return [{ text: m[1], start: p.start }, ...splitConjunctions(second)];
  }
  return [p];
}

/** A level word standing for the governments of that level: 县 / 市 / 区政府 (in 各县、市、区政府). */
const LEVEL_TAIL = /^(?:县|市|区|州|旗|乡|镇|乡镇|街道|县区|市县|县市区)(?:人民)?(?:政府|办事处)?$/;
const BARE_COLLECTIVE = /^各(?:设区市|区县|市州|市县|县市区|县|市|区|州|旗|乡镇|乡|镇|街道|地)$/;
/** A place name with its level: 银川市, 芜湖 (bare, before 、…市人民政府). */
const PLACE = /^[\u4e00-\u9fff]{2,4}(?:市|县|区|州|盟|旗)$/;
const BARE_PLACE = /^[\u4e00-\u9fff]{2,4}$/;
const SHARED_SUFFIX = /^([\u4e00-\u9fff]{2,6}?)((?:市|县|区|州)(?:人民政府|政府|委员会))$/;

export interface ListItem extends Piece {
  prefix: string;
  suffix: string;
  /** A role the item carries itself (市住建局（牵头）), over the list's. */
  role?: Role;
}

/** A list item found with a role by a rule. */
export function foundUnit(it: ListItem, role: Role, rule: string): FoundUnit {
  return { name: it.text, start: it.start, end: it.start + it.text.length, role, prefix: it.prefix, suffix: it.suffix, rule };
}

export function splitList(list: Piece): ListItem[] {
  const raw = splitTop(list, '、').flatMap(splitConjunctions).map(cleanItem).filter((x) => x.text);
  const merged: Array<Piece & { role?: Role }> = [];
  for (let i = 0; i < raw.length; i++) {
    let item = raw[i];
    const join = () => {
      const next = raw[++i];
      item = { text: `${item.text}、${next.text}`, start: item.start };
      item = { text: listText(list, item.start, next.start + next.text.length), start: item.start, role: next.role };
    };
    // 各县、市、区政府 is one unit: the level words share the suffix of the last one.
    if (BARE_COLLECTIVE.test(item.text) || /^各[^、]*、/.test(item.text)) {
      while (i + 1 < raw.length && LEVEL_TAIL.test(raw[i + 1].text)) join();
      // 各市、县医疗保障局 / 各市、县（区）水务局: the bodies of each level share the department named after the last level word.
      if (/^各[市县区乡镇旗州](?:、[市县区乡镇旗州])*$/.test(item.text) && i + 1 < raw.length && /^[市县区乡镇旗州](?:（[^）]{1,6}）)?[\u4e00-\u9fff]{2,12}$/.test(raw[i + 1].text) && ORG_SUFFIX.test(raw[i + 1].text) && raw[i + 1].text[0] !== item.text[1]) join();
    }
    // 各级财政、发改部门: an item that names no organisation takes the next one's suffix.
    while (i + 1 < raw.length && /^各级/.test(item.text) && !ORG_SUFFIX.test(item.text) && raw[i + 1].text.length <= 8) join();
    merged.push(item);
  }
  // 合肥、芜湖、阜阳市人民政府: bare place names share the last item's level and suffix.
  const suffixes: string[] = merged.map(() => '');
  for (let i = merged.length - 1; i > 0; i--) {
    const m = SHARED_SUFFIX.exec(merged[i].text);
    if (!m) continue;
    let k = i - 1;
    // (九江市、上饶市人民政府: the place already has its level, it takes 人民政府 only)
    while (k >= 0 && BARE_PLACE.test(merged[k].text) && !ORG_SUFFIX.test(merged[k].text) && !/^各|有关|相关/.test(merged[k].text)) {
      suffixes[k] = merged[k].text.endsWith(m[2][0]) ? m[2].slice(1) : m[2];
      k--;
    }
  }
  // Inherit a level prefix: 省工商局、人社厅 → 人社厅 is 省人社厅 (for the canonical name).
  let prefix = '';
  return merged.map((item, i) => {
    const m = LEVEL_PREFIX.exec(item.text);
    if (m) {
      prefix = m[1];
      return { ...item, prefix: '', suffix: suffixes[i] };
    }
    // (团市委, 团县委 name their level already)
    const inherit = prefix && /^[\u4e00-\u9fff]{1,8}(?:厅|局|委|办)$/.test(item.text) && !/^(?:各|有关|相关|省|市|县|区|自治区)/.test(item.text) && !/[省市县区]委$/.test(item.text);
    return { ...item, prefix: inherit ? prefix : '', suffix: suffixes[i] };
  });
}

function listText(list: Piece, from: number, to: number): string {
  return list.text.slice(from - list.start, to - list.start);
}

/**
 * The opening of `s` (before its first ，。；, at most 60 characters) that is a list of units, each ending like an
 * organisation, up to where the work begins: 市水利局建立预警联动机制 → 市水利局; 团市委、市妇联在全市… → 团市委、市妇联;
 * 市委编办研究… → 市委编办 (not 市委). Null when none.
 */
export function unitListPrefix(s: string, start = 0): { text: string; items: ListItem[] } | null {
  const stop = Math.min(s.search(/[，。；,;！？]|$/), 60);
  const valid = (k: number) => {
    const text = s.slice(0, k);
    if (!ORG_SUFFIX.test(text) && !REGION_COLLECTIVE.test(text.replace(/^.*、/, ''))) return null;
    const items = splitList({ text, start });
    return items.length && items.every((it) => looksLikeUnit(it.text, true)) ? { text, items } : null;
  };
  // The list ends where the work begins (a verb, a modal, a time or place adverbial) or at a pause; a name may
  // hold a shorter one (市委 in 市委编办), so a valid opening not followed by such a word is extended.
  let last: { text: string; items: ListItem[] } | null = null;
  for (let k = 2; k <= stop; k++) {
    const v = valid(k);
    if (!v) continue;
    last = v;
    if (k === stop || WORK_START.test(s.slice(k))) return v;
  }
  return last;
}

/** What opens the work after the units that do it: a verb, a modal, an adverbial of time, place or manner. */
export const WORK_START = /^(?:建立|建设|开展|研究|制定|组织|推进|推动|实施|进行|负责|牵头|做好|加强|完善|落实|指导|督促|统筹|出台|编制|开发|联合|会同|共同|定期|对|在|于|按|要|将|应|须|必须|每|及时|全面|切实|认真|持续|深入|抓好|做实|核定|确定|印发|发布|完成|启动|召开|举办|监督|检查|排查|整治|清理|审核|评估|配合|参与|协助)/;

/**
 * Does the name look like a unit? `strict` (bare sentences, not brackets): it must end like an
 * organisation, be a collective of governments, or a place with its level.
 */
export function looksLikeUnit(s: string, strict = false): boolean {
  const core = s.replace(/（[^）]*）|\([^)]*\)/g, '');
  if (core.length < 2 || core.length > 40 || /[。；]/.test(core) || NOT_A_NAME.test(core)) return false;
  if (ORG_SUFFIX.test(core) || REGION_COLLECTIVE.test(core) || PLACE.test(core)) return true;
  if (/^各/.test(core)) return !strict || /(?:部门|单位|机构|科室)$|^各(?:地|级|地区)$/.test(core);
  return !strict && /^(?:各级)?[\u4e00-\u9fff]{1,8}(?:部门)?$/.test(core);
}

export interface ClauseOptions {
  rule: string;
  /** Every clause must carry a role and every name must look like a unit (bare text outside brackets). */
  strict?: boolean;
}

/**
 * Parse a run of role clauses: 省审计厅牵头，省政府有关部门配合 / 牵头单位：…；责任单位：… /
 * A会同B督查落实 / 省数字办，省直各部门负责 (a clause without a role takes the next one's).
 * Null when no clause carries a role (or, strict, when any clause is not a unit clause).
 */
export function parseRoleClauses(body: Piece, opts: ClauseOptions): FoundUnit[] | null {
  const out: FoundUnit[] = [];
  let pending: Piece[] = [];
  let sawRole = false;
  let bad = false;
  let labelRole: Role | null = null; // 牵头单位：A，B → B continues the label's list
  const push = (items: ListItem[], role: Role) => {
    for (const it of items) {
      // a bare place sharing the list's suffix (安丰、石桥、清河县人民政府) is a unit too
      if (!looksLikeUnit(it.text, opts.strict) && !(it.suffix && /^[\u4e00-\u9fff]{2,4}$/.test(it.text))) {
        bad = true;
        continue;
      }
      if (out.some((u) => u.name === it.text && u.role === (it.role ?? role))) continue;
      out.push(foundUnit(it, it.role ?? role, opts.rule));
    }
  };
  for (const clause of splitTop(body, '，,；;')) {
    if (PERSON_LABEL.test(clause.text) || TIME_LABEL.test(clause.text)) {
      labelRole = null;
      continue;
    }
    const lab = UNIT_LABEL.exec(clause.text);
    if (lab) {
      sawRole = true;
      labelRole = roleOfLabel(lab[1]);
      // 责任单位：省住建厅牵头 / 责任单位：A、B按职责分工负责: a role word after the names says more than the
      // label (牵头 makes a lead), unless it only repeats the label's role.
      const rest = { text: clause.text.slice(lab[0].length), start: clause.start + lab[0].length };
      const m = ROLE_SUFFIX.exec(rest.text);
      if (m && m[0].length < rest.text.length) {
        const r = roleOfWord(m[1]);
        push(splitList({ text: rest.text.slice(0, rest.text.length - m[0].length), start: rest.start }), r === 'responsible' ? labelRole : r);
      } else push(splitList(rest), labelRole);
      continue;
    }
    // A time limit or ongoing note inside the bracket: （…，6月底完成） / （…，年内持续推进）.
    if (TIME_OR_NOTE.test(clause.text) && !ROLE_SUFFIX.test(clause.text)) {
      if (opts.strict) bad = true;
      continue;
    }
    if (labelRole && !ROLE_SUFFIX.test(clause.text)) {
      push(splitList(clause), labelRole);
      continue;
    }
    // "A会同B督查落实": A and B supervise.
    const sup = /^(.+?)会同(.+?)(督查落实|督促落实|督查|督办|监督)$/.exec(clause.text);
    if (sup) {
      sawRole = true;
      const a = { text: sup[1], start: clause.start };
      const b = { text: sup[2], start: clause.start + sup[1].length + 2 };
      push([...splitList(a), ...splitList(b)], 'supervise');
      continue;
    }
    // Role words inside a 、-list: 省审计厅负责、省数字办配合.
    const parts = splitTop(clause, '、');
    let cur: Piece | null = null;
    for (const part of parts) {
      cur = cur ? { text: body.text.slice(cur.start - body.start, part.start - body.start + part.text.length), start: cur.start } : part;
      const m = ROLE_SUFFIX.exec(cur.text);
      if (m) {
        sawRole = true;
        const names = { text: cur.text.slice(0, cur.text.length - m[0].length), start: cur.start };
        push([...pending.flatMap(splitList), ...splitList(names)], roleOfWord(m[1]));
        pending = [];
        cur = null;
      }
    }
    if (cur) {
      if (opts.strict) bad = true;
      pending.push(cur);
    }
  }
  if (!sawRole) return null;
  if (pending.length) push(pending.flatMap(splitList), 'responsible');
  if (opts.strict && bad) return null;
  return out.length ? out : null;
}
