/**
 * `plans add FILE…`: copies (never moves) plan files into the corpus folder, indexes them and prints the
 * per-plan report. A file that cannot be read is not copied: it is listed with the reason, the rest are added.
 */
import { constants, copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs, str, UsageError, type ParsedArgs } from '../args.js';

const bool = (p: ParsedArgs, name: string) => p.flags[name] === true;
import type { Io } from '../../app/io.js';
import { corpusFolderProblem, KB_FLAGS, openKb } from '../../app/open.js';
import { corpusDir } from '../../app/paths.js';
import { readDocument } from '../../readers/index.js';
import { corpusFiles, planIdOfFile } from '../../app/corpus.js';
import { displayWidth, padEndWidth, stripControl } from '../../util/text.js';

export async function run(argv: string[], io: Io): Promise<number> {
  const p = parseArgs(argv, { strings: KB_FLAGS, booleans: ['json', 'force'] });
  if (!p.positionals.length) throw new UsageError('plans add FILE… (one or more plan files: .txt .md .html .docx .pdf .xlsx .csv)');
  const corpus = corpusDir(str(p, 'corpus'));
  const problem = corpusFolderProblem(corpus);
  if (problem) throw new UsageError(problem);
  const added: string[] = [];
  const failed: Array<{ file: string; reason: string }> = [];
  for (const f of p.positionals) {
    const src = resolve(f);
    const name = basename(src);
    let bytes: Buffer;
    try {
      if (!statSync(src).isFile()) throw new Error('not a regular file');
      bytes = readFileSync(src);
    } catch (e) {
      failed.push({ file: f, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    const r = readDocument(name, bytes);
    if (!r.ok) {
      failed.push({ file: f, reason: r.reason });
      continue;
    }
    const dest = join(corpus, name);
    // One plan per id: anhui.docx and anhui.pdf would both be plan "anhui".
    const twin = [...corpusFiles(corpus), ...added].find((other) => other !== name && planIdOfFile(other) === planIdOfFile(name));
    if (twin) {
      failed.push({ file: f, reason: `the corpus already has ${twin} as plan "${planIdOfFile(name)}": rename the file to add it as another plan` });
      continue;
    }
    if (resolve(dest) === src) {
      added.push(name);
      continue;
    }
    if (existsSync(dest)) {
      if (readFileSync(dest).equals(bytes)) {
        added.push(name);
        continue;
      }
      if (!bool(p, 'force')) {
        failed.push({ file: f, reason: `${name} is already in the corpus with other content (use --force to replace it)` });
        continue;
      }
    }
    try {
      copyFileSync(src, dest, bool(p, 'force') ? 0 : constants.COPYFILE_EXCL);
      added.push(name);
    } catch (e) {
      failed.push({ file: f, reason: `cannot copy into ${corpus}: ${(e as Error).message}` });
    }
  }
  for (const x of failed) io.err(`plans add: ${stripControl(x.file)}: ${x.reason}`);
  if (!added.length) return 1;
  const { query, load } = await openKb(p, io, { quietSkips: true });
  const rows = added.map((file) => {
    const plan = query.plans().find((pl) => pl.file === file);
    const skip = load.skipped.find((s) => s.file === file);
    const tasks = plan ? query.tasks().filter((t) => t.planId === plan.id) : [];
    return { file, plan: plan?.id ?? null, tasks: tasks.length, dated: tasks.filter((t) => t.deadlines.length).length, withUnits: tasks.filter((t) => t.units.length).length, warnings: plan?.warnings ?? [], error: skip?.reason ?? null };
  });
  if (bool(p, 'json')) {
    io.out(JSON.stringify({ corpus, added: rows, failed }, null, 2));
    return failed.length || rows.some((r) => r.error) ? 1 : 0;
  }
  const head = ['文件 file', '方案 plan', '任务 tasks', '有期限 dated', '有单位 with units', '提示 warnings'];
  const table = [head, ...rows.map((r) => [r.file, r.plan ?? '—', r.tasks, r.dated, r.withUnits, r.warnings.length].map(String))];
  const widths = head.map((_, i) => Math.max(...table.map((r) => displayWidth(r[i]))));
  for (const r of table) io.out(r.map((c, i) => padEndWidth(stripControl(c), widths[i])).join('  '));
  for (const r of rows) for (const w of r.warnings) io.out(`提示 warning ${r.plan}: ${w}`);
  for (const r of rows) if (r.error) io.err(`plans add: ${r.file}: ${r.error}`);
  io.out(`已添加 ${rows.filter((r) => r.plan).length} 个方案 plans added to ${corpus}；方案库共 ${query.plans().length} 个方案 plans in the corpus。每项任务的来由 why each task is there: \`plans index --explain FILE\``);
  return failed.length || rows.some((r) => r.error) ? 1 : 0;
}
