/**
 * Counterparts: for every task, its best-matching task in each other plan (or none), computed when the
 * knowledge base is built and topic-free. Similarity is the cosine of TF-IDF vectors of words
 * (Intl.Segmenter) and character bigrams/trigrams — half of the whole task texts (with the task's own section title as a weaker second field), half
 * of their best pair of sentences (a requirement is usually one sentence of a longer task) — so boilerplate
 * that every task shares weighs little; it is refined by what the tasks carry (the same deadline form, the same lead
 * unit kind, the overlap of their unit kinds) — less so on a weak text match between plans of other topics (their
 * signatures of character bigrams far apart: PlanAffinity). The three best candidates of each plan are ranked again by the plans'
 * outlines (a neighbouring task matched to the candidate's neighbour adds NEIGHBOUR), and a clause does not take a
 * counterpart another clause of its task explains far better (EXPLAINED). An inverted index over the features gives the candidates — no all-pairs comparison — and the
 * common ones (in more than MAX_DF of the tasks, or MAX_POSTINGS) are left out of it: n·(postings) work,
 * linear in the tasks. Memory: the vectors are computed in a second pass over the texts once the document
 * frequencies are known, and kept (typed arrays) only on the features that can match — a small share.
 * Deterministic: ties go to the smaller task id; tests/kb/counterparts-scale.test.ts checks the linearity.
 */
import type { Task } from '../types.js';
import { ContentIds, TextStore } from './text-store.js';
import { grown, grownFilled } from '../util/arrays.js';

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
  /** Counted into when given: the work done. */
  stats?: CounterpartStats;
  /** Diagnostics: called with every (task, clause of it, candidate task, score) scored. */
  trace?: (i: number, clause: number, o: number, score: number) => void;
}

export const COUNTERPART_THRESHOLD = 0.32;
/** Candidates under this score are not kept for the second ranking. */
const FLOOR = 0.15;
/** Candidates kept per clause and plan for the second ranking. */
const TOP = 3;
/** Added for each neighbouring task matched to the candidate's neighbour on the same side (plans follow
 * similar outlines)… */
const NEIGHBOUR = 0.1;
/** …matched when it is the neighbour's best task in that plan and scores this. */
const LINK = 0.4;
/** A clause whose own part of the similarity to a task is under this share of the best clause part of its
 * task's clauses for that task does not take it as its counterpart: the whole-task similarity speaks for the
 * other clause. */
const EXPLAINED = 0.3;
/** Weight of the overlap of the two tasks' unit kinds (rarer kinds weigh more). */
const UNIT_WEIGHT = 0.1;
/** Under this text similarity the deadline, lead and unit bonuses do not apply between plans of other topics… */
const MIN_TEXT = 0.25;
/** …as much less as the plans' topic signatures (SIGNATURE character bigrams) are less similar than this: the five
 * bundled plans of one topic are 0.3–0.6 apart, plans of different topics mostly 0.05–0.2. */
const TOPIC_AFFINITY = 0.3;
const SIGNATURE = 256;
const MAX_DF = 0.2;
/** …and never in more than this many (a feature that common cannot single out a requirement; keeps the work
 * per task bounded, so the build stays linear in the tasks). */
const MAX_POSTINGS = 50;
const SECTION_WEIGHT = 0.35;
/** Weight of the best sentence pair against the whole-task similarity. */
const SENTENCE_SHARE = 0.6;
/** Character n-grams weigh half of a word (Intl.Segmenter): they catch what segmentation splits oddly. */
const GRAM_WEIGHT = 0.5;

/** What the counterpart pass reads of a task: all the build keeps of each task while it runs. */
export interface CounterpartInput {
  id: string;
  planId: string;
  text: string;
  /** The task's own section title, its numbering removed (prose tasks; '' for annex rows and none). */
  title: string;
  /** An annex row restating a prose task: it matches, but is never another's counterpart. */
  restates: boolean;
  /** 'none', 'dated' or the recurrence of the task's first deadline. */
  deadline: string;
  /** The kind of the lead unit (else of the first unit), or null. */
  lead: string | null;
  /** The kinds of all its units, distinct, sorted. */
  kinds: string[];
}

export function counterpartInput(t: Task): CounterpartInput {
  const d = t.deadlines[0];
  return {
    id: t.id,
    planId: t.planId,
    text: t.text,
    title: t.source.origin === 'prose' ? (t.section[t.section.length - 1] ?? '').replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]?/, '') : '',
    restates: !!t.restates,
    deadline: d ? (d.recurring ?? 'dated') : 'none',
    lead: t.units.find((u) => u.role === 'lead')?.kind ?? t.units[0]?.kind ?? null,
    kinds: [...new Set(t.units.map((u) => u.kind).filter((k): k is string => !!k))].sort(),
  };
}

/**
 * The counterpart inputs of every task, by column (all the build keeps of the tasks while they are
 * extracted and matched): ids, texts in a TextStore (outside the JS heap), distinct section titles,
 * plans and the deadline forms and lead kinds as small integers.
 */
export class CounterpartInputs {
  readonly ids: string[] = [];
  readonly texts = new TextStore();
  /** Distinct titles; a task's is titles[title[i]] ('' for none). */
  readonly titles = new TextStore();
  readonly planIds: string[] = [];
  title = new Int32Array(1024);
  plan = new Int32Array(1024);
  /** -1: no deadline. */
  deadline = new Int32Array(1024);
  /** -2: no lead kind. */
  lead = new Int32Array(1024);
  restates = new Uint8Array(1024);
  /** Unit kinds of task i: kList[kOff[i], kOff[i + 1]), ascending codes. */
  kOff = new Int32Array(1025);
  kList = new Int32Array(1024);
  /** How many tasks have unit kind code c. */
  readonly kindDf: number[] = [];
  private readonly planIx = new Map<string, number>();
  private readonly unitKindIx = new Map<string, number>();
  private readonly titleIx = new Map<string, number>();
  private readonly kindIx = new Map<string, number>();

  get length(): number {
    return this.ids.length;
  }

  add(t: CounterpartInput): void {
    const i = this.ids.length;
    if (i >= this.plan.length) {
      const len = this.plan.length * 2;
      this.title = grown(this.title, len);
      this.plan = grown(this.plan, len);
      this.deadline = grown(this.deadline, len);
      this.lead = grown(this.lead, len);
      const r = new Uint8Array(len);
      r.set(this.restates);
      this.restates = r;
      this.kOff = grown(this.kOff, len + 1);
    }
    const code = (m: Map<string, number>, k: string, add?: () => void) => {
      let c = m.get(k);
      if (c === undefined) {
        m.set(k, (c = m.size));
        add?.();
      }
      return c;
    };
    this.ids.push(t.id);
    this.texts.add(t.text);
    // (the key copied: a title cut out of a document would keep the whole document)
    this.title[i] = code(this.titleIx, t.title.length < 13 ? t.title : (JSON.parse(JSON.stringify(t.title)) as string), () => this.titles.add(t.title));
    this.plan[i] = code(this.planIx, t.planId, () => this.planIds.push(t.planId));
    this.deadline[i] = t.deadline === 'none' ? -1 : code(this.kindIx, `d:${t.deadline}`);
    this.lead[i] = t.lead ? code(this.kindIx, `u:${t.lead}`) : -2;
    this.restates[i] = t.restates ? 1 : 0;
    const kinds = t.kinds.map((k) => code(this.unitKindIx, k, () => this.kindDf.push(0))).sort((a, b) => a - b);
    const at = this.kOff[i];
    if (at + kinds.length > this.kList.length) this.kList = grown(this.kList, Math.max(2 * this.kList.length, at + kinds.length));
    for (let j = 0; j < kinds.length; j++) {
      this.kList[at + j] = kinds[j];
      this.kindDf[kinds[j]]++;
    }
    this.kOff[i + 1] = at + kinds.length;
  }

  static of(tasks: readonly Task[]): CounterpartInputs {
    const c = new CounterpartInputs();
    for (const t of tasks) c.add(counterpartInput(t));
    return c;
  }
}

/** Work counters of a pass (tests check that they grow linearly with the tasks). */
export interface CounterpartStats {
  /** Posting entries visited by the dot products. */
  postings: number;
  /** (clause, candidate task) pairs scored. */
  candidates: number;
}

/**
 * The compact code (< 2^15) of a character n-grams are made of — CJK (U+3400–9FFF, U+F900–FAFF), Latin
 * letters, digits — else -1 (a surrogate half too: an astral character breaks n-grams like punctuation).
 */
function keepCode(c: number): number {
  if (c >= 0x3400 && c <= 0x9fff) return c - 0x3400 + 62;
  if (c >= 0xf900 && c <= 0xfaff) return c - 0xf900 + 27710;
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 90) return c - 55;
  if (c >= 97 && c <= 122) return c - 61;
  return -1;
}

/** Ids of pairs of int32 (open addressing over typed arrays: no per-entry objects), numbered from 0 as first seen. */
class PairTable {
  size = 0;
  private k1 = new Int32Array(1 << 12);
  private k2 = new Int32Array(1 << 12);
  private v = new Int32Array(1 << 12).fill(-1);

  id(a: number, b: number): number {
    let mask = this.v.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & mask;
    while (this.v[h] >= 0) {
      if (this.k1[h] === a && this.k2[h] === b) return this.v[h];
      h = (h + 1) & mask;
    }
    if (2 * (this.size + 1) > this.v.length) {
      this.grow();
      mask = this.v.length - 1;
      h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) & mask;
      while (this.v[h] >= 0) h = (h + 1) & mask;
    }
    this.k1[h] = a;
    this.k2[h] = b;
    return (this.v[h] = this.size++);
  }

  private grow(): void {
    const { k1, k2, v } = this;
    const len = v.length * 2;
    const mask = len - 1;
    this.k1 = new Int32Array(len);
    this.k2 = new Int32Array(len);
    this.v = new Int32Array(len).fill(-1);
    for (let j = 0; j < v.length; j++) {
      if (v[j] < 0) continue;
      let h = (Math.imul(k1[j], 0x9e3779b1) ^ Math.imul(k2[j] + 0x7f4a7c15, 0x85ebca77)) & mask;
      while (this.v[h] >= 0) h = (h + 1) & mask;
      this.k1[h] = k1[j];
      this.k2[h] = k2[j];
      this.v[h] = v[j];
    }
  }
}

/**
 * The character n-grams of a text, each as an id shared by both vocabularies (bigrams: a pair of
 * characters; trigrams: a bigram and a character), at the index of the n-gram's last character, -1
 * where there is none: a task's text is scanned once for the task and all its clauses.
 */
class Grams {
  private readonly bi = new PairTable();
  private readonly tri = new PairTable();
  biAt = new Int32Array(256);
  triAt = new Int32Array(256);

  /** Scans [from, to) of `u16` (a text's code units): the n-grams' ids at 0 … to - from - 1. */
  scan(u16: Uint16Array, from: number, to: number): void {
    const len = to - from;
    if (len > this.biAt.length) {
      this.biAt = grown(this.biAt, len);
      this.triAt = grown(this.triAt, len);
    }
    let prev = -1;
    let prevBi = -1;
    for (let i = 0; i < len; i++) {
      const c = keepCode(u16[from + i]);
      if (c < 0) {
        this.biAt[i] = this.triAt[i] = prev = prevBi = -1;
        continue;
      }
      const bi = prev >= 0 ? this.bi.id(prev, c) : -1;
      this.biAt[i] = bi;
      this.triAt[i] = prevBi >= 0 ? this.tri.id(prevBi, c) : -1;
      prev = c;
      prevBi = bi;
    }
  }
}

/**
 * Feature ids of one vocabulary (whole tasks, or clauses): bigrams, trigrams and words, numbered in the
 * order the vocabulary's documents first show them, with their document frequency.
 */
class Vocab {
  size = 0;
  df = new Int32Array(1024);
  /** Scratch per feature: the document that last counted it. */
  stamp = new Int32Array(1024).fill(-1);
  private ofBi = new Int32Array(1024).fill(-1);
  private ofTri = new Int32Array(1024).fill(-1);
  private ofWord = new Int32Array(256).fill(-1);

  /** 1 for a character bigram (what a plan's topic signature is made of). */
  bi = new Uint8Array(1024);

  private next(): number {
    const id = this.size++;
    if (id >= this.df.length) {
      this.df = grown(this.df, id + 1);
      this.stamp = grownFilled(this.stamp, id + 1, -1);
      const b = new Uint8Array(this.df.length);
      b.set(this.bi);
      this.bi = b;
    }
    return id;
  }
  private of(table: Int32Array, k: number): number {
    const id = table[k];
    return id >= 0 ? id : (table[k] = this.next());
  }
  bigram(gid: number): number {
    if (gid >= this.ofBi.length) this.ofBi = grownFilled(this.ofBi, gid + 1, -1);
    const id = this.of(this.ofBi, gid);
    this.bi[id] = 1;
    return id;
  }
  trigram(gid: number): number {
    if (gid >= this.ofTri.length) this.ofTri = grownFilled(this.ofTri, gid + 1, -1);
    return this.of(this.ofTri, gid);
  }
  /** A word by its id in the pass's word list. */
  word(wid: number): number {
    if (wid >= this.ofWord.length) this.ofWord = grownFilled(this.ofWord, wid + 1, -1);
    return this.of(this.ofWord, wid);
  }
}

/**
 * Every feature occurrence of a field of a document, in the order features are first seen (the field's
 * bigrams, its trigrams, its words): `sink(id, weight)`. The field is [from, to) of the text `g` last
 * scanned; a character n-gram weighs GRAM_WEIGHT of its field.
 */
function eachFeature(v: Vocab, g: Grams, from: number, to: number, weight: number, wids: Int32Array[], sink: (id: number, weight: number) => void): void {
  const gw = weight * GRAM_WEIGHT;
  const { biAt, triAt } = g;
  for (let i = from + 1; i < to; i++) if (biAt[i] >= 0) sink(v.bigram(biAt[i]), gw);
  for (let i = from + 2; i < to; i++) if (triAt[i] >= 0) sink(v.trigram(triAt[i]), gw);
  for (const ws of wids) for (let k = 0; k < ws.length; k++) sink(v.word(ws[k]), weight);
}

const NONE = new Int32Array(0);

let segmenter: Intl.Segmenter | null = null;

/** Words (Intl.Segmenter's Chinese segmentation) of two characters or more, as features of their own. */
function words(s: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment, isWordLike } of segmenter.segment(s)) if (isWordLike && segment.length >= 2) out.push(segment);
  return out;
}

/** TF-IDF vectors of a vocabulary's documents, kept only on the features that can match (2 ≤ df ≤ the cap): CSR. */
interface Vecs {
  off: Int32Array;
  ids: Int32Array;
  w: Float32Array;
}

/** Builds the vectors (second pass over the documents, once the vocabulary's df are known). */
class VecBuilder {
  private readonly idf: Float64Array;
  private readonly cnt: Float64Array;
  private readonly list: number[] = [];
  private readonly x: number[] = [];
  private off = new Int32Array(1024);
  private ids = new Int32Array(1 << 14);
  private w = new Float32Array(1 << 14);
  private docs = 0;
  private len = 0;
  /** Called with each document's whole vector (every feature, before the df cap): ids ascending, weights. */
  onDoc?: (doc: number, ids: readonly number[], x: readonly number[]) => void;
  readonly sink = (id: number, weight: number) => {
    if (this.v.stamp[id] !== this.docs) {
      this.v.stamp[id] = this.docs;
      this.cnt[id] = 0;
      this.list.push(id);
    }
    this.cnt[id] += weight;
  };

  constructor(
    private readonly v: Vocab,
    nDocs: number,
    private readonly maxDf: number,
  ) {
    this.idf = new Float64Array(v.size);
    for (let id = 0; id < v.size; id++) this.idf[id] = Math.log((nDocs + 1) / (v.df[id] + 0.5));
    this.cnt = new Float64Array(v.size);
    v.stamp.fill(-1);
  }

  /** Ends the current document (its features given to `sink`): its vector, (1 + log tf) · idf normalised over all its features in id order. */
  end(): void {
    const { list, x, v, idf, cnt } = this;
    list.sort((a, b) => a - b);
    let norm = 0;
    for (let k = 0; k < list.length; k++) {
      const xk = (1 + Math.log(cnt[list[k]])) * idf[list[k]];
      x[k] = Math.fround(xk);
      norm += xk * xk;
    }
    norm = Math.sqrt(norm) || 1;
    this.ids = grown(this.ids, this.len + list.length);
    this.w = grown(this.w, this.len + list.length);
    this.onDoc?.(this.docs, list, x);
    for (let k = 0; k < list.length; k++) {
      const id = list[k];
      const df = v.df[id];
      if (df > this.maxDf || df < 2) continue;
      this.ids[this.len] = id;
      this.w[this.len++] = x[k] / norm;
    }
    list.length = 0;
    x.length = 0;
    this.docs++;
    this.off = grown(this.off, this.docs + 1);
    this.off[this.docs] = this.len;
  }

  done(): Vecs {
    return { off: this.off.slice(0, this.docs + 1), ids: this.ids.slice(0, this.len), w: this.w.slice(0, this.len) };
  }
}

/**
 * The topic affinity of plans: the cosine of their signatures — the SIGNATURE heaviest features (all of them,
 * the common ones too: they are what a topic shares) of the sum of their tasks' whole vectors. `add` takes each
 * task's vector in task order (a build adds a plan's tasks together; a plan met again later has its signature
 * summed with what it had); `affinity` is computed when first asked for a pair, and cached.
 */
class PlanAffinity {
  /** Per plan: its signature's feature ids ascending, and their weights (normalised once `done`). */
  private readonly ids: Int32Array[];
  private readonly w: Float32Array[];
  private current = -1;
  private acc = new Map<number, number>();
  private readonly cache = new Map<number, number>();

  constructor(
    private readonly P: number,
    private readonly df: Int32Array,
    private readonly bi: Uint8Array,
  ) {
    this.ids = Array.from({ length: P }, () => new Int32Array(0));
    this.w = Array.from({ length: P }, () => new Float32Array(0));
  }

  /** Task vector of plan p: ids, their weights (before normalising). Character bigrams of df ≥ 2 make the signature. */
  add(p: number, ids: readonly number[], x: readonly number[]): void {
    if (p !== this.current) this.flush(p);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (this.bi[id] && this.df[id] >= 2) this.acc.set(id, (this.acc.get(id) ?? 0) + x[k]);
    }
  }

  private flush(next: number): void {
    const p = this.current;
    if (p >= 0) {
      const m = this.acc;
      for (let k = 0; k < this.ids[p].length; k++) m.set(this.ids[p][k], (m.get(this.ids[p][k]) ?? 0) + this.w[p][k]);
      const top = [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, SIGNATURE).sort((a, b) => a[0] - b[0]);
      this.ids[p] = Int32Array.from(top, (e) => e[0]);
      this.w[p] = Float32Array.from(top, (e) => e[1]);
    }
    this.acc = new Map();
    this.current = next;
  }

  /** Ends the adding: the signatures normalised. */
  done(): void {
    this.flush(-1);
    for (const w of this.w) {
      let norm = 0;
      for (const x of w) norm += x * x;
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < w.length; k++) w[k] /= norm;
    }
  }

  affinity(p: number, q: number): number {
    if (p > q) [p, q] = [q, p];
    const key = p * this.P + q;
    let v = this.cache.get(key);
    if (v === undefined) {
      v = 0;
      const [ai, aw, bi, bw] = [this.ids[p], this.w[p], this.ids[q], this.w[q]];
      for (let a = 0, b = 0; a < ai.length && b < bi.length; ) {
        if (ai[a] < bi[b]) a++;
        else if (ai[a] > bi[b]) b++;
        else v += aw[a++] * bw[b++];
      }
      this.cache.set(key, v);
    }
    return v;
  }
}

/** Postings (CSR over feature ids: documents in order, their weights) of the documents that may be matched. */
interface Postings {
  off: Int32Array;
  doc: Int32Array;
  w: Float32Array;
}

function postings(vecs: Vecs, size: number, include: (doc: number) => boolean): Postings {
  const off = new Int32Array(size + 1);
  const nDocs = vecs.off.length - 1;
  for (let d = 0; d < nDocs; d++) if (include(d)) for (let k = vecs.off[d]; k < vecs.off[d + 1]; k++) off[vecs.ids[k] + 1]++;
  for (let id = 0; id < size; id++) off[id + 1] += off[id];
  const at = off.slice(0, size);
  const doc = new Int32Array(off[size]);
  const w = new Float32Array(off[size]);
  for (let d = 0; d < nDocs; d++) {
    if (!include(d)) continue;
    for (let k = vecs.off[d]; k < vecs.off[d + 1]; k++) {
      const j = at[vecs.ids[k]]++;
      doc[j] = d;
      w[j] = vecs.w[k];
    }
  }
  return { off, doc, w };
}

/**
 * Requirement clauses of a task text, as [start, end) offsets: 公文 states one requirement per sentence or
 * semicolon clause (。；！？), and enumerates several with 一是…二是… or numbered items (（1）, 1）, ①); a
 * clause is cut before such a marker too, and a long one (over LONG_CLAUSE characters) at its commas. Short pieces (under MIN_CLAUSE characters, e.g. a run-in title
 * like "推进整合。") are merged into the next.
 */
const MIN_CLAUSE = 12;
/** A clause longer than this is cut at its commas too. (At 60 the pieces were too short to carry their
 * requirement: a clause of 30–60 characters and its paraphrase in another plan share too few features, and
 * recall fell against both annotations; from about 90 up the measures hold steady, as with no comma cut at
 * all: 120 keeps the cut for the run-on sentences that chain several requirements.) */
const LONG_CLAUSE = 120;
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

/** The counterparts of every task, by id (what `streamCounterparts` gives, collected). */
export function computeCounterparts(tasks: Task[], opts: CounterpartOptions = {}): Map<string, Counterpart[]> {
  const out = new Map<string, Counterpart[]>();
  if (tasks.length < 2) return out;
  streamCounterparts(CounterpartInputs.of(tasks), (i, list) => out.set(tasks[i].id, list), opts);
  return out;
}

/**
 * The counterparts of every task, handed to `emit` task by task in order (so a build can write each task
 * out and forget it). Two passes over the texts — the vocabularies and their document frequencies, then
 * the vectors, kept only on the features that can match — and one over the tasks for the matching; the
 * work per task is bounded by the posting cap, so the whole is linear in the tasks.
 */
export function streamCounterparts(tasks: CounterpartInputs, emit: (i: number, list: Counterpart[]) => void, opts: CounterpartOptions = {}): void {
  const threshold = opts.threshold ?? COUNTERPART_THRESHOLD;
  const stats = opts.stats;
  const n = tasks.length;
  if (n < 2) {
    for (let i = 0; i < n; i++) emit(i, []);
    return;
  }
  const { texts, titles, ids, plan, deadline, lead } = tasks;
  const u16 = texts.units;
  // Clauses: [clauseOff[i], clauseOff[i + 1]) are task i's, each a [start, end) span of its text; and the
  // words of each (word ids, CSR over distinct clause texts: scraped plans repeat sentences) and title.
  const clauseOff = new Int32Array(n + 1);
  let spans = new Int32Array(2 * n);
  let sentTask = new Int32Array(n);
  let clauseText = new Int32Array(n);
  let ns = 0;
  const distinct = new ContentIds(() => [u16]);
  const wordId = new Map<string, number>();
  const wordOff: number[] = [0];
  let wordIds = new Int32Array(1 << 14);
  const addWords = (s: string) => {
    for (const w of words(s)) {
      let id = wordId.get(w);
      if (id === undefined) wordId.set(w, (id = wordId.size));
      wordIds = grown(wordIds, wordOff[wordOff.length - 1] + 1);
      wordIds[wordOff[wordOff.length - 1]++] = id;
    }
  };
  for (let i = 0; i < n; i++) {
    const text = texts.get(i);
    const at = texts.start(i);
    for (const [a, b] of clausesOf(text)) {
      spans = grown(spans, 2 * ns + 2);
      sentTask = grown(sentTask, ns + 1);
      clauseText = grown(clauseText, ns + 1);
      spans[2 * ns] = a;
      spans[2 * ns + 1] = b;
      sentTask[ns] = i;
      clauseText[ns++] = distinct.id(at + a, at + b);
      if (distinct.isNew) {
        wordOff.push(wordOff[wordOff.length - 1]);
        addWords(text.slice(a, b));
      }
    }
    clauseOff[i + 1] = ns;
  }
  const wordsOf = (k: number) => wordIds.subarray(wordOff[k], wordOff[k + 1]);
  const titleSlot: number[] = [];
  for (let k = 0; k < titles.count; k++) {
    const t = titles.get(k);
    titleSlot.push(t ? wordOff.length - 1 : -1);
    if (t) {
      wordOff.push(wordOff[wordOff.length - 1]);
      addWords(t);
    }
  }
  const titleWords = titleSlot.map((k) => (k < 0 ? NONE : wordsOf(k)));
  // Whole tasks (text, and section title as a weaker field) and their clauses, each a TF-IDF vector of
  // words, bigrams and trigrams: two passes over the texts, the first counting document frequencies.
  const whole = new Vocab();
  const sent = new Vocab();
  const grams = new Grams();
  const tu = titles.units;
  const visit = (wholeSink: (id: number, w: number) => void, sentSink: (id: number, w: number) => void, endSent: (s: number) => void, endWhole: (i: number) => void) => {
    const ws: Int32Array[] = [];
    for (let i = 0; i < n; i++) {
      for (let s = clauseOff[i]; s < clauseOff[i + 1]; s++) ws.push(wordsOf(clauseText[s]));
      grams.scan(u16, texts.start(i), texts.end(i));
      eachFeature(whole, grams, 0, texts.end(i) - texts.start(i), 1, ws, wholeSink);
      for (let s = clauseOff[i]; s < clauseOff[i + 1]; s++) {
        eachFeature(sent, grams, spans[2 * s], spans[2 * s + 1], 1, [ws[s - clauseOff[i]]], sentSink);
        endSent(s);
      }
      const k = tasks.title[i];
      grams.scan(tu, titles.start(k), titles.end(k));
      eachFeature(whole, grams, 0, titles.end(k) - titles.start(k), SECTION_WEIGHT, [titleWords[k]], wholeSink);
      endWhole(i);
      ws.length = 0;
    }
  };
  let doc = 0;
  let sdoc = 0;
  visit(
    (id) => {
      if (whole.stamp[id] !== doc) {
        whole.stamp[id] = doc;
        whole.df[id]++;
      }
    },
    (id) => {
      if (sent.stamp[id] !== sdoc) {
        sent.stamp[id] = sdoc;
        sent.df[id]++;
      }
    },
    (s) => (sdoc = s + 1),
    (i) => (doc = i + 1),
  );
  const share = opts.maxDf ?? MAX_DF;
  const wMax = Math.min(MAX_POSTINGS, Math.max(3, 2 * tasks.planIds.length, Math.floor(share * n)));
  const sMax = Math.min(MAX_POSTINGS, Math.max(3, 2 * tasks.planIds.length, Math.floor(share * ns)));
  const wb = new VecBuilder(whole, n, wMax);
  const sb = new VecBuilder(sent, ns, sMax);
  const topics = new PlanAffinity(tasks.planIds.length, whole.df, whole.bi);
  wb.onDoc = (i, ids, x) => topics.add(plan[i], ids, x);
  visit(wb.sink, sb.sink, () => sb.end(), () => wb.end());
  topics.done();
  const wv = wb.done();
  const sv = sb.done();
  const wp = postings(wv, whole.size, (i) => !tasks.restates[i]);
  const sp = postings(sv, sent.size, (s) => !tasks.restates[sentTask[s]]);
  const P = tasks.planIds.length;
  const { kOff, kList } = tasks;
  // Unit kinds weighted by their rarity among the tasks.
  const kIdf = Float64Array.from(tasks.kindDf, (d: number) => Math.log((n + 1) / (d + 0.5)));
  /** The weighted Jaccard overlap of two tasks' unit kinds. */
  const unitOverlap = (i: number, o: number): number => {
    let both = 0;
    let all = 0;
    let a = kOff[i];
    let b = kOff[o];
    while (a < kOff[i + 1] || b < kOff[o + 1]) {
      if (b >= kOff[o + 1] || (a < kOff[i + 1] && kList[a] < kList[b])) all += kIdf[kList[a++]];
      else if (a >= kOff[i + 1] || kList[b] < kList[a]) all += kIdf[kList[b++]];
      else {
        both += kIdf[kList[a]];
        all += kIdf[kList[a]];
        a++;
        b++;
      }
    }
    return all > 0 ? both / all : 0;
  };
  const acc = new Float64Array(n);
  const sacc = new Float64Array(ns);
  const touched: number[] = [];
  const stouched: number[] = [];
  /** Dot products of vector d of `v` with the postings' documents not in plan `p` (`planOf` of a posting's document). */
  const dot = (v: Vecs, d: number, ps: Postings, p: number, planOf: (o: number) => number, into: Float64Array, seen: number[]) => {
    let visited = 0;
    for (let k = v.off[d]; k < v.off[d + 1]; k++) {
      const id = v.ids[k];
      const wi = v.w[k];
      const end = ps.off[id + 1];
      for (let j = ps.off[id]; j < end; j++) {
        const o = ps.doc[j];
        if (planOf(o) === p) continue;
        if (into[o] === 0) seen.push(o);
        into[o] += wi * ps.w[j];
      }
      visited += end - ps.off[id];
    }
    if (stats) stats.postings += visited;
  };
  const planOfTask = (o: number) => plan[o];
  const planOfSent = (o: number) => plan[sentTask[o]];
  const score = (i: number, o: number, clause: number) => {
    const text = SENTENCE_SHARE * clause + (1 - SENTENCE_SHARE) * acc[o];
    let bonus = 0;
    if (deadline[o] === deadline[i] && deadline[i] !== -1) bonus += 0.04;
    if (lead[i] >= 0 && lead[o] === lead[i]) bonus += 0.04;
    bonus += UNIT_WEIGHT * unitOverlap(i, o);
    // Between plans of other topics, what the tasks carry weighs less on a weak match of their texts (a drill of
    // a flood plan and one of a work-safety plan share a lead kind and a deadline form).
    if (text < MIN_TEXT && bonus > 0) bonus *= Math.min(1, topics.affinity(plan[i], plan[o]) / TOPIC_AFFINITY);
    return Math.min(1, text + bonus);
  };
  const better = (x: number, o: number, y: number, q: number) => x > y || (x === y && ids[o] < ids[q]);

  // Phase 1, per clause: each candidate task's best clause score, and each plan's TOP best candidates (from
  // FLOOR), recorded — CSR by clause: plan, task, score and its clause part, rank in the plan (0 = best).
  const best = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const cands: number[] = [];
  const topX = new Float64Array(P * TOP);
  const topC = new Float64Array(P * TOP);
  const topO = new Int32Array(P * TOP);
  const topN = new Int32Array(P);
  const planMark = new Int32Array(P).fill(-1);
  const plans: number[] = [];
  const floor = Math.min(threshold, FLOOR);
  const recOff = new Int32Array(ns + 1);
  let recPlan = new Int32Array(4 * ns);
  let recO = new Int32Array(4 * ns);
  let recRank = new Int32Array(4 * ns);
  let recX = new Float64Array(4 * ns);
  let recC = new Float64Array(4 * ns);
  let nr = 0;
  for (let i = 0; i < n; i++) {
    dot(wv, i, wp, plan[i], planOfTask, acc, touched);
    for (let s = clauseOff[i]; s < clauseOff[i + 1]; s++) {
      dot(sv, s, sp, plan[i], planOfSent, sacc, stouched);
      for (const o of stouched) {
        const t = sentTask[o];
        if (sacc[o] > (mark[t] === s ? best[t] : 0)) {
          if (mark[t] !== s) {
            mark[t] = s;
            cands.push(t);
          }
          best[t] = sacc[o];
        }
        sacc[o] = 0;
      }
      stouched.length = 0;
      for (const t of touched) {
        if (mark[t] === s) continue;
        mark[t] = s;
        best[t] = 0;
        cands.push(t);
      }
      if (stats) stats.candidates += cands.length;
      for (const o of cands) {
        const x = score(i, o, best[o]);
        opts.trace?.(i, s - clauseOff[i], o, x);
        if (x < floor) continue;
        const p = plan[o];
        if (planMark[p] !== s) {
          planMark[p] = s;
          plans.push(p);
          topN[p] = 0;
        }
        // Into the plan's top list, kept in order.
        const at = p * TOP;
        let k = topN[p];
        if (k === TOP) {
          if (!better(x, o, topX[at + TOP - 1], topO[at + TOP - 1])) continue;
          k--;
        } else topN[p]++;
        for (; k > 0 && better(x, o, topX[at + k - 1], topO[at + k - 1]); k--) {
          topX[at + k] = topX[at + k - 1];
          topC[at + k] = topC[at + k - 1];
          topO[at + k] = topO[at + k - 1];
        }
        topX[at + k] = x;
        topC[at + k] = best[o];
        topO[at + k] = o;
      }
      cands.length = 0;
      plans.sort((a, b) => a - b);
      for (const p of plans) {
        if (nr + TOP > recO.length) {
          recPlan = grown(recPlan, nr + TOP);
          recO = grown(recO, nr + TOP);
          recRank = grown(recRank, nr + TOP);
          recX = grown(recX, nr + TOP);
          recC = grown(recC, nr + TOP);
        }
        for (let k = 0; k < topN[p]; k++, nr++) {
          recPlan[nr] = p;
          recO[nr] = topO[p * TOP + k];
          recRank[nr] = k;
          recX[nr] = topX[p * TOP + k];
          recC[nr] = topC[p * TOP + k];
        }
      }
      recOff[s + 1] = nr;
      plans.length = 0;
    }
    for (const o of touched) acc[o] = 0;
    touched.length = 0;
  }

  // Each task's best task in each plan over its clauses, with its score: CSR by task, plans ascending.
  const tOff = new Int32Array(n + 1);
  let tPlan = new Int32Array(2 * n);
  let tO = new Int32Array(2 * n);
  let tX = new Float64Array(2 * n);
  let nt = 0;
  const rs: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let r = recOff[clauseOff[i]]; r < recOff[clauseOff[i + 1]]; r++) if (recRank[r] === 0) rs.push(r);
    rs.sort((a, b) => recPlan[a] - recPlan[b] || (better(recX[a], recO[a], recX[b], recO[b]) ? -1 : 1));
    for (let k = 0; k < rs.length; k++) {
      const r = rs[k];
      if (k > 0 && recPlan[rs[k - 1]] === recPlan[r]) continue;
      if (nt === tO.length) {
        tPlan = grown(tPlan, nt + 1);
        tO = grown(tO, nt + 1);
        tX = grown(tX, nt + 1);
      }
      tPlan[nt] = recPlan[r];
      tO[nt] = recO[r];
      tX[nt++] = recX[r];
    }
    tOff[i + 1] = nt;
    rs.length = 0;
  }
  /** Task j's best task in plan p if it scores LINK, else -1. */
  const linkIn = (j: number, p: number): number => {
    let lo = tOff[j];
    let hi = tOff[j + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tPlan[mid] === p) return tX[mid] >= LINK ? tO[mid] : -1;
      if (tPlan[mid] < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
  /** Whether task o has a neighbour (d = ±1) in plan p. */
  const neighbour = (o: number, d: number, p: number) => o + d >= 0 && o + d < n && plan[o + d] === p && tasks.restates[o + d] === tasks.restates[o];

  // Phase 2, per clause and plan: the candidates re-ranked by the document order — + NEIGHBOUR for each
  // neighbour of the task in its plan (the task before it, after it) whose best task in that plan is the
  // candidate's neighbour on the same side; the best is the counterpart from the threshold, unless another
  // clause of the task matches it far better (its clause part under EXPLAINED of the task's best clause part
  // for it): then the whole-task similarity speaks for that other clause, not for this one.
  const cmax = new Float64Array(n);
  const cmark = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const nc = clauseOff[i + 1] - clauseOff[i];
    const r0 = recOff[clauseOff[i]];
    const r1 = recOff[clauseOff[i + 1]];
    for (let r = r0; r < r1; r++) {
      const o = recO[r];
      if (cmark[o] !== i) {
        cmark[o] = i;
        cmax[o] = 0;
      }
      cmax[o] = Math.max(cmax[o], recC[r]);
    }
    const found = new Map<number, { score: number; spans: Array<[number, number]> }>();
    for (let s = clauseOff[i]; s < clauseOff[i + 1]; s++) {
      for (let r = recOff[s]; r < recOff[s + 1]; ) {
        const p = recPlan[r];
        let bo = -1;
        let bx = 0;
        let bc = 0;
        for (; r < recOff[s + 1] && recPlan[r] === p; r++) {
          const o = recO[r];
          let x = recX[r];
          for (const d of [-1, 1]) if (neighbour(i, d, plan[i]) && neighbour(o, d, p) && linkIn(i + d, p) === o + d) x += NEIGHBOUR;
          if (bo < 0 || better(x, o, bx, bo)) {
            bo = o;
            bx = x;
            bc = recC[r];
          }
        }
        if (bx < threshold || (nc > 1 && bc < EXPLAINED * cmax[bo])) continue;
        const x = Math.min(1, bx);
        const span: [number, number] = [spans[2 * s], spans[2 * s + 1]];
        const f = found.get(bo);
        if (!f) found.set(bo, { score: x, spans: [span] });
        else {
          f.score = Math.max(f.score, x);
          f.spans.push(span);
        }
      }
    }
    const list: Counterpart[] = [...found].map(([o, f]) => ({
      planId: tasks.planIds[plan[o]],
      taskId: ids[o],
      score: Math.round(f.score * 1000) / 1000,
      ...(nc > 1 ? { clauses: f.spans } : {}),
    }));
    list.sort((a, b) => b.score - a.score || a.planId.localeCompare(b.planId) || (a.taskId < b.taskId ? -1 : 1));
    emit(i, list);
  }
}
