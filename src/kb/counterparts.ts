/**
 * Counterparts: for every task, its best-matching task in each other plan (or none), computed when the
 * knowledge base is built and topic-free. Similarity is the cosine of TF-IDF vectors of words
 * (Intl.Segmenter) and character bigrams/trigrams — half of the whole task texts (with the task's own section title as a weaker second field), half
 * of their best pair of sentences (a requirement is usually one sentence of a longer task) — so boilerplate
 * that every task shares weighs little; it is refined by what the tasks carry (the same deadline form, the same lead
 * unit kind). An inverted index over the bigrams gives the candidates — no all-pairs comparison — and the
 * most common bigrams (in more than MAX_DF of the tasks) are left out of it: n·(postings) work, linear in
 * the tasks for a fixed vocabulary share. Deterministic: ties go to the smaller task id.
 */
import type { Task } from '../types.js';

export interface Counterpart {
  planId: string;
  taskId: string;
  /** 0–1. */
  score: number;
  /** The requirement clauses of the task ([start, end) in its text) this counterpart answers; absent when
   * the task is a single clause. A task that states several requirements can have a counterpart per clause,
   * so several in one plan. */
  clauses?: Array<[number, number]>;
}

export interface CounterpartOptions {
  /** Below this score a plan has no counterpart. */
  threshold?: number;
  /** Bigrams in more than this share of tasks are boilerplate: not indexed. */
  maxDf?: number;
}

export const COUNTERPART_THRESHOLD = 0.3;
const MAX_DF = 0.2;
/** …and never in more than this many (a feature that common cannot single out a requirement; keeps the work
 * per task bounded, so the build stays linear in the tasks). */
const MAX_POSTINGS = 50;
const SECTION_WEIGHT = 0.35;
/** Weight of the best sentence pair against the whole-task similarity. */
/** Weight of the best sentence pair against the whole-task similarity. */
const SENTENCE_SHARE = 0.6;
/** Character n-grams weigh half of a word (Intl.Segmenter): they catch what segmentation splits oddly. */
const GRAM_WEIGHT = 0.5;

const KEEP = /[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]/;

function grams(s: string, out: Map<string, number>, weight: number): void {
  let prev = '';
  for (const ch of s) {
    if (!KEEP.test(ch)) {
      prev = '';
      continue;
    }
    if (prev) out.set(prev + ch, (out.get(prev + ch) ?? 0) + weight);
    prev = ch;
  }
}


interface Vec {
  ids: Int32Array;
  w: Float32Array;
}

function leadKind(t: Task): string | null {
  return t.units.find((u) => u.role === 'lead')?.kind ?? t.units[0]?.kind ?? null;
}

function deadlineForm(t: Task): string {
  const d = t.deadlines[0];
  if (!d) return 'none';
  return d.recurring ?? 'dated';
}

interface Docs {
  vecs: Vec[];
  df: number[];
}

/** A field of a document: its text, weight, and its words (segmented once, shared by task and sentences). */
type Field = [string, number, string[]];

function vectorize(texts: Field[][], n3: boolean): Docs {
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const raw = texts.map((parts) => {
    const m = new Map<string, number>();
    for (const [text, weight, ws] of parts) {
      grams(text, m, weight * GRAM_WEIGHT);
      if (n3) trigrams(text, m, weight * GRAM_WEIGHT);
      for (const w of ws) m.set(w, (m.get(w) ?? 0) + weight);
    }
    const v = new Map<number, number>();
    for (const [g, c] of m) {
      let id = vocab.get(g);
      if (id === undefined) {
        vocab.set(g, (id = df.length));
        df.push(0);
      }
      df[id]++;
      v.set(id, c);
    }
    return v;
  });
  const n = texts.length;
  const idf = df.map((d) => Math.log((n + 1) / (d + 0.5)));
  const vecs = raw.map((v) => {
    const ids = Int32Array.from([...v.keys()].sort((a, b) => a - b));
    const w = new Float32Array(ids.length);
    let norm = 0;
    ids.forEach((id, k) => {
      const x = (1 + Math.log(v.get(id)!)) * idf[id];
      w[k] = x;
      norm += x * x;
    });
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < w.length; k++) w[k] /= norm;
    return { ids, w };
  });
  return { vecs, df };
}

let segmenter: Intl.Segmenter | null = null;

/** Words (Intl.Segmenter's Chinese segmentation) of two characters or more, as features of their own. */
function words(s: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(s)) if (isWordLike && segment.length >= 2) out.push(`w:${segment}`);
  return out;
}

function trigrams(s: string, out: Map<string, number>, weight: number): void {
  let a = '';
  let b = '';
  for (const ch of s) {
    if (!KEEP.test(ch)) {
      a = b = '';
      continue;
    }
    if (a) out.set(a + b + ch, (out.get(a + b + ch) ?? 0) + weight);
    a = b;
    b = ch;
  }
}

/** Postings of the docs that may be matched, boilerplate (df > maxDf) and unique grams left out. */
function postings(d: Docs, include: (i: number) => boolean, maxDf: number): { task: number[][]; w: number[][] } {
  const task: number[][] = d.df.map(() => []);
  const w: number[][] = d.df.map(() => []);
  d.vecs.forEach((v, i) => {
    if (!include(i)) return;
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      if (d.df[id] > maxDf || d.df[id] < 2) continue;
      task[id].push(i);
      w[id].push(v.w[k]);
    }
  });
  return { task, w };
}

/**
 * Requirement clauses of a task text, as [start, end) offsets: 公文 states one requirement per sentence or
 * semicolon clause (。；！？), and enumerates several with 一是…二是… or numbered items (（1）, 1）, ①); a
 * clause is cut before such a marker too, and a long one (over LONG_CLAUSE characters) at its commas. Short pieces (under MIN_CLAUSE characters, e.g. a run-in title
 * like "推进整合。") are merged into the next.
 */
const MIN_CLAUSE = 12;
/** A clause longer than this is cut at its commas too. */
const LONG_CLAUSE = 60;
const CUT = /[。；！？;!?](?=.)|(?=[一二三四五六七八九十]是[^，。；]{2})|(?=[（(][1-9一二三四五六七八九十][)）])|(?=[①-⑳])/gu;
export function clausesOf(text: string): Array<[number, number]> {
  const cuts = [0];
  for (const m of text.matchAll(CUT)) {
    const at = m.index! + m[0].length;
    if (at > cuts[cuts.length - 1] && at < text.length) cuts.push(at);
  }
  cuts.push(text.length);
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let k = 1; k < cuts.length; k++) {
    if (text.slice(start, cuts[k]).trim().length < MIN_CLAUSE && k < cuts.length - 1) continue;
    out.push([start, cuts[k]]);
    start = cuts[k];
  }
  if (out.length > 1 && text.slice(out[out.length - 1][0]).trim().length < MIN_CLAUSE) {
    const last = out.pop()!;
    out[out.length - 1][1] = last[1];
  }
  if (!out.length) return [[0, text.length]];
  // A long sentence chains several requirements with ，(完成…，建立…，实现…): cut again at its commas, into
  // pieces of at least half of LONG_CLAUSE characters.
  const long = LONG_CLAUSE;
  const res: Array<[number, number]> = [];
  for (const [a, b] of out) {
    if (b - a <= long) {
      res.push([a, b]);
      continue;
    }
    let st = a;
    for (let k = a; k < b; k++) {
      if (text[k] === '，' && k + 1 - st >= long / 2 && b - (k + 1) >= long / 2) {
        res.push([st, k + 1]);
        st = k + 1;
      }
    }
    res.push([st, b]);
  }
  return res;
}

export function computeCounterparts(tasks: Task[], opts: CounterpartOptions = {}): Map<string, Counterpart[]> {
  const threshold = opts.threshold ?? COUNTERPART_THRESHOLD;
  const n = tasks.length;
  const out = new Map<string, Counterpart[]>();
  if (n < 2) return out;
  // Annex rows that restate a prose task are that task again: they match, but are never another's counterpart.
  const target = tasks.map((t) => !t.restates);
  const title = (t: Task) => (t.source.origin === 'prose' ? (t.section[t.section.length - 1] ?? '').replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, '') : '');
  // Whole tasks (text + section title) and their clauses, each a TF-IDF vector of words, bigrams and trigrams.
  // Each clause is segmented once (scraped plans repeat sentences: once per distinct one); a task's words are its clauses'.
  const wordMemo = new Map<string, string[]>();
  const wordsOf = (x: string) => {
    let w = wordMemo.get(x);
    if (!w) wordMemo.set(x, (w = words(x)));
    return w;
  };
  const sentTask: number[] = [];
  const sentSpan: Array<[number, number]> = [];
  const sentTexts: Field[][] = [];
  const wholeTexts: Field[][] = tasks.map((t, i) => {
    const ws: string[] = [];
    for (const span of clausesOf(t.text)) {
      const s = t.text.slice(span[0], span[1]);
      const sw = wordsOf(s);
      for (const w of sw) ws.push(w);
      sentTask.push(i);
      sentSpan.push(span);
      sentTexts.push([[s, 1, sw]]);
    }
    const ti = title(t);
    return [[t.text, 1, ws], [ti, SECTION_WEIGHT, ti ? wordsOf(ti) : []]];
  });
  const whole = vectorize(wholeTexts, true);
  const sent = vectorize(sentTexts, true);
  const share = opts.maxDf ?? MAX_DF;
  const wMax = Math.min(MAX_POSTINGS, Math.max(3, Math.floor(share * n)));
  const sMax = Math.min(MAX_POSTINGS, Math.max(3, Math.floor(share * sentTexts.length)));
  const wp = postings(whole, (i) => target[i], wMax);
  const sp = postings(sent, (j) => target[sentTask[j]], sMax);
  const sentsOf: number[][] = tasks.map(() => []);
  sentTask.forEach((i, j) => sentsOf[i].push(j));
  const planOf = tasks.map((t) => t.planId);
  const acc = new Float64Array(n);
  const sacc = new Float64Array(sentTexts.length);
  const touched: number[] = [];
  const stouched: number[] = [];
  const dot = (v: Vec, p: { task: number[][]; w: number[][] }, df: number[], maxDf: number, into: Float64Array, seen: number[], same: (o: number) => boolean) => {
    for (let k = 0; k < v.ids.length; k++) {
      const id = v.ids[k];
      if (df[id] > maxDf || df[id] < 2) continue;
      const pt = p.task[id];
      const pw = p.w[id];
      const wi = v.w[k];
      for (let j = 0; j < pt.length; j++) {
        const o = pt[j];
        if (same(o)) continue;
        if (into[o] === 0) seen.push(o);
        into[o] += wi * pw[j];
      }
    }
  };
  const score = (i: number, o: number, clause: number) => {
    let x = SENTENCE_SHARE * clause + (1 - SENTENCE_SHARE) * acc[o];
    if (deadlineForm(tasks[o]) === deadlineForm(tasks[i]) && deadlineForm(tasks[i]) !== 'none') x += 0.04;
    const kind = leadKind(tasks[i]);
    if (kind && leadKind(tasks[o]) === kind) x += 0.04;
    return Math.min(1, x);
  };
  for (let i = 0; i < n; i++) {
    dot(whole.vecs[i], wp, whole.df, wMax, acc, touched, (o) => planOf[o] === planOf[i]);
    // Each requirement clause: its best task in each other plan (by its best clause there, and the whole tasks).
    const clauses = sentsOf[i];
    const found = new Map<number, { score: number; spans: Array<[number, number]> }>();
    for (const s of clauses) {
      dot(sent.vecs[s], sp, sent.df, sMax, sacc, stouched, (o) => planOf[sentTask[o]] === planOf[i]);
      const bestOf = new Map<number, number>();
      for (const o of stouched) {
        const t = sentTask[o];
        if (sacc[o] > (bestOf.get(t) ?? 0)) bestOf.set(t, sacc[o]);
        sacc[o] = 0;
      }
      stouched.length = 0;
      for (const t of touched) if (!bestOf.has(t)) bestOf.set(t, 0);
      const perPlan = new Map<string, { o: number; score: number }>();
      for (const [o, c] of bestOf) {
        const x = score(i, o, c);
        const prev = perPlan.get(planOf[o]);
        if (!prev || x > prev.score || (x === prev.score && tasks[o].id < tasks[prev.o].id)) perPlan.set(planOf[o], { o, score: x });
      }
      for (const { o, score: x } of perPlan.values()) {
        if (x < threshold) continue;
        const f = found.get(o);
        if (!f) found.set(o, { score: x, spans: [sentSpan[s]] });
        else {
          f.score = Math.max(f.score, x);
          f.spans.push(sentSpan[s]);
        }
      }
    }
    for (const o of touched) acc[o] = 0;
    touched.length = 0;
    const list: Counterpart[] = [...found].map(([o, f]) => ({
      planId: planOf[o],
      taskId: tasks[o].id,
      score: Math.round(f.score * 1000) / 1000,
      ...(clauses.length > 1 ? { clauses: f.spans } : {}),
    }));
    list.sort((a, b) => b.score - a.score || a.planId.localeCompare(b.planId) || (a.taskId < b.taskId ? -1 : 1));
    out.set(tasks[i].id, list);
  }
  return out;
}
