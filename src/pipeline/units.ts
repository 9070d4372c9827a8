/**
 * Unit parentheticals: （省审计厅牵头，省政府有关部门配合）, (…牵头,…负责), （牵头责任单位：…，配合单位：…）,
 * ［…（…）…负责］, （…负责，…会同…督查落实）, （…等按职责分工负责）, （省数字办，省直各部门负责）,
 * （省审计厅负责、省数字办配合）.
 */
import type { Role, TaskUnit } from '../types.js';
import { canonicalName, LEVEL_PREFIX, ORG_SUFFIX, REGION_COLLECTIVE, unitKind } from './unit-table.js';

/** Role words at the end of a clause, longest first. */
const ROLE_SUFFIX = /(?:等(?:有关|相关)?(?:部门|单位)?)?(?:按职责(?:分工)?|分别)?(牵头组织|牵头负责|牵头|负责落实|负责|配合|参与|协助|督查落实|督促落实|督查|督办|组织实施|具体实施|落实|承办)$/;
const LABELLED = /^(牵头责任单位|牵头单位|牵头部门|责任单位|责任部门|主办单位|配合单位|配合部门|协办单位|协办部门|参与单位|督查单位|监督单位)[：:]/;

function roleOfWord(w: string): Role {
  if (w.startsWith('牵头')) return 'lead';
  if (w === '配合' || w === '参与' || w === '协助') return 'support';
  if (w.startsWith('督')) return 'supervise';
  if (w === '承办') return 'responsible';
  return 'responsible';
}
function roleOfLabel(label: string): Role {
  if (label.startsWith('牵头') || label === '主办单位') return 'lead';
  if (label.startsWith('配合') || label.startsWith('协办') || label.startsWith('参与')) return 'support';
  if (label.startsWith('督查') || label.startsWith('监督')) return 'supervise';
  return 'responsible';
}

/** Split on separators at bracket depth 0. */
export function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '（' || ch === '［' || ch === '(' || ch === '[' || ch === '〔') depth++;
    else if (ch === '）' || ch === '］' || ch === ')' || ch === ']' || ch === '〕') depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

function cleanItem(s: string): string {
  return s
    .replace(/^(?:由|请|和|及|以及|与)/, '')
    .replace(/(?:等)(?:有关|相关)?(?:部门|单位)?$/, '')
    .replace(/[。．.、，,；;：:\s]+$/g, '')
    .trim();
}

/** 省发展改革委和省财政厅 → two units; 省工业和信息化厅 stays one (和 inside a name). */
function splitConjunctions(item: string): string[] {
  const m = /^(.+?)(?:和|及|与|以及)((?:省|市|县|区|自治区|各).+)$/.exec(item);
  if (m && ORG_SUFFIX.test(m[1])) return [m[1], ...splitConjunctions(m[2])];
  return [item];
}

function splitList(list: string): string[] {
  const raw = splitTop(list, '、').flatMap(splitConjunctions).map(cleanItem).filter(Boolean);
  // Merge a bare region word with the next item: 各市、县政府 stays one unit.
  const merged: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let item = raw[i];
    // 各市、县政府 is one unit (the suffix is shared); 各区县 on its own is a unit (a collective of governments).
    while (i + 1 < raw.length && (/^(?:县|区|县区|县市区|市县)(?:人民)?政府$/.test(raw[i + 1]) || (!ORG_SUFFIX.test(item.replace(/（[^）]*）$/, '')) && !REGION_COLLECTIVE.test(item)))) item = `${item}、${raw[++i]}`;
    merged.push(item);
  }
  // Inherit a level prefix: 省工商局、人社厅 → 人社厅 is 省人社厅.
  let prefix = '';
  return merged.map((item) => {
    const m = LEVEL_PREFIX.exec(item);
    if (m) {
      prefix = m[1];
      return item;
    }
    if (prefix && /^[\u4e00-\u9fff]{1,6}(?:厅|局|委|办)$/.test(item) && !/^(?:各|有关|相关|省|市|县|区|自治区)/.test(item)) return prefix + item;
    return item;
  });
}

function looksLikeUnit(s: string): boolean {
  const core = s.replace(/（[^）]*）/g, '');
  return core.length >= 2 && core.length <= 40 && (ORG_SUFFIX.test(core) || REGION_COLLECTIVE.test(core) || /^各/.test(core) || /^(?:各级)?[\u4e00-\u9fff]{1,8}(?:部门)?$/.test(core)) && !/[。；]/.test(core);
}

/**
 * Parse the inside of a bracket as a unit parenthetical; null when it is not one
 * (a note such as （包括…）, （以下简称…）, （国办发〔2017〕39号）).
 */
export function parseUnitParen(inner: string): TaskUnit[] | null {
  const body = inner.replace(/[。．.；;\s]+$/g, '').trim();
  if (!body || body.length > 160) return null;
  if (/^(?:包括|含|以下简称|简称|下同|如|即|详见|见|不含|其中|试行|此件)/.test(body)) return null;
  const out: TaskUnit[] = [];
  let pending: string[] = [];
  let sawRole = false;
  const push = (names: string[], role: Role) => {
    for (const name of names) {
      if (!looksLikeUnit(name)) continue;
      const canonical = canonicalName(name);
      if (out.some((u) => u.canonical === canonical && u.role === role)) continue;
      out.push({ name, canonical, kind: unitKind(canonical), role });
    }
  };
  for (let clause of splitTop(body, '，,；;')) {
    const lab = LABELLED.exec(clause);
    if (lab) {
      sawRole = true;
      push(splitList(clause.slice(lab[0].length)), roleOfLabel(lab[1]));
      continue;
    }
    // "A会同B督查落实": A and B supervise.
    const sup = /^(.+?)会同(.+?)(督查落实|督促落实|督查|督办|监督)$/.exec(clause);
    if (sup) {
      sawRole = true;
      push([...splitList(sup[1]), ...splitList(sup[2])], 'supervise');
      continue;
    }
    // Role words inside a 、-list: 省审计厅负责、省数字办配合.
    const parts = splitTop(clause, '、');
    const groups: Array<{ text: string; role: Role | null }> = [];
    let cur: string[] = [];
    for (const part of parts) {
      cur.push(part);
      const m = ROLE_SUFFIX.exec(part);
      if (m) {
        groups.push({ text: cur.join('、').slice(0, cur.join('、').length - m[0].length), role: roleOfWord(m[1]) });
        cur = [];
      }
    }
    if (cur.length) groups.push({ text: cur.join('、'), role: null });
    for (const g of groups) {
      if (g.role === null) {
        pending.push(g.text);
        continue;
      }
      sawRole = true;
      // A clause without its own role takes the role of the next one: （省数字办，省直各部门负责）.
      push([...pending.flatMap(splitList), ...splitList(g.text)], g.role);
      pending = [];
    }
  }
  if (!sawRole) return null;
  if (pending.length) push(pending.flatMap(splitList), 'responsible');
  return out.length ? out : null;
}
