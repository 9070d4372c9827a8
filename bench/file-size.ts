/**
 * Indexing one big file: time per MB and peak memory from 1 MB to 50 MB (issue: "indexing one file is
 * quadratic in its size"). Each size runs in a fresh child process (peak RSS is the child's own). The file is
 * the bundled plans concatenated, each copy with its own place names so the de-duplication has work to do.
 *
 *   npm run bench:file [-- --sizes 1,2,5,10,20,50] [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');

if (process.argv[2] === '--child') {
  const { buildKnowledgeBase } = await import('../src/kb/build.js');
  const file = process.argv[3];
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const { kb } = buildKnowledgeBase([{ name: 'big.txt', bytes }]);
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, tasks: kb.tasks.length, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('--sizes') ?? '1,2,5,10,20,50').split(',').map(Number);
const corpus = join(ROOT, 'corpus');
const texts = readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8'));
const PLACES = ['江苏', '浙江', '山东', '河南', '湖北', '广东', '四川', '陕西', '山西', '江西'];
const dir = mkdtempSync(join(tmpdir(), 'plans-bench-file-'));
const rows: Array<{ mb: number; ms: number; msPerMb: number; rssMb: number; rssPerFile: number; tasks: number }> = [];
for (const mb of sizes) {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const t = texts[i % texts.length].replace(/河北|安徽|湖南|福建|重庆/g, PLACES[i % PLACES.length] + (i % 97));
    parts.push(t);
    size += Buffer.byteLength(t);
  }
  const file = join(dir, `big-${mb}.txt`);
  writeFileSync(file, parts.join('\n'));
  const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child failed for ${mb} MB: ${r.stderr}`);
  const res = JSON.parse(r.stdout) as { ms: number; tasks: number; maxRssKb: number };
  const rssMb = res.maxRssKb / 1024;
  rows.push({ mb, ms: Math.round(res.ms), msPerMb: Math.round(res.ms / mb), rssMb: Math.round(rssMb), rssPerFile: Math.round((rssMb / mb) * 10) / 10, tasks: res.tasks });
}
if (process.argv.includes('--json')) process.stdout.write(JSON.stringify({ file: rows }) + '\n');
else {
  console.log('one file    time      per MB    peak RSS   RSS / file size   tasks');
  for (const r of rows) console.log(`${String(r.mb).padStart(4)} MB  ${String(r.ms).padStart(8)} ms  ${String(r.msPerMb).padStart(6)} ms  ${String(r.rssMb).padStart(6)} MB   ${String(r.rssPerFile).padStart(6)}×          ${r.tasks}`);
}
