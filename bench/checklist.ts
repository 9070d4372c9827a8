/**
 * A huge checklist (issue 12, item 9): `plans mine` and `plans mark` with 25k / 50k / 100k orphaned entries,
 * each command a fresh process of the built CLI, timed with its peak RSS (`/usr/bin/time -f '%e %M'` when
 * present, else the child's resource usage), and the file's size after each command that writes it:
 * the first `plans mine` after a re-index (it marks the orphans: a locked update and a write), a second one
 * (a read), `plans mark` on one live task, and `plans mine prune` (only says what it would remove).
 *
 * The checklist is generated in a temp data dir against the bundled corpus (bench/checklist-data.ts): a few
 * entries on live tasks, the rest orphans (made-up task ids) whose last-known text is a live task's text as a
 * new edition might have reworded it, with notes, due dates and history on some. It is written as older
 * versions of plans wrote it (indented JSON).
 *
 *   npm run bench:checklist [-- --sizes 25000,50000,100000] [--json] [--keep] [--no-time (the child's own figures)]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeBase } from '../src/kb/load.js';
import { generateChecklist } from './checklist-data.js';
import { PlansQuery } from '../src/query/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'corpus');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const TIME = '/usr/bin/time';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

interface Measure {
  /** Wall-clock seconds. */
  s: number;
  /** CPU seconds (user + system): steadier than the wall clock on a busy machine. */
  cpu: number;
  rssMb: number;
}

function run(args: string[]): Measure {
  const cmd = [CLI, ...args];
  if (existsSync(TIME) && !process.argv.includes('--no-time')) {
    const out = join(tmpdir(), `plans-bench-time-${process.pid}.txt`);
    const r = spawnSync(TIME, ['-o', out, '-f', '%e %M %U %S', process.execPath, ...cmd], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`plans ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
    const [s, kb, user, sys] = readFileSync(out, 'utf8').trim().split(/\s+/).slice(-4).map(Number);
    rmSync(out, { force: true });
    return { s, cpu: Math.round((user + sys) * 100) / 100, rssMb: Math.round(kb / 1024) };
  }
  // No /usr/bin/time: the child itself writes its peak RSS to a file as it exits (a preloaded module).
  const out = join(tmpdir(), `plans-bench-rss-${process.pid}.txt`);
  const hook = `data:text/javascript,import{writeFileSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeFileSync(${JSON.stringify(out)},u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime))})`;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', hook, ...cmd], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`plans ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const [kb, us] = readFileSync(out, 'utf8').split(' ').map(Number);
  rmSync(out, { force: true });
  return { s: Math.round(s * 100) / 100, cpu: Math.round(us / 1e4) / 100, rssMb: Math.round(kb / 1024) };
}

const sizes = (arg('--sizes') ?? '25000,50000,100000').split(',').map(Number);
const kb = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
const tags = new PlansQuery(kb);
const rows: Array<{ entries: number; fileMb: number; first: Measure; fileAfterFirstMb: number; mine: Measure; mark: Measure; fileAfterMarkMb: number; prune: Measure }> = [];
const mb = (f: string) => Math.round(statSync(f).size / 1e5) / 10;
for (const n of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'plans-bench-checklist-'));
  const base = ['--corpus', CORPUS, '--data-dir', dir];
  run(['index', ...base]); // the knowledge-base cache, so the commands below measure the checklist
  const file = join(dir, 'checklist.json');
  writeFileSync(file, JSON.stringify(generateChecklist(n, kb.tasks, (id) => tags.planTag(id), { freshOrphans: true }), null, 1) + '\n', { mode: 0o600 });
  const fileMb = mb(file);
  const first = run(['mine', ...base]); // marks the orphans (a locked update and a write)
  const fileAfterFirstMb = mb(file);
  const mine = run(['mine', ...base]); // nothing to reconcile: a read
  const mark = run(['mark', kb.tasks[0].id, 'doing', '--note', 'bench', ...base]);
  const fileAfterMarkMb = mb(file);
  const prune = run(['mine', 'prune', ...base]); // says what it would remove
  rows.push({ entries: n, fileMb, first, fileAfterFirstMb, mine, mark, fileAfterMarkMb, prune });
  if (process.argv.includes('--keep')) console.error(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ checklist: rows }) + '\n');
else {
  console.log('seconds (CPU seconds) and peak RSS of each command, and the file size after it');
  console.log('entries   file (old format)   first plans mine → file         plans mine               plans mark → file               plans mine prune');
  const m = (x: Measure) => `${x.s.toFixed(2).padStart(6)} s (${x.cpu.toFixed(2).padStart(5)}) ${String(x.rssMb).padStart(5)} MB`;
  const f = (x: number) => `${x.toFixed(1).padStart(6)} MB`;
  for (const r of rows) console.log(`${String(r.entries).padStart(7)}   ${f(r.fileMb)}           ${m(r.first)} → ${f(r.fileAfterFirstMb)}   ${m(r.mine)}   ${m(r.mark)} → ${f(r.fileAfterMarkMb)}   ${m(r.prune)}`);
}
