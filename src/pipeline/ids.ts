import { createHash } from 'node:crypto';

// Everything but CJK ideographs, letters and digits (a plain class: much faster than \p{…} on long texts).
const KEY_DROP = /[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007A-Za-z0-9\u00c0-\u024f]+/g;

/** Text identity: CJK, letters and digits only (punctuation, spaces and quotes dropped). */
export function textKey(s: string): string {
  return s.replace(KEY_DROP, '');
}

/** Stable task id: plan id + hash of the task's normalized text (and its origin). */
export function taskId(planId: string, origin: string, key: string): string {
  return `${planId}-${createHash('sha1').update(`${origin}\u0000${key}`).digest('hex').slice(0, 8)}`;
}

/** Plan id from its file name: hebei.txt → hebei. */
export function planIdOf(file: string): string {
  return file.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').toLowerCase() || 'plan';
}
