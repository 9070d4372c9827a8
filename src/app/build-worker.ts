/**
 * Builds the knowledge base off the main thread when the terminal app starts on a stale cache, so the
 * terminal stays responsive (progress drawn, q / Ctrl+C cancel) while a large folder is indexed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledgeBase } from '../kb/load.js';

const { corpusDir, cachePath } = workerData as { corpusDir: string; cachePath: string };
loadKnowledgeBase({
  corpusDir,
  cachePath,
  onProgress: (done, total, file) => parentPort?.postMessage({ type: 'progress', done, total, file }),
});
parentPort?.postMessage({ type: 'done' });
