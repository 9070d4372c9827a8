/**
 * Progress for building the knowledge base at start: silent for the first 200 ms (a cached or quick
 * build shows nothing), then one self-overwriting line per file. Pure apart from `write` and `now`.
 */
export const PROGRESS_AFTER_MS = 200;

export function progressReporter(write: (s: string) => void, now: () => number = () => performance.now(), afterMs = PROGRESS_AFTER_MS) {
  const t0 = now();
  let shown = false;
  return {
    onProgress(done: number, total: number, file: string): void {
      if (done >= total) {
        if (shown) write('\r\u001b[2K');
        return;
      }
      if (now() - t0 < afterMs) return;
      shown = true;
      const name = file.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
      write(`\r\u001b[2K正在建立知识库 building the knowledge base… ${done + 1}/${total} ${name}  (q 取消 cancel)`);
    },
    get shown(): boolean {
      return shown;
    },
  };
}
