/**
 * In-process search latency per keystroke — the search index alone, no rendering (a lower bound of the TUI
 * figure, labelled as such). Run as its own process per corpus size (a fresh heap each):
 *
 *   node dist/bench/inproc.js --corpus DIR --data-dir D [--rounds 3]   → one JSON object on stdout
 *
 * The knowledge base comes from the cache `plans index` built in D (rebuilt if it is not fresh); the search
 * index is built and warmed; then every query is typed one character at a time (each prefix is one
 * keystroke), limit 50, each keystroke timed R times (fresh incremental cache per round) and its median
 * kept; p50/p95/max over all keystrokes and per query kind (Chinese, pinyin, typo, no-hit).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLED_CORPUS, dataDir as resolveDataDir } from '../src/app/paths.js';
import { defaultCachePath, loadKnowledgeBase } from '../src/kb/load.js';
import { SearchIndex } from '../src/query/search.js';
import { percentile } from './pty.js';

export interface InprocQuery {
  q: string;
  kind: 'chinese' | 'pinyin' | 'typo' | 'nohit';
}

/** For the generated corpus (bench/generate.ts vocabulary). */
export const INPROC_QUERIES: InprocQuery[] = [
  { q: '高标准农田建设', kind: 'chinese' },
  { q: '保障性租赁住房', kind: 'chinese' },
  { q: '市交通运输局', kind: 'chinese' },
  { q: '应急物资储备库', kind: 'chinese' },
  { q: 'gaobiaozhunnongtian', kind: 'pinyin' },
  { q: 'laojiuxiaoqu', kind: 'pinyin' },
  { q: 'jtysj', kind: 'pinyin' },
  { q: '老旧小趋改造', kind: 'typo' },
  { q: '家庭医生签越', kind: 'typo' },
  { q: '污水处里厂', kind: 'typo' },
  { q: '量子通信卫星', kind: 'nohit' },
  { q: '航空母舰编队', kind: 'nohit' },
];

export interface InprocResult {
  plans: number;
  tasks: number;
  load_ms: number;
  index_ms: number;
  rss_mb: number;
  keystrokes: number;
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
  by_kind: Record<string, { keystrokes: number; p95_ms: number; max_ms: number }>;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

export async function inprocSearch(corpusDir: string, dataDir: string, rounds = 3, queries = INPROC_QUERIES): Promise<InprocResult> {
  const t0 = performance.now();
  const load = loadKnowledgeBase({ corpusDir, cachePath: defaultCachePath(dataDir, corpusDir, BUNDLED_CORPUS) });
  const t1 = performance.now();
  // As the app does: the persisted index (its fields read whole and decoded while it warms), else built.
  const src = load.searchParts();
  const index = src ? SearchIndex.fromParts(load.tasks ?? load.kb.tasks, src) : new SearchIndex(load.kb.tasks);
  await index.warmAsync();
  const t2 = performance.now();
  const keys: Array<{ text: string; kind: string }> = [];
  for (const bq of queries) {
    const chars = Array.from(bq.q);
    for (let k = 1; k <= chars.length; k++) keys.push({ text: chars.slice(0, k).join(''), kind: bq.kind });
  }
  // JIT warm-up on other queries, then a clean cache
  for (const w of ['信息化项目', 'xinxihua', '信息化项木']) for (let k = 1; k <= w.length; k++) index.search(w.slice(0, k), undefined, 50);
  const times: number[][] = keys.map(() => []);
  for (let r = 0; r < rounds; r++) {
    index.resetCache();
    keys.forEach((k, i) => {
      const t = performance.now();
      index.search(k.text, undefined, 50);
      times[i].push(performance.now() - t);
    });
  }
  const med = times.map((xs) => percentile(xs, 50));
  const by_kind: InprocResult['by_kind'] = {};
  for (const kind of new Set(keys.map((k) => k.kind))) {
    const xs = med.filter((_, i) => keys[i].kind === kind);
    by_kind[kind] = { keystrokes: xs.length, p95_ms: r2(percentile(xs, 95)), max_ms: r2(Math.max(...xs)) };
  }
  return {
    plans: load.kb.plans.length,
    tasks: (load.tasks?.count ?? load.kb.tasks.length),
    load_ms: r2(t1 - t0),
    index_ms: r2(t2 - t1),
    rss_mb: r2(process.memoryUsage().rss / 2 ** 20),
    keystrokes: keys.length,
    p50_ms: r2(percentile(med, 50)),
    p95_ms: r2(percentile(med, 95)),
    max_ms: r2(Math.max(...med)),
    by_kind,
  };
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
  const flag = (n: string) => {
    const i = args.indexOf(`--${n}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const corpus = flag('corpus');
  if (!corpus) {
    process.stderr.write('usage: node dist/bench/inproc.js --corpus DIR --data-dir D [--rounds 3]\n');
    process.exit(2);
  }
  const r = await inprocSearch(resolve(corpus), resolveDataDir(flag('data-dir')), Number(flag('rounds') ?? 3));
  process.stdout.write(JSON.stringify(r) + '\n');
}
