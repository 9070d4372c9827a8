/**
 * When the user last typed: the one place background work asks whether it may go on. Listens to the
 * terminal's input ('readable', without reading it: Ink reads). `idle()` resolves on the next turn of the
 * event loop once no key has come for `quietMs`, else when that much time has passed since the last one.
 * Used by the warm-up ahead of keys (PlansQuery.warmAheadAsync) and the typing rehearsal (rehearse.ts).
 */
export class InputActivity {
  private last = -Infinity;
  private readonly onKey = () => {
    this.last = performance.now();
  };

  constructor(
    private readonly input?: NodeJS.ReadStream | NodeJS.EventEmitter,
    readonly quietMs = 600,
  ) {
    input?.on('readable', this.onKey);
  }

  /** Milliseconds since the last key (Infinity before the first). */
  sinceLastKey(): number {
    return performance.now() - this.last;
  }

  /** Resolves when background work may take its next slice. */
  readonly idle = async (): Promise<void> => {
    await new Promise<void>((r) => setImmediate(r));
    for (let wait = this.quietMs - this.sinceLastKey(); wait > 0; wait = this.quietMs - this.sinceLastKey()) {
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(wait, 250));
        t.unref?.();
      });
    }
  };

  /** Stops listening. */
  close(): void {
    this.input?.off('readable', this.onKey);
  }
}
