/**
 * The start-up build of a stale knowledge base, in a worker thread (app/build-worker.ts), so the terminal
 * stays responsive: progress is reported, and q, Esc or Ctrl+C cancel at once.
 */
import { Worker } from 'node:worker_threads';

/** Runs the build in a worker; resolves false when the user cancels with q, Esc or Ctrl+C. */
export function buildInWorker(corpus: string, cachePath: string, onProgress: (done: number, total: number, file: string) => void): Promise<boolean> {
  return new Promise((resolvePromise) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./build-worker.js', import.meta.url), { workerData: { corpusDir: corpus, cachePath } });
    } catch {
      resolvePromise(true); // no worker (running from sources): openKb builds in the foreground
      return;
    }
    const stdin = process.stdin;
    const raw = Boolean(stdin.isTTY);
    const onKey = (d: Buffer) => {
      const s = d.toString();
      if (s === '\u0003' || s === 'q' || s === '\u001b') finish(false);
    };
    const finish = (ok: boolean) => {
      stdin.off('data', onKey);
      if (raw) stdin.setRawMode(false);
      stdin.pause();
      void worker.terminate();
      resolvePromise(ok);
    };
    if (raw) stdin.setRawMode(true);
    stdin.on('data', onKey);
    stdin.resume();
    worker.on('message', (m: { type: string; done?: number; total?: number; file?: string }) => {
      if (m.type === 'progress') onProgress(m.done!, m.total!, m.file ?? '');
      else if (m.type === 'done') finish(true);
    });
    worker.on('error', () => finish(true)); // openKb then builds in the foreground and reports properly
  });
}

