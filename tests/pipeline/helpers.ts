import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../../src/kb/load.js';
import type { KnowledgeBase, Task } from '../../src/types.js';

export const CORPUS = join(__dirname, '..', '..', 'corpus');
export const PLAN_FILES = ['anhui.txt', 'chongqing.txt', 'fujian.txt', 'hebei.txt', 'hunan.txt'];

let memo: KnowledgeBase | null = null;
export function bundledKb(): KnowledgeBase {
  if (!memo) memo = loadKnowledgeBase({ corpusDir: CORPUS, cachePath: null }).kb;
  return memo;
}
export function rawOf(file: string): string {
  return readFileSync(join(CORPUS, file), 'utf8');
}
export function tasksOf(planId: string): Task[] {
  return bundledKb().tasks.filter((t) => t.planId === planId);
}
/** The one task whose text contains `needle` (fails loudly if none or several). */
export function taskWith(planId: string, needle: string, origin: 'prose' | 'annex' = 'prose'): Task {
  const hits = tasksOf(planId).filter((t) => t.source.origin === origin && t.text.includes(needle));
  if (hits.length !== 1) throw new Error(`${hits.length} ${origin} tasks in ${planId} contain "${needle}"`);
  return hits[0];
}
