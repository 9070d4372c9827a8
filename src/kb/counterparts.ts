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

/** Sentences of a task text (。；！？), short ones merged into the next. */
function sentencesOf(text: string): string[] {
  const parts = text.split(/(?<=[。；！？])/).map((x) => x.trim()).filter(Boolean);
  const out: string[] = [];
  let carry = '';
  for (const p of parts) {
    carry += p;
    if (carry.length >= 12) {
      out.push(carry);
      carry = '';
    }
  }
  if (carry) out.length ? (out[out.length - 1] += carry) : out.push(carry);
  return out.length ? out : [text];
}

export function computeCounterparts(tasks: Task[], opts: CounterpartOptions = {}): Map<string, Counterpart[]> {
  const threshold = opts.threshold ?? COUNTERPART_THRESHOLD;
  const n = tasks.length;
  const out = new Map<string, Counterpart[]>();
  if (n < 2) return out;
  // Annex rows that restate a prose task are that task again: they match, but are never another's counterpart.
  const target = tasks.map((t) => !t.restates);
  const title = (t: Task) => (t.source.origin === 'prose' ? (t.section[t.section.length - 1] ?? '').replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, '') : '');
  // Whole tasks (text + section title) and their sentences, each a TF-IDF vector of bigrams and trigrams.
  // Each sentence is segmented once (scraped plans repeat sentences: once per distinct one); a task's words are its sentences'.
  const wordMemo = new Map<string, string[]>();
  const wordsOf = (x: string) => {
    let w = wordMemo.get(x);
    if (!w) wordMemo.set(x, (w = words(x)));
    return w;
  };
  const sentTask: number[] = [];
  const sentTexts: Field[][] = [];
  const wholeTexts: Field[][] = tasks.map((t, i) => {
    const ws: string[] = [];
    for (const s of sentencesOf(t.text)) {
      const sw = wordsOf(s);
      for (const w of sw) ws.push(w);
      sentTask.push(i);
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
  const best = new Float64Array(n);
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
  for (let i = 0; i < n; i++) {
    dot(whole.vecs[i], wp, whole.df, wMax, acc, touched, (o) => planOf[o] === planOf[i]);
    // the best pair of sentences: a requirement is usually one sentence of a longer task
    for (const s of sentsOf[i]) {
      dot(sent.vecs[s], sp, sent.df, sMax, sacc, stouched, (o) => planOf[sentTask[o]] === planOf[i]);
      for (const o of stouched) {
        const t = sentTask[o];
        if (acc[t] === 0 && best[t] === 0) touched.push(t);
        if (sacc[o] > best[t]) best[t] = sacc[o];
        sacc[o] = 0;
      }
      stouched.length = 0;
    }
    const perPlan = new Map<string, Counterpart>();
    const form = deadlineForm(tasks[i]);
    const kind = leadKind(tasks[i]);
    for (const o of touched) {
      const cos = SENTENCE_SHARE * best[o] + (1 - SENTENCE_SHARE) * acc[o];
      acc[o] = 0;
      best[o] = 0;
      const other = tasks[o];
      let score = cos;
      if (deadlineForm(other) === form && form !== 'none') score += 0.04;
      if (kind && leadKind(other) === kind) score += 0.04;
      score = Math.min(1, score);
      const prev = perPlan.get(other.planId);
      if (!prev || score > prev.score || (score === prev.score && other.id < prev.taskId)) perPlan.set(other.planId, { planId: other.planId, taskId: other.id, score });
    }
    touched.length = 0;
    const list = [...perPlan.values()].filter((c) => c.score >= threshold).map((c) => ({ ...c, score: Math.round(c.score * 1000) / 1000 }));
    list.sort((a, b) => b.score - a.score || a.planId.localeCompare(b.planId));
    out.set(tasks[i].id, list);
  }
  return out;
}
