/**
 * The checklist file (`<data dir>/checklist.json`) behind lowdb, made safe for people's work:
 *
 * - every write is atomic: a private temp file (mode 0600) is written, fsynced and renamed over the file;
 * - every change runs under a lock file (`checklist.json.lock`, created with O_EXCL; a lock left by a dead
 *   process, or older than `staleMs`, is broken safely) and re-reads the file first, so two processes
 *   (two TUIs, the TUI and the CLI) apply their changes to the latest state and never lose each other's;
 * - a file that cannot be read or parsed is never overwritten: ChecklistCorruptError names it, and
 *   `moveAside()` renames it to a timestamped backup only when the user asks;
 * - older schema versions are migrated in memory on read and written back on the next change;
 * - the first change of each day keeps a copy of the previous state in `<data dir>/backups/`.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, renameSync, statSync, unlinkSync, watch, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LowSync, type SyncAdapter } from 'lowdb';
import { CHECKLIST_VERSION, ChecklistFormatError, emptyChecklist, entryProblem, migrate, validateChecklist, type ChecklistData, type Entry } from './model.js';
import { ChecklistSyntaxError, readJsonFile, scanFileEntries, writeJson, writeJsonSpliced, type MemberSpans } from './file.js';

export const CHECKLIST_FILE = 'checklist.json';
const BACKUPS_KEPT = 14;

/** The checklist file exists but cannot be read or understood. It has not been touched. */
export class ChecklistCorruptError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(
      `the checklist file ${file} cannot be read (${reason}). It has NOT been changed or overwritten. ` +
        `Fix it by hand, restore a copy from ${join(dirname(file), 'backups')}, or move it aside to a timestamped backup ` +
        `and start a new, empty checklist with \`plans mine move-aside\` (in the app: press m).`,
    );
  }
}

export class ChecklistLockError extends Error {}

export interface StoreOptions {
  /** The data directory; the file is `<dataDir>/checklist.json`. */
  dataDir: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** Give up waiting for the lock after this long (default 15 s). */
  lockTimeoutMs?: number;
  /** A lock older than this is considered abandoned even if its owner seems alive (default 30 s). */
  staleMs?: number;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported everywhere; the rename is still atomic */
  }
}

/**
 * The file a write to `file` should replace: `file` itself, or, when it is a symbolic link (a checklist kept in
 * a synced folder), the file the link points to (followed through any chain of links, even to a target that
 * does not exist yet), so the rename replaces the target and the link stays a link.
 */
export function writeTarget(file: string): string {
  let cur = file;
  for (let hops = 0; hops < 40; hops++) {
    let st;
    try {
      st = lstatSync(cur);
    } catch {
      return cur; // does not exist (yet): written there
    }
    if (!st.isSymbolicLink()) return cur;
    cur = resolve(dirname(cur), readlinkSync(cur));
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

/** Writes `content` to `file` atomically (temp file in the same folder + fsync + rename), mode 0600; through a symlink. */
export function atomicWriteFile(linkOrFile: string, content: string | Uint8Array): void {
  atomicWrite(linkOrFile, (fd) => {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
  });
}

/** As atomicWriteFile, with the content written by `write` to the temp file's descriptor (in as many pieces as it likes). */
export function atomicWrite(linkOrFile: string, write: (fd: number) => void): void {
  const file = writeTarget(linkOrFile);
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    write(fd);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      /* ignore */
    }
    throw e;
  }
  closeSync(fd);
  renameSync(tmp, file);
  fsyncDir(dir);
}

/**
 * lowdb adapter: strict reading (never silently empty), migrations, atomic 0600 writes; the file is read and
 * written in chunks (file.ts), so a huge checklist is never one string in memory.
 */
class ChecklistAdapter implements SyncAdapter<ChecklistData> {
  migratedFrom: number | null = null;
  /** How many times the file was parsed (for tests: each parse of a huge checklist costs seconds). */
  parses = 0;
  constructor(
    private readonly file: string,
    private readonly now: () => Date,
  ) {}
  read(): ChecklistData | null {
    let parsed;
    try {
      parsed = readJsonFile(this.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return null;
      throw new ChecklistCorruptError(this.file, code === 'EACCES' ? 'permission denied' : (e as Error).message);
    }
    this.parses++;
    if (!parsed.ok) throw new ChecklistCorruptError(this.file, parsed.reason);
    const raw = parsed.value;
    try {
      const { data, migratedFrom } = migrate(raw, this.now().toISOString());
      this.migratedFrom = migratedFrom;
      return data;
    } catch (e) {
      if (e instanceof ChecklistFormatError) throw new ChecklistCorruptError(this.file, e.message);
      throw e;
    }
  }
  write(data: ChecklistData): void {
    atomicWrite(this.file, (fd) => writeJson(fd, data));
  }
}

/**
 * What `update` compares before and after its function runs: the members other than the entries as JSON (a
 * few units: small), and for each entry, in order, its id, the entry object, the number of its fields and
 * each field's value (strings compared by value, a snapshot or the history by identity, with the history's
 * length). About a dozen references per entry, instead of the checklist serialised twice.
 */
export class Fingerprint {
  private readonly head: string;
  private readonly flat: unknown[] = [];
  constructor(d: ChecklistData) {
    this.head = Fingerprint.headOf(d);
    Fingerprint.walk(d, (x) => void this.flat.push(x));
  }
  private static headOf(d: ChecklistData): string {
    const { entries: _entries, ...rest } = d;
    return JSON.stringify(rest);
  }
  private static walk(d: ChecklistData, put: (x: unknown) => boolean | void): boolean {
    const entries = d.entries as Record<string, Entry> | null | undefined;
    if (!entries || typeof entries !== 'object') return put(entries) === false;
    for (const id in entries) {
      if (!Object.prototype.hasOwnProperty.call(entries, id)) continue;
      const e = entries[id];
      if (put(id) === false || put(e) === false) return true;
      if (!e || typeof e !== 'object') continue;
      let n = 0;
      for (const k in e) if (Object.prototype.hasOwnProperty.call(e, k)) n++;
      if (
        put(n) === false ||
        put(e.taskId) === false ||
        put(e.status) === false ||
        put(e.note) === false ||
        put(e.due) === false ||
        put(e.origin) === false ||
        put(e.snapshot) === false ||
        put(e.orphanedAt) === false ||
        put(e.createdAt) === false ||
        put(e.updatedAt) === false ||
        put(e.history) === false ||
        put(Array.isArray(e.history) ? e.history.length : -1) === false
      )
        return true;
    }
    return false;
  }
  differs(d: ChecklistData): boolean {
    if (Fingerprint.headOf(d) !== this.head) return true;
    let i = 0;
    const flat = this.flat;
    const stopped = Fingerprint.walk(d, (x) => i < flat.length && flat[i++] === x);
    return stopped || i !== flat.length;
  }
}

export class ChecklistStore {
  readonly file: string;
  readonly lockFile: string;
  readonly backupDir: string;
  private readonly adapter: ChecklistAdapter;
  private readonly db: LowSync<ChecklistData>;
  private readonly now: () => Date;
  private readonly lockTimeoutMs: number;
  private readonly staleMs: number;
  private held: string | null = null;

  constructor(opts: StoreOptions) {
    this.file = join(opts.dataDir, CHECKLIST_FILE);
    this.lockFile = this.file + '.lock';
    this.backupDir = join(opts.dataDir, 'backups');
    this.now = opts.now ?? (() => new Date());
    this.lockTimeoutMs = opts.lockTimeoutMs ?? 15000;
    this.staleMs = opts.staleMs ?? 30000;
    this.adapter = new ChecklistAdapter(this.file, this.now);
    this.db = new LowSync<ChecklistData>(this.adapter, emptyChecklist());
  }

  /** Schema version the file was migrated from on the last read, or null if it was current (or absent). */
  get migratedFrom(): number | null {
    return this.adapter.migratedFrom;
  }

  /** How many times this store parsed the file. */
  get parses(): number {
    return this.adapter.parses;
  }

  exists(): boolean {
    return existsSync(this.file);
  }

  /** The current content (migrated in memory, not written). Throws ChecklistCorruptError; a missing file reads as empty. */
  /** When the file last changed (mtime in ms; 0 when absent): another process (a second app, `plans mark`) may change it. */
  /** What identifies one version of the file: a rename gives a new inode, a write a new mtime or size. */
  stamp(): string {
    try {
      const st = statSync(this.file);
      return `${st.ino}:${st.mtimeMs}:${st.size}`;
    } catch {
      return 'missing';
    }
  }

  /**
   * Calls `onChange` when the file may have changed: the data folder is watched (writes are a temp file and
   * a rename, so the folder sees them). Returns a function that stops watching; a no-op where watching is
   * not possible (no folder yet, network file systems) — callers poll as well.
   */
  watch(onChange: () => void): () => void {
    try {
      const name = basename(this.file);
      const w = watch(dirname(this.file), { persistent: false }, (_ev, f) => {
        if (!f || f === name) onChange();
      });
      w.on('error', () => w.close());
      return () => w.close();
    } catch {
      return () => {};
    }
  }

  read(): ChecklistData {
    return this.readStamped().data;
  }

  /**
   * read(), with the stamp of the file it read (null when the file changed while it was read, or is
   * missing): `commit(data, stamp)` writes changes made to that data without reading the file again.
   */
  readStamped(): { data: ChecklistData; stamp: string | null } {
    const before = this.stamp();
    this.load();
    // Freshly parsed and held by nobody else: handed over as it is (a copy of a 100 MB checklist costs
    // seconds and as much memory again), and the store keeps none of it.
    const data = this.db.data;
    this.db.data = emptyChecklist();
    const stamp = before !== 'missing' && this.stamp() === before ? before : null;
    return { data, stamp };
  }

  /**
   * Writes `data`, changed by the caller since readStamped() gave it with `stamp`, as update() would have
   * written the same change — if the file is still the one read (same inode, mtime and size: every writer's
   * rename makes a new one), under the lock. False when it is not (then make the change with update()).
   * One read of the file instead of two for a change the caller only knows is needed once it has read it
   * (the first list after a re-index, which marks the orphans).
   */
  commit(data: ChecklistData, stamp: string | null): boolean {
    if (stamp === null) return false;
    return this.withLock(() => {
      this.sweepTemps();
      if (this.stamp() !== stamp) return false;
      const now = this.now().toISOString();
      data.updatedAt = now;
      this.dailyBackup(now);
      this.adapter.write(data);
      this.adapter.migratedFrom = null;
      return true;
    });
  }

  /**
   * The checklist with only the entries `ids` (those of them it has): the file read and checked as read()
   * does, the other entries let go as they are parsed. Falls back to read() for what read() handles
   * specially (no file, an older schema, a file it refuses: its error).
   */
  readEntries(ids: readonly string[]): ChecklistData {
    return this.readPart(new Set(ids))?.data ?? this.read();
  }

  /** lowdb keeps its previous data when the adapter finds no file; a missing file must read as empty. */
  private load(): void {
    this.db.data = emptyChecklist();
    this.db.read();
  }

  /**
   * Runs `fn` on the latest content under the lock and writes the result atomically (only if `fn` changed
   * something, or the file needs migrating). Returns what `fn` returns; the store keeps none of the data.
   *
   * What counts as a change (compared without serialising the checklist, see `Fingerprint`): the units or any
   * other member besides the entries, an entry added, removed or replaced, or a field of an entry set to
   * another value — a new snapshot, a history event pushed. Change what is inside a snapshot or a history
   * event by replacing it, as the operations in entries.ts and reconcile.ts do.
   */
  update<T>(fn: (data: ChecklistData, now: string) => T): T {
    return this.withLock(() => {
      this.sweepTemps();
      this.load(); // re-read under the lock: merge with whatever other processes wrote
      try {
        const data = this.db.data;
        const before = new Fingerprint(data);
        const now = this.now().toISOString();
        const result = fn(data, now);
        if (before.differs(data) || this.adapter.migratedFrom !== null || !this.exists()) {
          data.updatedAt = now;
          this.dailyBackup(now);
          this.db.write();
          this.adapter.migratedFrom = null;
        }
        return result;
      } finally {
        this.db.data = emptyChecklist(); // a large checklist is not kept alive by the store
      }
    });
  }

  /**
   * As update(), for a function that reads and changes only the entries `ids` (and the units): `data.entries`
   * holds just those of them the file has. The file is still read whole and checked as update() checks it
   * (each entry parsed and validated), but only these entries are kept; on a change the rest is copied to
   * the new file byte for byte. A `plans mark` on 100,000 entries holds one entry instead of all of them and
   * serialises one. Anything out of the ordinary (no file yet, an older schema, a file that is not what
   * update() would accept) is left to update() itself.
   */
  updateEntries<T>(ids: readonly string[], fn: (data: ChecklistData, now: string) => T): T {
    return this.withLock(() => {
      this.sweepTemps();
      const part = this.readPart(new Set(ids));
      if (!part) return this.update(fn);
      const { data, spans, stamp } = part;
      const before = new Fingerprint(data);
      const now = this.now().toISOString();
      const result = fn(data, now);
      if (!before.differs(data)) return result;
      // Another writer that ignores the lock changed the file meanwhile: start again from what it wrote.
      if (this.stamp() !== stamp) return this.update(fn);
      data.updatedAt = now;
      this.dailyBackup(now);
      const changed = new Set([...ids, ...Object.keys(data.entries)]);
      const src = openSync(this.file, 'r');
      try {
        atomicWrite(this.file, (fd) => writeJsonSpliced(fd, data, src, spans, changed));
      } finally {
        closeSync(src);
      }
      return result;
    });
  }

  /** The file's data with only the entries `want` (see updateEntries), or null when update() should do it. */
  private readPart(want: ReadonlySet<string>): { data: ChecklistData; spans: MemberSpans; stamp: string } | null {
    const stamp = this.stamp();
    if (stamp === 'missing') return null;
    const spans: MemberSpans = { ids: [], starts: [], ends: [] };
    const entries: Record<string, Entry> = {};
    let problem: string | null = null;
    let scanned;
    try {
      scanned = scanFileEntries(this.file, {
        member(id, start, end) {
          spans.ids.push(id);
          spans.starts.push(start);
          spans.ends.push(end);
        },
        batch(members) {
          for (const id in members) {
            const e = members[id];
            problem ??= entryProblem(id, e);
            if (want.has(id)) Object.defineProperty(entries, id, { value: e, enumerable: true, writable: true, configurable: true });
          }
        },
      });
    } catch (e) {
      if (e instanceof ChecklistSyntaxError || (e as NodeJS.ErrnoException).code) return null; // update() says what is wrong
      throw e;
    }
    this.adapter.parses++;
    const { top, entriesSeen } = scanned;
    if (!entriesSeen || problem !== null || top.version !== CHECKLIST_VERSION) return null;
    top.entries = entries;
    try {
      validateChecklist(top);
    } catch (e) {
      if (e instanceof ChecklistFormatError) return null;
      throw e;
    }
    return { data: top as unknown as ChecklistData, spans, stamp };
  }

  /**
   * Moves the checklist file aside to `checklist.corrupt-<timestamp>.json` next to it (the user asked for it),
   * so that a new, empty checklist can start. Returns the backup's path, or null if there was no file.
   */
  moveAside(): string | null {
    return this.withLock(() => {
      if (!existsSync(this.file)) return null;
      const stamp = this.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      let target = join(dirname(this.file), `checklist.corrupt-${stamp}.json`);
      for (let i = 2; existsSync(target); i++) target = join(dirname(this.file), `checklist.corrupt-${stamp}-${i}.json`);
      renameSync(this.file, target);
      fsyncDir(dirname(this.file));
      return target;
    });
  }

  private swept = false;
  /** Removes temp files left by writers that were killed mid-write (once per store, under the lock). */
  private sweepTemps(): void {
    if (this.swept) return;
    this.swept = true;
    const base = basename(this.file);
    try {
      for (const f of readdirSync(dirname(this.file))) {
        const m = /^\.(.+)\.(\d+)\.[0-9a-f]+\.tmp$/.exec(f);
        if (m && m[1] === base && Number(m[2]) !== process.pid && !pidAlive(Number(m[2]))) unlinkSync(join(dirname(this.file), f));
      }
    } catch {
      /* best effort */
    }
  }

  private dailyBackup(nowIso: string): void {
    if (!existsSync(this.file)) return;
    try {
      mkdirSync(this.backupDir, { recursive: true, mode: 0o700 });
      const target = join(this.backupDir, `checklist-${nowIso.slice(0, 10)}.json`);
      if (existsSync(target)) return;
      copyFileSync(this.file, target);
      const old = readdirSync(this.backupDir)
        .filter((f) => /^checklist-\d{4}-\d{2}-\d{2}\.json$/.test(f))
        .sort();
      for (const f of old.slice(0, Math.max(0, old.length - BACKUPS_KEPT))) unlinkSync(join(this.backupDir, f));
    } catch {
      /* a failed backup must not block the user's change */
    }
  }

  // ------------------------------------------------------------ locking

  private withLock<T>(fn: () => T): T {
    if (this.held) return fn(); // re-entrant within one store
    this.acquire();
    try {
      return fn();
    } finally {
      this.release();
    }
  }

  private acquire(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const token = `${process.pid}.${randomBytes(6).toString('hex')}`;
    const body = JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString(), token });
    const deadline = Date.now() + this.lockTimeoutMs;
    let wait = 1;
    for (;;) {
      try {
        const fd = openSync(this.lockFile, 'wx', 0o600);
        try {
          writeSync(fd, body);
        } finally {
          closeSync(fd);
        }
        this.held = token;
        return;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') throw new ChecklistLockError(`cannot write in ${dirname(this.file)} (${code}): the checklist cannot be changed there; use --data-dir or PLANS_DATA_DIR`);
        if (code !== 'EEXIST') throw e;
      }
      const seen = this.readLock();
      if (seen !== null && this.isStale(seen)) {
        this.breakLock(seen.text);
        continue;
      }
      if (Date.now() > deadline) {
        const who = seen?.info ? ` (held by process ${seen.info.pid} since ${seen.info.at})` : '';
        throw new ChecklistLockError(`the checklist is locked by another plans process${who}; try again, or delete ${this.lockFile} if no other plans is running`);
      }
      sleepSync(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 20);
    }
  }

  private readLock(): { text: string; info: { pid: number; host: string; at: string; token: string } | null; mtimeMs: number } | null {
    try {
      const text = readFileSync(this.lockFile, 'utf8');
      const mtimeMs = statSync(this.lockFile).mtimeMs;
      let info = null;
      try {
        info = JSON.parse(text);
      } catch {
        info = null;
      }
      return { text, info, mtimeMs };
    } catch {
      return null; // gone already
    }
  }

  private isStale(l: { info: { pid: number; host: string } | null; mtimeMs: number }): boolean {
    const age = Date.now() - l.mtimeMs;
    if (!l.info || typeof l.info.pid !== 'number') return age > 2000; // owner died between create and write
    if (l.info.host === hostname() && !pidAlive(l.info.pid)) return true;
    return age > this.staleMs;
  }

  /** Removes a stale lock, but only if it is still the very lock we judged stale (guarded by a breaker lock). */
  private breakLock(staleText: string): void {
    const breaker = this.lockFile + '.break';
    let fd: number;
    try {
      fd = openSync(breaker, 'wx', 0o600);
    } catch {
      try {
        if (Date.now() - statSync(breaker).mtimeMs > 5000) unlinkSync(breaker);
      } catch {
        /* someone else is breaking it */
      }
      sleepSync(2);
      return;
    }
    closeSync(fd);
    try {
      const now = this.readLock();
      if (now && now.text === staleText) unlinkSync(this.lockFile);
    } catch {
      /* already gone */
    } finally {
      try {
        unlinkSync(breaker);
      } catch {
        /* ignore */
      }
    }
  }

  private release(): void {
    const token = this.held;
    this.held = null;
    try {
      const l = this.readLock();
      if (l?.info?.token === token) unlinkSync(this.lockFile);
    } catch {
      /* ignore */
    }
  }
}

export function openStore(dataDir: string, opts: Omit<StoreOptions, 'dataDir'> = {}): ChecklistStore {
  return new ChecklistStore({ dataDir, ...opts });
}
