/**
 * The checklist file's text, read and written in chunks so that a huge checklist (100,000 orphaned entries,
 * 100+ MB) never exists as one string or one buffer in memory:
 *
 * - reading scans the bytes (1 MB at a time) for the top-level members and, inside `entries`, for the
 *   entries, and JSON.parses them a batch of about 256 KB at a time: the parsed checklist is all that stays
 *   in memory (100k entries: ~130 MB of heap), never the text as well (~230 MB more as one string, and the
 *   file's bytes). Anything the scanner does not accept is handed to JSON.parse of the whole text, so a bad
 *   file is reported exactly as before;
 * - writing streams compact JSON, one entry per line, to the file descriptor it is given.
 *
 * The schema is unchanged: what is written is the same JSON any version of plans reads.
 */
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';

export class ChecklistSyntaxError extends Error {}

const CHUNK = 1 << 20;
const BATCH = 1 << 18;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const isWs = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/** A pull reader over a file: `buf[pos..len)` is unread; bytes from `mark` on (when ≥ 0) are kept across refills. */
class Bytes {
  buf = Buffer.allocUnsafe(CHUNK);
  len = 0;
  pos = 0;
  mark = -1;
  /** Where buf[0] is in the file. */
  base = 0;
  private eof = false;
  constructor(private readonly fd: number) {}

  /** Reads more; false at the end of the file. */
  fill(): boolean {
    if (this.eof) return false;
    const keep = this.mark >= 0 ? this.mark : this.pos;
    if (keep > 0) {
      this.buf.copy(this.buf, 0, keep, this.len);
      this.base += keep;
      this.len -= keep;
      this.pos -= keep;
      if (this.mark >= 0) this.mark = 0;
    }
    if (this.len === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2); // one value longer than the buffer
      this.buf.copy(bigger, 0, 0, this.len);
      this.buf = bigger;
    }
    const n = readSync(this.fd, this.buf, this.len, this.buf.length - this.len, null);
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.len += n;
    return true;
  }

  /** The next byte (not consumed), or -1 at the end. */
  peek(): number {
    if (this.pos < this.len || this.fill()) return this.buf[this.pos];
    return -1;
  }

  /** The next byte that is not white space (not consumed), or -1. */
  peekNonWs(): number {
    for (;;) {
      while (this.pos < this.len) {
        const b = this.buf[this.pos];
        if (!isWs(b)) return b;
        this.pos++;
      }
      if (!this.fill()) return -1;
    }
  }

  expect(b: number): void {
    if (this.peekNonWs() !== b) throw new ChecklistSyntaxError(`expected ${String.fromCharCode(b)}`);
    this.pos++;
  }

  /** Past the closing quote of a string whose opening quote is at `pos` (inside a value(): `mark` keeps it across refills). */
  skipString(): void {
    const start = this.base + this.pos;
    this.pos++;
    for (;;) {
      const i = this.buf.indexOf(QUOTE, this.pos);
      if (i < 0 || i >= this.len) {
        this.pos = this.len;
        if (!this.fill()) throw new ChecklistSyntaxError('unterminated string');
        continue;
      }
      let bs = 0;
      for (let j = i - 1, from = start - this.base; j > from && this.buf[j] === BACKSLASH; j--) bs++;
      this.pos = i + 1;
      if (bs % 2 === 0) return;
    }
  }

  /** Past one JSON value starting at `pos` (not validated inside: JSON.parse does that). */
  skipValue(): void {
    const b = this.peek();
    if (b === QUOTE) return this.skipString();
    if (b === 0x7b || b === 0x5b) {
      let depth = 0;
      for (;;) {
        if (this.pos >= this.len && !this.fill()) throw new ChecklistSyntaxError('unexpected end');
        const c = this.buf[this.pos];
        if (c === QUOTE) {
          this.skipString();
          continue;
        }
        this.pos++;
        if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || c === 0x5d) {
          if (--depth === 0) return;
        }
      }
    }
    // a number, true, false or null: up to the next delimiter
    const from = this.base + this.pos;
    for (;;) {
      if (this.pos >= this.len && !this.fill()) break;
      const c = this.buf[this.pos];
      if (c === 0x2c || c === 0x7d || c === 0x5d || isWs(c)) break;
      this.pos++;
    }
    if (this.base + this.pos === from) throw new ChecklistSyntaxError('expected a value');
  }

  /** The JSON value at `pos`, parsed, and consumed. */
  value(): unknown {
    this.peekNonWs();
    this.mark = this.pos;
    this.skipValue();
    const text = this.buf.toString('utf8', this.mark, this.pos);
    this.mark = -1;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new ChecklistSyntaxError((e as Error).message);
    }
  }

  /** A key (a JSON string) and the colon after it. */
  key(): string {
    if (this.peekNonWs() !== QUOTE) throw new ChecklistSyntaxError('expected a key');
    const k = this.value();
    if (typeof k !== 'string') throw new ChecklistSyntaxError('expected a key');
    this.expect(0x3a);
    return k;
  }
}

function put(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

/** Where scan() hands the members of `entries`. */
export interface EntriesSink {
  /** One member, as scanned: its key, and where it is in the file ([start, end): from the key's opening quote to the end of its value). */
  member?(id: string, start: number, end: number): void;
  /** The next members, parsed (one JSON.parse per batch of about BATCH bytes). */
  batch(members: Record<string, unknown>): void;
}

/** The JSON text of a key at buf[from, to) (quotes included), decoded. */
function keyAt(buf: Buffer, from: number, to: number): string {
  const raw = buf.indexOf(BACKSLASH, from) < 0 || buf.indexOf(BACKSLASH, from) >= to ? buf.toString('utf8', from + 1, to - 1) : null;
  if (raw !== null) return raw;
  try {
    return JSON.parse(buf.toString('utf8', from, to)) as string;
  } catch (e) {
    throw new ChecklistSyntaxError((e as Error).message);
  }
}

/**
 * Scans a file whose top level is an object: every member but `entries` parsed into the result, the members
 * of `entries` (when it is an object) handed to `sink` (the result's `entries` is then whatever `sink` makes
 * of it: the caller's). `entriesSeen`: whether the file has an `entries` object (1) or not (0). Throws
 * ChecklistSyntaxError for anything that is not such a JSON text, and for a second `entries` member (rare
 * enough to leave to JSON.parse of the whole text).
 */
function scan(fd: number, sink: EntriesSink): { top: Record<string, unknown>; entriesSeen: number } {
  const r = new Bytes(fd);
  // A byte-order mark, as a UTF-8 editor may leave it.
  if (r.peek() === 0xef) {
    while (r.len - r.pos < 3 && r.fill());
    if (r.len - r.pos >= 3 && r.buf[r.pos + 1] === 0xbb && r.buf[r.pos + 2] === 0xbf) r.pos += 3;
  }
  const first = r.peekNonWs();
  if (first === -1) throw new ChecklistSyntaxError('empty');
  if (first !== 0x7b) throw new ChecklistSyntaxError('not an object'); // JSON.parse of the whole text says what it is
  r.pos++;
  const top: Record<string, unknown> = {};
  let entriesSeen = 0;
  if (r.peekNonWs() === 0x7d) r.pos++;
  else
    for (;;) {
      const k = r.key();
      if (k === 'entries' && Object.prototype.hasOwnProperty.call(top, 'entries')) throw new ChecklistSyntaxError('"entries" twice'); // JSON.parse sorts that out
      if (k === 'entries' && r.peekNonWs() === 0x7b) {
        r.pos++;
        entriesSeen++;
        // Members are checked for their shape here (key, colon, value, comma) and parsed in batches of about
        // BATCH bytes, each batch one JSON.parse of `{…}`: fewer, larger calls than one per entry.
        const flush = () => {
          let batch: Record<string, unknown>;
          try {
            batch = JSON.parse(`{${r.buf.toString('utf8', r.mark, r.pos)}}`) as Record<string, unknown>;
          } catch (e) {
            throw new ChecklistSyntaxError((e as Error).message);
          }
          r.mark = -1;
          sink.batch(batch);
        };
        if (r.peekNonWs() === 0x7d) r.pos++;
        else
          for (;;) {
            if (r.peekNonWs() !== QUOTE) throw new ChecklistSyntaxError('expected a key');
            if (r.mark < 0) r.mark = r.pos;
            const keyStart = r.base + r.pos;
            r.skipString();
            const id = sink.member ? keyAt(r.buf, keyStart - r.base, r.pos) : '';
            r.expect(0x3a);
            r.peekNonWs();
            r.skipValue();
            sink.member?.(id, keyStart, r.base + r.pos);
            const c = r.peekNonWs();
            if (c === 0x7d || r.pos - r.mark >= BATCH) flush();
            r.pos++;
            if (c === 0x7d) break;
            if (c !== 0x2c) throw new ChecklistSyntaxError('expected , or }');
          }
        put(top, k, undefined); // its place among the members
      } else put(top, k, r.value());
      const c = r.peekNonWs();
      r.pos++;
      if (c === 0x7d) break;
      if (c !== 0x2c) throw new ChecklistSyntaxError('expected , or }');
    }
  if (r.peekNonWs() !== -1) throw new ChecklistSyntaxError('text after the end');
  return { top, entriesSeen };
}

/** A sink that builds the entries object. */
function entriesObject(): EntriesSink & { entries: Record<string, unknown> } {
  const entries: Record<string, unknown> = {};
  return {
    entries,
    batch(members) {
      for (const id in members) put(entries, id, members[id]);
    },
  };
}

/**
 * The value of a JSON file whose top level is an object, by the chunked scan alone; throws
 * ChecklistSyntaxError for anything else (no object at the top, not JSON), which readJsonFile then hands
 * to JSON.parse of the whole text.
 */
export function scanJsonFile(file: string): unknown {
  const fd = openSync(file, 'r');
  try {
    const sink = entriesObject();
    const { top, entriesSeen } = scan(fd, sink);
    if (entriesSeen) top.entries = sink.entries;
    return top;
  } finally {
    closeSync(fd);
  }
}

/** scan() of a file, its entries handed to `sink` (see scan). */
export function scanFileEntries(file: string, sink: EntriesSink): { top: Record<string, unknown>; entriesSeen: number } {
  const fd = openSync(file, 'r');
  try {
    return scan(fd, sink);
  } finally {
    closeSync(fd);
  }
}

export type ReadResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Parses the checklist file. `{ ok: false }` says why it is not JSON (the reason JSON.parse gives, or that
 * it is empty). File-system errors (ENOENT, EACCES) are thrown as they are.
 */
export function readJsonFile(file: string): ReadResult {
  try {
    return { ok: true, value: scanJsonFile(file) };
  } catch (e) {
    if (!(e instanceof ChecklistSyntaxError)) throw e;
  }
  // Not what the scanner expects: the whole text through JSON.parse (its verdict, its message).
  let text = readFileSync(file, 'utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { ok: false, reason: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, reason: `not valid JSON: ${(e as Error).message}` };
  }
}

/** Text and byte ranges of another file, written to `fd` in pieces of about CHUNK bytes. */
class Out {
  private text = '';
  bytes = 0;
  private copyBuf: Buffer | null = null;
  constructor(private readonly fd: number) {}
  put(s: string): void {
    this.text += s;
    if (this.text.length >= CHUNK) this.flush();
  }
  private writeAll(b: Uint8Array, n: number): void {
    let off = 0;
    while (off < n) off += writeSync(this.fd, b, off, n - off);
    this.bytes += n;
  }
  flush(): void {
    if (!this.text) return;
    const b = Buffer.from(this.text, 'utf8');
    this.text = '';
    this.writeAll(b, b.length);
  }
  /** Bytes [start, end) of the file open as `src`, as they are. */
  copy(src: number, start: number, end: number): void {
    this.flush();
    const buf = (this.copyBuf ??= Buffer.allocUnsafe(CHUNK));
    for (let at = start; at < end; ) {
      const n = readSync(src, buf, 0, Math.min(buf.length, end - at), at);
      if (n <= 0) throw new Error('the checklist file ended early while it was copied');
      this.writeAll(buf, n);
      at += n;
    }
  }
}

/** The members of `data` other than an `entries` object, compact: `"k":v,"k2":v2`. */
function headMembers(data: Record<string, unknown>): string {
  const out: string[] = [];
  for (const k of Object.keys(data)) {
    if (k === 'entries' && data[k] && typeof data[k] === 'object' && !Array.isArray(data[k])) continue;
    const v = JSON.stringify(data[k]);
    if (v !== undefined) out.push(`${JSON.stringify(k)}:${v}`);
  }
  return out.join(',');
}

/** Writes `data` as compact JSON, the small members first and then `entries` one per line, in chunks of about 1 MB. */
export function writeJson(fd: number, data: object): number {
  const out = new Out(fd);
  const o = data as Record<string, unknown>;
  const head = headMembers(o);
  out.put(`{${head}`);
  const entries = o.entries;
  if (entries && typeof entries === 'object' && !Array.isArray(entries)) {
    out.put(`${head ? ',' : ''}"entries":{`);
    let first = true;
    for (const [id, e] of Object.entries(entries as Record<string, unknown>)) {
      const v = JSON.stringify(e);
      if (v === undefined) continue;
      out.put(`${first ? '\n' : ',\n'}${JSON.stringify(id)}:${v}`);
      first = false;
    }
    out.put(first ? '}}\n' : '\n}}\n');
  } else out.put('}\n');
  out.flush();
  return out.bytes;
}

/** Where the members of an entries object are in a file, in order (see scanFileEntries' sink). */
export interface MemberSpans {
  ids: string[];
  starts: number[];
  ends: number[];
}

/**
 * Writes `data` as writeJson does, but for its entries: the members of the file open as `src` (at `spans`)
 * are copied as they are, byte for byte, except those whose id is in `changed`: these are written from
 * `data.entries` at their first place (later duplicates are left out), or left out when `data.entries` no
 * longer has them. `changed` must hold every id of `data.entries`; those the file did not have come last.
 */
export function writeJsonSpliced(fd: number, data: { entries: Record<string, unknown> }, src: number, spans: MemberSpans, changed: ReadonlySet<string>): number {
  const out = new Out(fd);
  const entries = data.entries;
  const own = (id: string) => Object.prototype.hasOwnProperty.call(entries, id);
  const head = headMembers(data as unknown as Record<string, unknown>);
  out.put(`{${head}${head ? ',' : ''}"entries":{`);
  let n = 0;
  const written = new Set<string>();
  const member = (id: string) => {
    written.add(id);
    if (!own(id)) return;
    const v = JSON.stringify(entries[id]);
    if (v === undefined) return;
    out.put(`${n++ ? ',\n' : '\n'}${JSON.stringify(id)}:${v}`);
  };
  const { ids, starts, ends } = spans;
  for (let i = 0; i < ids.length; ) {
    if (changed.has(ids[i])) {
      if (!written.has(ids[i])) member(ids[i]);
      i++;
      continue;
    }
    let j = i; // a run of members copied as they are, with what separates them in the file
    while (j + 1 < ids.length && !changed.has(ids[j + 1])) j++;
    out.put(n++ ? ',\n' : '\n');
    out.copy(src, starts[i], ends[j]);
    n += j - i;
    i = j + 1;
  }
  for (const id of Object.keys(entries)) if (!written.has(id)) member(id);
  out.put(n ? '\n}}\n' : '}}\n');
  out.flush();
  return out.bytes;
}
