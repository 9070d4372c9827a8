/**
 * Deterministic scale-corpus generator: N plans of many issuers (provinces, cities, counties, departments),
 * years 2015–2026 and topics (agriculture, transport, health, education, ecology, emergency management,
 * housing, finance, culture, e-government, employment, water), written in 公文 style from this file's own
 * templates and the slot vocabularies of bench/vocab.ts. Place, project and unit names are built from
 * syllables, so the vocabulary keeps growing with the number of plans. Plans have 5–300 tasks; some carry an
 * annex task table (|-separated or space-aligned); about one in ten is a saved web page (.html, with
 * navigation and footer noise) and one in twenty a task list (.csv).
 *
 * Every task the generator writes goes into its answer key (text, deadline, units), so that a test can
 * compare what the pipeline extracts with what was written, instead of with the pipeline's own output.
 * Plan k depends only on (seed, k): the first 500 plans of a 5000-plan corpus are the 500-plan corpus.
 *
 *   node dist/bench/generate.js OUT_DIR [--plans 500] [--seed 42] [--key KEY.json]
 *   node dist/bench/generate.js --vocab [--sizes 500,2000,5000] [--seed 42]   (prints vocabulary growth)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITIES, KIND, OTHER_UNITS, PREAMBLE, PROVINCES, SAFEGUARDS, SYLLABLES, TOPICS, type Topic, type UnitKind } from './vocab.js';

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Role = 'lead' | 'responsible' | 'support';

export interface KeyDeadline {
  /** As written in the plan. */
  raw: string;
  /** Last day of the period (YYYY-MM-DD) for a dated deadline; null for a recurring one. */
  date: string | null;
  recurring: null | 'yearly' | 'twice-yearly' | 'quarterly' | 'monthly';
}

/** One task as the generator wrote it. */
export interface KeyTask {
  file: string;
  /** The action text (without its units and, when it stands apart, its deadline). */
  text: string;
  /** null: none written, or an open-ended one (长期坚持, 持续推进). */
  deadline: KeyDeadline | null;
  units: Array<{ name: string; role: Role }>;
  origin: 'prose' | 'annex';
}

export interface GeneratedPlan {
  file: string;
  content: string;
  issuer: string;
  year: number;
  topic: string;
  tasks: KeyTask[];
}

const CN = '〇一二三四五六七八九';
/** 1..99 as Chinese numerals: 一, 十, 十一, 二十三. */
export function cnNumber(n: number): string {
  if (n < 10) return CN[n];
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${t === 1 ? '' : CN[t]}十${u ? CN[u] : ''}`;
}
const cnYear = (y: number) => Array.from(String(y), (d) => CN[Number(d)]).join('');
const pad2 = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

class Gen {
  constructor(public rand: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)];
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  /** k distinct items. */
  some<T>(xs: readonly T[], k: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(Math.floor(this.rand() * pool.length), 1)[0]);
    return out;
  }
  /** A syllable, the first ones of the list more often (Zipf-like). */
  syllable(): string {
    return SYLLABLES[Math.floor(SYLLABLES.length * this.rand() ** 2)];
  }
  /** A place name of two (sometimes three) syllables. */
  place(): string {
    const a = this.syllable();
    let b = this.syllable();
    while (b === a) b = this.syllable();
    return this.chance(0.15) ? a + b + this.syllable() : a + b;
  }
}

type Level = 'prov' | 'city' | 'county';

interface Issuer {
  level: Level;
  /** Full name: 江苏省, 苏州市, 清河县. */
  place: string;
  /** The level prefix units are named with: 省, 市, 县, 区, 自治区. */
  prefix: string;
  /** Document-number abbreviation. */
  abbr: string;
  /** The issuing body's name when a department issues the plan, else null (the government's office). */
  department: string | null;
  /** Names of subordinate places (counties, towns) for units like 清河县人民政府. */
  below: string[];
}

function makeIssuer(g: Gen): Issuer {
  const r = g.rand();
  const below = (suffixes: string[], n: number) => Array.from({ length: n }, () => g.place() + g.pick(suffixes));
  if (r < 0.15) {
    const [place, abbr] = g.pick(PROVINCES);
    const prefix = place.endsWith('省') ? '省' : place.endsWith('市') ? '市' : '自治区';
    return { level: 'prov', place, prefix, abbr, department: null, below: CITIES.slice(0, 0).concat(g.some(CITIES, 4).map((c) => `${c}市`)) };
  }
  if (r < 0.45) {
    const c = g.pick(CITIES);
    return { level: 'city', place: `${c}市`, prefix: '市', abbr: c.slice(0, 1), department: null, below: below(['县', '区', '县', '市'], 4) };
  }
  if (r < 0.78) {
    const suffix = g.pick(['县', '县', '区', '市']);
    const name = g.place();
    const prefix = suffix === '市' ? '市' : suffix;
    return { level: 'county', place: name + suffix, prefix, abbr: name.slice(0, 1), department: null, below: below(['镇', '镇', '乡', '街道'], 5) };
  }
  // a department of a province or city issues a plan of its own sector (named once the topic is known)
  if (g.chance(0.4)) {
    const [place, abbr] = g.pick(PROVINCES);
    const prefix = place.endsWith('省') ? '省' : place.endsWith('市') ? '市' : '自治区';
    return { level: 'prov', place, prefix, abbr, department: '', below: g.some(CITIES, 4).map((c) => `${c}市`) };
  }
  const c = g.pick(CITIES);
  return { level: 'city', place: `${c}市`, prefix: '市', abbr: c.slice(0, 1), department: '', below: below(['县', '区'], 4) };
}

function kindName(kind: UnitKind, level: Level): string {
  return level === 'prov' ? kind.prov : level === 'city' ? kind.city : kind.county;
}

/** A unit of the issuer's level: 市交通运输局, or with the place in full (苏州市交通运输局). */
function unitName(g: Gen, iss: Issuer, key: string, full: boolean): string {
  const kind = KIND.get(key);
  if (!kind) return `${iss.prefix}${key}`;
  return `${full ? iss.place : iss.prefix}${kindName(kind, iss.level)}`;
}

interface Dl {
  raw: string;
  key: KeyDeadline | null;
}

function deadline(g: Gen, year: number): Dl {
  const y = year + g.int(0, 4);
  const r = g.rand();
  if (r < 0.34) {
    const m = g.int(1, 12);
    return { raw: `${y}年${m}月底前`, key: { raw: `${y}年${m}月底前`, date: `${y}-${pad2(m)}-${pad2(lastDay(y, m))}`, recurring: null } };
  }
  if (r < 0.56) return { raw: `${y}年底前`, key: { raw: `${y}年底前`, date: `${y}-12-31`, recurring: null } };
  if (r < 0.64) {
    const m = g.int(1, 12);
    const d = g.int(1, lastDay(y, m));
    return { raw: `${y}年${m}月${d}日前`, key: { raw: `${y}年${m}月${d}日前`, date: `${y}-${pad2(m)}-${pad2(d)}`, recurring: null } };
  }
  if (r < 0.7) return { raw: `${y}年上半年`, key: { raw: `${y}年上半年`, date: `${y}-06-30`, recurring: null } };
  if (r < 0.75) {
    const q = g.int(1, 4);
    return { raw: `${y}年第${CN[q]}季度`, key: { raw: `${y}年第${CN[q]}季度`, date: `${y}-${pad2(q * 3)}-${pad2(lastDay(y, q * 3))}`, recurring: null } };
  }
  if (r < 0.8) return { raw: '每季度', key: { raw: '每季度', date: null, recurring: 'quarterly' } };
  if (r < 0.84) return { raw: '每年', key: { raw: '每年', date: null, recurring: 'yearly' } };
  if (r < 0.86) return { raw: '每月', key: { raw: '每月', date: null, recurring: 'monthly' } };
  if (r < 0.93) return { raw: g.pick(['长期坚持', '持续推进']), key: null };
  return { raw: '', key: null };
}

/** Fills # (a number), % (a percentage) and @ (a place) in a template. */
function fill(g: Gen, s: string): string {
  return s
    .replace(/#/g, () => String(g.chance(0.5) ? g.int(2, 99) : g.int(100, 9999)))
    .replace(/%/g, () => `${g.int(50, 99)}${g.chance(0.3) ? `.${g.int(1, 9)}` : ''}%`)
    .replace(/@/g, () => g.place());
}

interface TaskParts {
  /** Action text. */
  body: string;
  dl: Dl;
  lead: string[];
  support: string[];
  /** 负责 instead of 牵头 (a single responsible unit). */
  responsible: boolean;
}

function taskParts(g: Gen, iss: Issuer, topic: Topic, year: number): TaskParts {
  const full = g.chance(0.25);
  const obj = g.chance(0.25) ? `${fill(g, g.pick(topic.projects))}${g.pick(['建设', '项目', '前期工作', '改造'])}` : g.pick(topic.objects);
  let body = `${g.pick(topic.verbs)}${obj}`;
  const r = g.rand();
  if (r < 0.45) body += `，${fill(g, g.pick(topic.amounts))}`;
  else if (r < 0.8) body += `，${g.pick(topic.goals)}`;
  else body += `，${g.pick(['加强统筹协调', '健全工作机制', '强化督促指导', '开展专项督查'])}，${g.pick(topic.goals)}`;
  if (g.chance(0.15) && iss.below.length) body = `指导${g.pick(iss.below)}${body}`;
  const leadKeys = g.some(topic.leads, g.chance(0.2) ? 2 : 1);
  const lead = leadKeys.map((k) => unitName(g, iss, k, full));
  const nSup = g.int(0, 3);
  const support = g.some(topic.support.filter((k) => !leadKeys.includes(k)), nSup).map((k) => unitName(g, iss, k, full));
  if (g.chance(0.12)) support.push(iss.level === 'county' ? `${iss.prefix}${g.pick(OTHER_UNITS)}` : `${iss.place}${g.pick(OTHER_UNITS)}`);
  if (g.chance(0.15) && iss.below.length) support.push(`${g.pick(iss.below)}人民政府`);
  return { body, dl: deadline(g, year), lead, support, responsible: lead.length === 1 && support.length === 0 && g.chance(0.6) };
}

function unitsOf(p: TaskParts): Array<{ name: string; role: Role }> {
  return [...p.lead.map((name) => ({ name, role: (p.responsible ? 'responsible' : 'lead') as Role })), ...p.support.map((name) => ({ name, role: 'support' as Role }))];
}

/** The prose of one task (one paragraph, or a paragraph and its labelled lines). */
function proseTask(g: Gen, p: TaskParts): string {
  const dl = p.dl.raw;
  const recurringOrOpen = !p.dl.key || p.dl.key.recurring;
  let sentence: string;
  if (!dl) sentence = `${p.body}。`;
  else if (recurringOrOpen) sentence = p.dl.key ? `${p.body}，${dl}调度一次工作进展。` : `${p.body}，${dl}。`;
  else if (g.chance(0.7)) sentence = `${dl}，${p.body}。`;
  else sentence = `${p.body}，${dl}${g.pick(['完成', '全面完成', '取得阶段性成果'])}。`;
  const r = g.rand();
  const sup = p.support.join('、');
  if (r < 0.62) {
    const who = p.responsible ? `${p.lead[0]}负责` : `${p.lead.join('、')}牵头${sup ? `，${sup}配合` : ''}`;
    return `${sentence.replace(/。$/, '')}。（${who}）`;
  }
  if (r < 0.82) {
    // labelled lines: the deadline moves to its own line when it is a dated one
    const lines = [!dl || recurringOrOpen ? sentence : `${p.body}。`];
    if (p.responsible) lines.push(`责任单位：${p.lead[0]}`);
    else {
      lines.push(`牵头单位：${p.lead.join('、')}`);
      if (sup) lines.push(`配合单位：${sup}`);
    }
    if (dl && !recurringOrOpen) lines.push(`完成时限：${dl}`);
    return lines.join('\n');
  }
  const who = p.responsible ? `由${p.lead[0]}负责` : `由${p.lead.join('、')}牵头${sup ? `，${sup}配合` : '负责'}`;
  return `${sentence.replace(/。$/, '')}，${who}。`;
}

interface AnnexLayout {
  headers: string[];
  sep: 'pipe' | 'space' | 'tab';
}

function annexLayout(g: Gen, sep: AnnexLayout['sep']): AnnexLayout {
  return { headers: g.pick([['序号', '重点任务', '责任单位', '完成时限'], ['序号', '工作任务', '牵头单位', '配合单位', '时间节点'], ['序号', '主要任务', '责任单位', '完成时间']]), sep };
}

function annexCells(layout: AnnexLayout, i: number, p: TaskParts): string[] {
  const time = p.dl.raw || '持续推进';
  if (layout.headers.length === 5) return [String(i), p.body, p.lead.join('、'), p.support.join('、') || '—', time];
  return [String(i), p.body, [...p.lead, ...p.support].join('、'), time];
}

function annexKeyUnits(layout: AnnexLayout, p: TaskParts): KeyTask['units'] {
  if (layout.headers.length === 5) return [...p.lead.map((name) => ({ name, role: 'lead' as Role })), ...p.support.map((name) => ({ name, role: 'support' as Role }))];
  return [...p.lead, ...p.support].map((name) => ({ name, role: 'responsible' as Role }));
}

function joinRow(cells: string[], sep: AnnexLayout['sep']): string {
  if (sep === 'pipe') return cells.join('|');
  if (sep === 'tab') return cells.join('\t');
  return cells.map((c, i) => (i < cells.length - 1 ? c + ' '.repeat(Math.max(2, 4 - (c.length % 3))) : c)).join('');
}

const HTML_ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => HTML_ESC[c]);

/** Plan k of the corpus of this seed. */
export function generatePlan(seed: number, k: number): GeneratedPlan {
  const g = new Gen(rng((Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(k + 1, 0xc2b2ae35)) >>> 0));
  const iss = makeIssuer(g);
  const topic = g.pick(TOPICS);
  const others = g.some(TOPICS.filter((t) => t !== topic), g.int(0, 2));
  const year = g.int(2015, 2026);
  const month = g.int(1, 12);
  const day = g.int(1, lastDay(year, month));
  if (iss.department === '') iss.department = unitName(g, iss, topic.leads[0], true);
  const span = g.chance(0.4) ? `（${year}—${year + g.int(2, 5)}年）` : '';
  const title = `${iss.place}${g.pick(topic.titles)}${span}`;
  // size: mostly 10–60 tasks, a long tail up to 300
  const nTasks = 5 + Math.floor(295 * g.rand() ** 3.5);
  const r = g.rand();
  const format: 'txt' | 'html' | 'csv' = r < 0.1 ? 'html' : r < 0.15 ? 'csv' : 'txt';
  const annexShare = format === 'csv' ? 1 : g.chance(0.3) ? (nTasks > 80 ? 0.7 : 0.3) : 0;
  const nAnnex = Math.round(nTasks * annexShare);
  const nProse = nTasks - nAnnex;
  const sep: AnnexLayout['sep'] = format === 'csv' ? 'tab' : g.chance(0.6) ? 'pipe' : 'space';
  const layout = annexLayout(g, sep);
  const file = `p${String(k).padStart(5, '0')}-${topic.name}.${format}`;
  const tasks: KeyTask[] = [];
  // Every task's text is unique in its plan (so that the answer key names one task).
  const bodies = new Set<string>();
  const unique = (t: Topic): TaskParts => {
    let p = taskParts(g, iss, t, year);
    for (let i = 0; bodies.has(p.body) && i < 20; i++) p = taskParts(g, iss, t, year);
    if (bodies.has(p.body)) p.body += `，${fill(g, g.pick(t.amounts))}`;
    bodies.add(p.body);
    return p;
  };

  // ---- prose
  const lines: string[] = [];
  const office = iss.department ?? `${iss.place}人民政府${iss.level === 'prov' ? '办公厅' : '办公室'}`;
  const docNo = `${iss.abbr}${iss.department ? g.pick(['发', '字', '规']) : '政办发'}〔${year}〕${g.int(1, 120)}号`;
  lines.push(`${office}关于印发${title}的通知`, docNo);
  lines.push(iss.level === 'prov' ? '各市、县（市、区）人民政府，省政府各部门、各直属机构：' : iss.level === 'city' ? '各县（市、区）人民政府，市政府各部门：' : '各乡镇人民政府、街道办事处，县直各单位：');
  lines.push(`《${title}》已经${iss.level === 'prov' ? '省' : iss.prefix}政府同意，现印发给你们，请结合实际认真贯彻落实。`);
  lines.push(office, `${year}年${month}月${day}日`, '', title);
  lines.push(`为${g.pick(topic.goals)}，根据国家和${iss.level === 'prov' ? '本省' : '省'}有关部署，结合${iss.place}实际，制定本方案。`);
  lines.push('一、总体要求', `（一）指导思想。${fill(g, g.pick(PREAMBLE))}`, `（二）基本原则。${fill(g, g.pick(PREAMBLE))}`);
  lines.push(`（三）主要目标。到${year + g.int(2, 5)}年，${fill(g, g.pick(topic.amounts))}，${fill(g, g.pick(topic.amounts))}，${g.pick(topic.goals)}。`);
  lines.push('二、重点任务');
  const sectionTopics = [topic, ...others];
  let left = nProse;
  let sec = 0;
  const numbered = g.chance(0.4);
  while (left > 0) {
    const t = sec === 0 ? topic : g.pick(sectionTopics);
    const n = Math.min(left, g.int(2, 9));
    sec++;
    const head = sec <= t.heads.length * 2 ? g.pick(t.heads) : `推进${fill(g, g.pick(t.projects))}建设`;
    const inline = !numbered && g.chance(0.3);
    if (!inline) lines.push(`（${cnNumber(sec)}）${head}`);
    for (let i = 0; i < n; i++) {
      const p = unique(t);
      let para = proseTask(g, p);
      if (numbered) para = `${i + 1}.${para}`;
      else if (inline && i === 0) para = `（${cnNumber(sec)}）${head}。${para}`;
      lines.push(...para.split('\n'));
      tasks.push({ file, text: p.body, deadline: p.dl.key, units: unitsOf(p), origin: 'prose' });
    }
    left -= n;
  }
  lines.push('三、保障措施');
  g.some(SAFEGUARDS, g.int(2, 4)).forEach((s, i) => lines.push(`（${cnNumber(i + 1)}）${['加强组织领导', '强化要素保障', '严格督导考核', '加强宣传引导'][i]}。${s}`));

  // ---- annex
  const annexRows: string[][] = [];
  for (let i = 0; i < nAnnex; i++) {
    const p = unique(g.pick(sectionTopics));
    annexRows.push(annexCells(layout, i + 1, p));
    tasks.push({ file, text: p.body, deadline: p.dl.key, units: annexKeyUnits(layout, p), origin: 'annex' });
  }
  const annexTitle = `${title}${g.pick(['重点任务分工表', '重点任务清单', '任务分解表'])}`;

  let content: string;
  if (format === 'csv') {
    const q = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    content = [annexTitle, layout.headers.map(q).join(','), ...annexRows.map((r) => r.map(q).join(','))].join('\n') + '\n';
  } else if (format === 'html') {
    const body: string[] = [];
    for (const l of lines) body.push(l === title ? `<h1>${esc(l)}</h1>` : l ? `<p>${esc(l)}</p>` : '');
    if (nAnnex) {
      body.push('<p>附件</p>', `<p>${esc(annexTitle)}</p>`, '<table>', `<tr>${layout.headers.map((h) => `<th>${h}</th>`).join('')}</tr>`);
      for (const r of annexRows) body.push(`<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`);
      body.push('</table>');
    }
    content = [
      '<!DOCTYPE html>',
      `<html><head><meta charset="utf-8"><title>${esc(title)}_${esc(iss.place)}人民政府门户网站</title><script>var _hmt=_hmt||[];</script></head><body>`,
      `<div class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/zcwj/">政策文件</a> | <a href="/hdjl/">互动交流</a></div>`,
      `<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>`,
      '<div class="article">',
      ...body,
      '</div>',
      '<div class="share">分享到：微信 微博</div>',
      `<div class="footer"><p>主办单位：${esc(iss.place)}人民政府办公室</p><p>网站标识码：${g.int(1000000000, 9999999999)} ICP备${g.int(10000000, 99999999)}号</p></div>`,
      '</body></html>',
    ].join('\n');
  } else {
    if (nAnnex) {
      lines.push('', '附件', annexTitle, joinRow(layout.headers, sep), ...annexRows.map((r) => joinRow(r, sep)));
    }
    content = lines.join('\n') + '\n';
    if (k % 10 === 3) content = content.replace(/\n/g, '\r\n');
  }
  return { file, content, issuer: office, year, topic: topic.name, tasks };
}

/** Plans 0..n-1 of a seed. */
export function* generatePlans(seed: number, n: number): Generator<GeneratedPlan> {
  for (let k = 0; k < n; k++) yield generatePlan(seed, k);
}

export interface GenerateOptions {
  outDir: string;
  plans?: number;
  seed?: number;
  /** Also return the answer key (every task written). */
  withKey?: boolean;
}

export interface Generated {
  files: string[];
  bytes: number;
  /** With withKey: the answer key. */
  key?: KeyTask[];
}

/** Writes `plans` files into outDir (created if needed). Same options → byte-identical files. */
export function generateScaleCorpus(opts: GenerateOptions): Generated {
  const n = opts.plans ?? 500;
  const seed = opts.seed ?? 42;
  mkdirSync(opts.outDir, { recursive: true });
  const files: string[] = [];
  const key: KeyTask[] = [];
  let bytes = 0;
  for (const p of generatePlans(seed, n)) {
    const buf = Buffer.from(p.content, 'utf8');
    writeFileSync(join(opts.outDir, p.file), buf);
    files.push(p.file);
    bytes += buf.length;
    if (opts.withKey) key.push(...p.tasks);
  }
  return { files, bytes, ...(opts.withKey ? { key } : {}) };
}

export interface VocabularyPoint {
  plans: number;
  tasks: number;
  bytes: number;
  /** Distinct pairs of adjacent CJK characters in all text. */
  bigrams: number;
  /** Distinct unit names in the answer key. */
  units: number;
}

/** Vocabulary growth at each size (one pass over the largest; the corpus of size n is its first n plans). */
export function vocabularyGrowth(seed: number, sizes: number[]): VocabularyPoint[] {
  const sorted = [...sizes].sort((a, b) => a - b);
  const bigrams = new Set<number>();
  const units = new Set<string>();
  const out: VocabularyPoint[] = [];
  let tasks = 0;
  let bytes = 0;
  let k = 0;
  for (const size of sorted) {
    for (; k < size; k++) {
      const p = generatePlan(seed, k);
      bytes += Buffer.byteLength(p.content);
      tasks += p.tasks.length;
      for (const t of p.tasks) for (const u of t.units) units.add(u.name);
      const s = p.content;
      let prev = -1;
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const cjk = c >= 0x4e00 && c <= 0x9fff;
        if (cjk && prev >= 0) bigrams.add(prev * 65536 + c);
        prev = cjk ? c : -1;
      }
    }
    out.push({ plans: size, tasks, bytes, bigrams: bigrams.size, units: units.size });
  }
  return out;
}

function isMain(): boolean {
  try {
    return Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isMain()) {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const seed = Number(flag('seed') ?? 42);
  if (args.includes('--vocab')) {
    const sizes = (flag('sizes') ?? '500,2000,5000').split(',').map(Number);
    for (const v of vocabularyGrowth(seed, sizes)) process.stdout.write(`${v.plans} plans: ${v.tasks} tasks, ${(v.bytes / 1e6).toFixed(1)} MB, ${v.bigrams} distinct CJK bigrams, ${v.units} distinct unit names\n`);
  } else {
    const out = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
    if (!out) {
      process.stderr.write('usage: node dist/bench/generate.js OUT_DIR [--plans 500] [--seed 42] [--key KEY.json]\n       node dist/bench/generate.js --vocab [--sizes 500,2000,5000]\n');
      process.exitCode = 2;
    } else {
      const keyFile = flag('key');
      const r = generateScaleCorpus({ outDir: out, plans: Number(flag('plans') ?? 500), seed, withKey: Boolean(keyFile) });
      if (keyFile) writeFileSync(keyFile, JSON.stringify(r.key, null, 1));
      process.stdout.write(`${r.files.length} plans, ${(r.bytes / 1e6).toFixed(1)} MB → ${out}${keyFile ? ` (answer key: ${keyFile})` : ''}\n`);
    }
  }
}
