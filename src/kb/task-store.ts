/**
 * Tasks of a cached knowledge base, materialised lazily: the cache keeps them as one JSON array (every
 * task parsed at once when a caller needs them all: export, the terminal app) with a table of each
 * task's byte range and id, so a query that needs a few tasks (the hits of a cold `plans search`, one
 * `plans show`) parses only those.
 *
 * Table file: u32 count · (count + 1) u32 byte offsets into the tasks file · ids, UTF-8, "\n"-separated.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { Task } from '../types.js';

/** Tasks by position without parsing them all (see kb/task-store.ts); what PlansQuery takes as `tasks`. */
export interface TaskStore {
  readonly count: number;
  /** Every task id, in knowledge-base order. */
  readonly ids: readonly string[];
  /** The task at position i (parsed on first use; the same object every time). */
  at(i: number): Task;
  /** Every task (one parse of the whole file, the objects already handed out kept). */
  all(): Task[];
}

/** The tasks file text and its table, for these tasks. */
export function encodeTasks(tasks: readonly Task[]): { json: Buffer; table: Buffer } {
  const parts: Buffer[] = [Buffer.from('[')];
  const off = new Uint32Array(tasks.length + 1);
  let at = 1;
  tasks.forEach((t, i) => {
    const b = Buffer.from((i ? ',' : '') + JSON.stringify(t));
    off[i] = at + (i ? 1 : 0);
    at += b.length;
    parts.push(b);
  });
  off[tasks.length] = at;
  parts.push(Buffer.from(']'));
  if (at > 0xffffffff) throw new Error('tasks file over 4 GB');
  const ids = Buffer.from(tasks.map((t) => t.id).join('\n'));
  const head = new Uint32Array([tasks.length]);
  return { json: Buffer.concat(parts), table: Buffer.concat([Buffer.from(head.buffer), Buffer.from(off.buffer), ids]) };
}

/**
 * A store over a tasks file and its table, or null when they do not fit together (count, offsets).
 * The tasks file stays open until every task is parsed (a concurrent build may remove it meanwhile).
 */
export function openTaskStore(tasksPath: string, tablePath: string, count: number): TaskStore | null {
  let fd = -1;
  try {
    const table = readFileSync(tablePath);
    if (table.length < 8 || table.readUInt32LE(0) !== count) return null;
    if (table.length < 4 + 4 * (count + 1)) return null;
    const off = new Uint32Array(table.buffer.slice(table.byteOffset + 4, table.byteOffset + 4 + 4 * (count + 1)));
    for (let i = 0; i < count; i++) if (off[i + 1] < off[i]) return null;
    // The ids (a plain search needs none of them) are split on first use; their count is checked now.
    const idBytes = table.subarray(4 + 4 * (count + 1));
    let lines = count ? 1 : 0;
    for (let i = idBytes.indexOf(10); i >= 0; i = idBytes.indexOf(10, i + 1)) lines++;
    if (lines !== count) return null;
    let ids: string[] | null = null;
    fd = openSync(tasksPath, 'r');
    const size = fstatSync(fd).size;
    if (off[count] + 1 !== size) {
      closeSync(fd);
      return null;
    }
    const cache: Array<Task | undefined> = new Array(count);
    let every: Task[] | null = null;
    const close = () => {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    };
    return {
      count,
      get ids() {
        return (ids ??= count ? idBytes.toString('utf8').split('\n') : []);
      },
      at(i) {
        if (every) return every[i];
        let t = cache[i];
        if (!t) {
          // a task's bytes: from its offset to the next one's, less the separating comma
          const end = i + 1 < count ? off[i + 1] - 1 : off[count];
          const buf = Buffer.alloc(end - off[i]);
          readSync(fd, buf, 0, buf.length, off[i]);
          cache[i] = t = JSON.parse(buf.toString('utf8')) as Task;
        }
        return t;
      },
      all() {
        if (!every) {
          const parsed = JSON.parse(readFileSync(fd, 'utf8')) as Task[];
          if (parsed.length !== count) throw new Error('tasks file does not match its table');
          for (let i = 0; i < count; i++) if (cache[i]) parsed[i] = cache[i]!;
          every = parsed;
          cache.length = 0;
          close();
        }
        return every;
      },
    };
  } catch {
    if (fd >= 0) closeSync(fd);
    return null;
  }
}
