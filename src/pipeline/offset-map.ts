/**
 * A map from the offsets of a derived text (normalized, folded) back to the offsets of its source, kept as
 * runs: within a run, offset i maps to src + (i − at). A text that mostly copies its source is a handful
 * of runs (a clean LF file is one), where a per-character Int32Array cost 4 bytes per character.
 */
import { grown } from '../util/arrays.js';

export interface OffsetMap {
  /** Derived offset where each run starts (ascending; the first is 0). */
  readonly at: Int32Array;
  /** Source offset of each run's first character. */
  readonly src: Int32Array;
  readonly runs: number;
}

export class OffsetMapBuilder {
  private at = new Int32Array(16);
  private src = new Int32Array(16);
  private runs = 0;
  private next = 0; // derived offset of the next character
  private nextSrc = -1; // source offset the current run would continue with

  /** The next `len` derived characters come from source offsets source, source + 1, … */
  push(source: number, len = 1): void {
    if (len <= 0) return;
    if (this.runs === 0 || source !== this.nextSrc) {
      this.at = grown(this.at, this.runs + 1);
      this.src = grown(this.src, this.runs + 1);
      this.at[this.runs] = this.next;
      this.src[this.runs] = source;
      this.runs++;
    }
    this.next += len;
    this.nextSrc = source + len;
  }

  /** Derived offset of the next character (the length so far). */
  get length(): number {
    return this.next;
  }

  done(): OffsetMap {
    return { at: this.at.slice(0, this.runs), src: this.src.slice(0, this.runs), runs: this.runs };
  }
}

/** Source offset of derived offset `i` (binary search over the runs). */
export function mapOffset(m: OffsetMap, i: number): number {
  let lo = 0;
  let hi = m.runs - 1;
  if (hi < 0) return i;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m.at[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return m.src[lo] + (i - m.at[lo]);
}

/** The identity map of a text of length n. */
export function identityMap(): OffsetMap {
  return { at: Int32Array.of(0), src: Int32Array.of(0), runs: 1 };
}
