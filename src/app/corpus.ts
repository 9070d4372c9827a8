/** The corpus folder as the front ends see it: which plan each file is (for `plans add`'s checks). */
import { listCorpus } from '../kb/load.js';
import { planIdOf } from '../pipeline/ids.js';

/** The plan id a file of this name gets (its name without the extension). */
export function planIdOfFile(name: string): string {
  return planIdOf(name);
}

/** The files of the corpus folder, in name order. */
export function corpusFiles(corpusDir: string): string[] {
  return listCorpus(corpusDir);
}
