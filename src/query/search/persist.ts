/**
 * The search index in a compact, persisted form: every part a typed array (CSR layouts: a key table,
 * offsets, one Int32Array of doc ids), packed into one file and read back lazily — a cold query reads the
 * small tables and the folded texts, then only the posting lists it touches (a few kilobytes each), not
 * the whole file (over a hundred megabytes at 500 plans, most of it pinyin). Pure: the knowledge-base layer
 * opens the file and hands over a `readAt` (kb/cache.ts).
 *
 * File: "PLSI" · u32 header length · header JSON (format, code, n, sections: name → [type, offset,
 * length]) · sections, each 8-byte aligned, in three groups: what every query needs (read when the index
 * is opened), the pinyin tables (read on the first Latin query), and the posting lists and pinyin texts
 * (read a slice at a time).
 *
 * Pinyin per field is stored as its full pinyin with each syllable's first letter in upper case (which is
 * where a match may start) and its initials; the map from a letter to the field's character is derived
 * from those and the field's text on use, so neither is stored.
 */

/** Bumped whenever the layout (or the meaning of a section) changes. */
export const SEARCH_FORMAT = 2;

export type Section = Int32Array | Uint16Array | Uint8Array;
const TYPES = { i32: Int32Array, u16: Uint16Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;

/** The index's parts in memory, as SearchIndex exports them to be encoded (toParts). */
export interface SearchParts {
  n: number;
  nChars: number;
  overflow: boolean;
  /** Folded fields (2n): UTF-16 code units concatenated, offsets (2n + 1). */
  fieldText: Uint16Array;
  fieldOff: Int32Array;
  charId: Uint16Array;
  /** Unigram posting lists, CSR over char ids 0..nChars. */
  uniOff: Int32Array;
  uniData: Int32Array;
  /** Bigram posting lists, CSR over sorted keys. */
  biKeys: Int32Array;
  biOff: Int32Array;
  biData: Int32Array;
  /** Pinyin: field → distinct entry; entries' full pinyin (ASCII, syllable starts in upper case), initials (ASCII, own offsets). */
  pyOf: Int32Array;
  pyFull: Uint8Array;
  pyFullOff: Int32Array;
  pyIni: Uint8Array;
  pyIniOff: Int32Array;
  /** Letter-trigram posting lists, CSR over the 37³ keys. */
  triOff: Int32Array;
  triData: Int32Array;
}

/** The pinyin tables, loaded on first use. */
export interface PinyinSource {
  pyOf: Int32Array;
  pyFullOff: Int32Array;
  pyIniOff: Int32Array;
  triOff: Int32Array;
  /** Bytes [a, b) of the full pinyin / of the initials. */
  full(a: number, b: number): Uint8Array;
  ini(a: number, b: number): Uint8Array;
}

/**
 * A search index to answer from (SearchIndex.fromParts): the tables every query needs, in memory; posting
 * lists and pinyin read on demand. Damage found only on use (a doc id out of range) throws
 * SearchIndexCorrupt; PlansQuery then builds the index from the tasks instead.
 */
export interface SearchSource {
  n: number;
  nChars: number;
  overflow: boolean;
  fieldOff: Int32Array;
  charId: Uint16Array;
  uniOff: Int32Array;
  biKeys: Int32Array;
  biOff: Int32Array;
  /** UTF-16 code units [a, b) of the folded fields (one field, or all of them: 0 to fieldOff[2n]). */
  fieldText(a: number, b: number): Uint16Array;
  /** Doc ids [a, b) of a posting section (checked: every id < 2n). */
  postings(section: 'uniData' | 'biData' | 'triData', a: number, b: number): Int32Array;
  /** The pinyin tables (read and checked on the first call). */
  pinyin(): PinyinSource;
}

export class SearchIndexCorrupt extends Error {}

const EAGER: Array<[keyof SearchParts, TypeName]> = [['fieldOff', 'i32'], ['charId', 'u16'], ['uniOff', 'i32'], ['biKeys', 'i32'], ['biOff', 'i32']];
const PINYIN: Array<[keyof SearchParts, TypeName]> = [['pyOf', 'i32'], ['pyFullOff', 'i32'], ['pyIniOff', 'i32'], ['triOff', 'i32']];
const LAZY: Array<[keyof SearchParts, TypeName]> = [['fieldText', 'u16'], ['uniData', 'i32'], ['biData', 'i32'], ['triData', 'i32'], ['pyFull', 'u8'], ['pyIni', 'u8']];
const SECTIONS = [...EAGER, ...PINYIN, ...LAZY];
const TRI_KEYS = 37 * 37 * 37;

interface Header {
  format: number;
  code: string;
  n: number;
  nChars: number;
  overflow: boolean;
  sections: Record<string, [TypeName, number, number]>;
}

const MAGIC = [0x50, 0x4c, 0x53, 0x49]; // PLSI

/** One buffer holding every part; `code` identifies the code that built it (a mismatch is rejected on open). */
export function encodeSearch(parts: SearchParts, code: string): Uint8Array {
  const chunks = encodeSearchChunks(parts, code);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The same bytes as `encodeSearch`, as pieces (the head, then views of the parts and their padding) to write one after the other without one buffer of them all. */
export function encodeSearchChunks(parts: SearchParts, code: string): Uint8Array[] {
  const lengths: Partial<Record<keyof SearchParts, number>> = {};
  for (const [name] of SECTIONS) lengths[name] = (parts[name] as Section).length;
  const out: Uint8Array[] = [encodeSearchHead(parts, lengths as Record<keyof SearchParts, number>, code)];
  const pad = new Uint8Array(8);
  for (const [name] of SECTIONS) {
    const a = parts[name] as Section;
    out.push(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const p = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (p) out.push(pad.subarray(0, p));
  }
  return out;
}

/** Reads `len` bytes at `pos` of the file (a fresh, 8-byte aligned array); throws when fewer are there. */
export type ReadAt = (pos: number, len: number) => Uint8Array;

function csr(off: Int32Array, len: number, dataLen: number): boolean {
  if (off.length !== len || off[0] !== 0 || off[len - 1] !== dataLen) return false;
  for (let i = 1; i < len; i++) if (off[i] < off[i - 1]) return false;
  return true;
}

/** The header of an index file from its first bytes (null when it is not one of this format and code). */
function readHeader(readAt: ReadAt, size: number, code: string, n: number): { h: Header; start: number } | null {
  if (size < 8) return null;
  const head = readAt(0, 8);
  if (MAGIC.some((b, i) => head[i] !== b)) return null;
  const hlen = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
  if (8 + hlen > size) return null;
  const h = JSON.parse(new TextDecoder().decode(readAt(8, hlen))) as Header;
  if (h.format !== SEARCH_FORMAT || h.code !== code || h.n !== n || !h.sections) return null;
  const start = Math.ceil((8 + hlen) / 8) * 8;
  let end = 0;
  for (const [name, type] of SECTIONS) {
    const s = h.sections[name];
    if (!s || s[0] !== type || !Number.isInteger(s[1]) || !Number.isInteger(s[2]) || s[1] < 0 || s[2] < 0 || s[1] % 8) return null;
    end = Math.max(end, s[1] + Math.ceil((s[2] * TYPES[type].BYTES_PER_ELEMENT) / 8) * 8);
  }
  // exactly as long as its sections (a file cut short, even in the last section's padding, is refused)
  if (start + end !== size) return null;
  return { h, start };
}

/** The sections of a group, read with one call (they are contiguous in the file). */
function readGroup(readAt: ReadAt, h: Header, start: number, group: Array<[keyof SearchParts, TypeName]>): Record<string, Section> {
  const first = h.sections[group[0][0]][1];
  const [lastName, lastType] = group[group.length - 1];
  const last = h.sections[lastName];
  const bytes = readAt(start + first, last[1] - first + last[2] * TYPES[lastType].BYTES_PER_ELEMENT);
  const out: Record<string, Section> = {};
  for (const [name, type] of group) {
    const s = h.sections[name];
    out[name] = new TYPES[type](bytes.buffer as ArrayBuffer, bytes.byteOffset + s[1] - first, s[2]);
  }
  return out;
}

/** The sections in the order they follow the head, each padded to 8 bytes, and the size of their elements. */
export const SEARCH_SECTIONS: ReadonlyArray<readonly [keyof SearchParts, number]> = SECTIONS.map(([name, type]) => [name, TYPES[type].BYTES_PER_ELEMENT] as const);

/** The head of an encoded index (magic, header, padding to 8) whose sections have these lengths (elements). */
export function encodeSearchHead(info: Pick<SearchParts, 'n' | 'nChars' | 'overflow'>, lengths: Record<keyof SearchParts, number>, code: string): Uint8Array {
  const sections: Header['sections'] = {};
  let at = 0;
  for (const [name, type] of SECTIONS) {
    sections[name] = [type, at, lengths[name]];
    at += Math.ceil((lengths[name] * TYPES[type].BYTES_PER_ELEMENT) / 8) * 8;
  }
  const header = new TextEncoder().encode(JSON.stringify({ format: SEARCH_FORMAT, code, n: info.n, nChars: info.nChars, overflow: info.overflow, sections } satisfies Header));
  const head = new Uint8Array(Math.ceil((8 + header.length) / 8) * 8);
  head.set(MAGIC, 0);
  new DataView(head.buffer).setUint32(4, header.length, true);
  head.set(header, 8);
  return head;
}

/**
 * Opens an index file: reads its header and the tables every query needs, checks them (sizes, offsets
 * monotone and in range), and returns a source that reads the rest on demand; null when it is not a valid
 * index for these tasks (truncated, another format or code, another number of tasks). `readAt` may throw
 * (a file removed by a concurrent build): a read on demand then throws SearchIndexCorrupt.
 */
export function openSearch(readAt: ReadAt, size: number, code: string, n: number): SearchSource | null {
  try {
    const got = readHeader(readAt, size, code, n);
    if (!got) return null;
    const { h, start } = got;
    if (!Number.isInteger(h.nChars) || h.nChars < 0 || h.nChars > 32767) return null;
    const e = readGroup(readAt, h, start, EAGER) as unknown as Pick<SearchParts, 'fieldOff' | 'charId' | 'uniOff' | 'biKeys' | 'biOff'>;
    const len = (name: keyof SearchParts) => h.sections[name][2];
    const ok =
      e.charId.length === 65536 &&
      csr(e.fieldOff, 2 * n + 1, len('fieldText')) &&
      csr(e.uniOff, h.nChars + 2, len('uniData')) &&
      csr(e.biOff, e.biKeys.length + 1, len('biData'));
    if (!ok) return null;
    for (let c = 0; c < 65536; c++) if (e.charId[c] > h.nChars && !(h.overflow && e.charId[c] === 32767)) return null;
    const sectionAt = (name: keyof SearchParts) => start + h.sections[name][1];
    const limit = 2 * n;
    const read = (pos: number, bytes: number): Uint8Array => {
      try {
        return readAt(pos, bytes);
      } catch (err) {
        throw new SearchIndexCorrupt(`search index unreadable: ${(err as Error).message}`);
      }
    };
    const postings = (section: 'uniData' | 'biData' | 'triData', a: number, b: number): Int32Array => {
      if (!(a >= 0 && b >= a && b <= len(section))) throw new SearchIndexCorrupt(`${section} [${a}, ${b}) out of range`);
      if (a === b) return new Int32Array(0);
      const bytes = read(sectionAt(section) + 4 * a, 4 * (b - a));
      const ids = new Int32Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, b - a);
      for (let i = 0; i < ids.length; i++) if (ids[i] < 0 || ids[i] >= limit) throw new SearchIndexCorrupt(`${section}: doc id ${ids[i]} out of range`);
      return ids;
    };
    const fieldText = (a: number, b: number): Uint16Array => {
      if (!(a >= 0 && b >= a && b <= len('fieldText'))) throw new SearchIndexCorrupt(`fieldText [${a}, ${b}) out of range`);
      if (a === b) return new Uint16Array(0);
      const bytes = read(sectionAt('fieldText') + 2 * a, 2 * (b - a));
      return new Uint16Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, b - a);
    };
    let py: PinyinSource | null = null;
    const pinyin = (): PinyinSource => {
      if (py) return py;
      const p = readGroup((pos, l) => read(pos, l), h, start, PINYIN) as unknown as Pick<SearchParts, 'pyOf' | 'pyFullOff' | 'pyIniOff' | 'triOff'>;
      const P = p.pyFullOff.length - 1;
      const fine =
        P >= 0 &&
        csr(p.pyFullOff, P + 1, len('pyFull')) &&
        csr(p.pyIniOff, P + 1, len('pyIni')) &&
        p.pyOf.length === 2 * n &&
        p.pyOf.every((k) => k >= 0 && k < P) &&
        csr(p.triOff, TRI_KEYS + 1, len('triData'));
      if (!fine) throw new SearchIndexCorrupt('pinyin tables damaged');
      const bytesOf = (section: 'pyFull' | 'pyIni') => (a: number, b: number) => (a === b ? new Uint8Array(0) : read(sectionAt(section) + a, b - a));
      py = { ...p, full: bytesOf('pyFull'), ini: bytesOf('pyIni') };
      return py;
    };
    return { n, nChars: h.nChars, overflow: Boolean(h.overflow), ...e, fieldText, postings, pinyin };
  } catch {
    return null;
  }
}

/**
 * How many bytes from the start of an index file hold its header and the tables `openSearch` reads at once,
 * from the file's first bytes (`head`, at least the header); null when that cannot be told (not an index,
 * or `head` too short). A reader that prefetches them (without blocking) serves `openSearch` from memory.
 */
export function eagerBytes(head: Uint8Array): number | null {
  try {
    if (head.length < 8 || MAGIC.some((b, i) => head[i] !== b)) return null;
    const hlen = new DataView(head.buffer, head.byteOffset, 8).getUint32(4, true);
    if (8 + hlen > head.length) return null;
    const h = JSON.parse(new TextDecoder().decode(head.subarray(8, 8 + hlen))) as Header;
    const [name, type] = EAGER[EAGER.length - 1];
    const s = h.sections?.[name];
    if (!s || s[0] !== type) return null;
    return Math.ceil((8 + hlen) / 8) * 8 + s[1] + s[2] * TYPES[type].BYTES_PER_ELEMENT;
  } catch {
    return null;
  }
}

/** An encoded index held in memory (tests; a buffer read whole), opened like a file. */
export function decodeSearch(buf: Uint8Array, code: string, n: number): SearchSource | null {
  const readAt: ReadAt = (pos, len) => {
    if (pos < 0 || pos + len > buf.length) throw new RangeError('read past the end');
    return buf.slice(pos, pos + len);
  };
  return openSearch(readAt, buf.length, code, n);
}

/** The parts of an index built in this process, served as a source (nothing encoded or copied). */
export function partsSource(p: SearchParts): SearchSource {
  const { pyOf, pyFullOff, pyIniOff, triOff, pyFull, pyIni } = p;
  const py: PinyinSource = { pyOf, pyFullOff, pyIniOff, triOff, full: (a, b) => pyFull.subarray(a, b), ini: (a, b) => pyIni.subarray(a, b) };
  return {
    n: p.n,
    nChars: p.nChars,
    overflow: p.overflow,
    fieldText: (a, b) => p.fieldText.subarray(a, b),
    fieldOff: p.fieldOff,
    charId: p.charId,
    uniOff: p.uniOff,
    biKeys: p.biKeys,
    biOff: p.biOff,
    postings: (section, a, b) => p[section].subarray(a, b),
    pinyin: () => py,
  };
}
