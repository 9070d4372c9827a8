import type { KnowledgeBase, SkippedFile } from '../types.js';

export interface CorpusFile {
  name: string;
  bytes: Buffer;
  error?: string;
}

export const KB_VERSION = 1;

export function buildKnowledgeBase(files: CorpusFile[], onProgress?: (done: number, total: number, file: string) => void): { kb: KnowledgeBase; skipped: SkippedFile[] } {
  // STUB: replaced by the pipeline.
  void onProgress;
  return { kb: { version: KB_VERSION, plans: [], tasks: [], units: [], themes: [] }, skipped: files.map((f) => ({ file: f.name, reason: 'not implemented' })) };
}
