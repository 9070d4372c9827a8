/**
 * The search index in a compact, persisted form: every part a typed array (CSR layouts: a key table,
 * offsets, one Int32Array of doc ids), packed into one buffer and read back as views over it — no
 * per-posting JS arrays. Pure: the knowledge-base layer reads and writes the file (kb/search-store.ts).
 *
 * Buffer: "PLSI" · u32 header length · header JSON (format, code, n, sections: name → [type, offset,
 * length]) · sections, each 8-byte aligned.
 */

/** Bumped whenever the layout (or the meaning of a section) changes. */
export const SEARCH_FORMAT = 1;

export type Section = Int32Array | Uint16Array | Uint8Array;
const TYPES = { i32: Int32Array, u16: Uint16Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;

/** The index's parts, as SearchIndex exports and imports them. */
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
  /** Pinyin: field → distinct entry; entries' full pinyin (ASCII), bound flags and map (same offsets), initials (ASCII, own offsets). */
  pyOf: Int32Array;
  pyFull: Uint8Array;
  pyFullOff: Int32Array;
  pyBound: Uint8Array;
  pyMap: Int32Array;
  pyIni: Uint8Array;
  pyIniOff: Int32Array;
  /** Letter-trigram posting lists, CSR over the 37³ keys. */
  triOff: Int32Array;
  triData: Int32Array;
}

const SECTIONS: Array<[keyof SearchParts, TypeName]> = [
  ['fieldText', 'u16'], ['fieldOff', 'i32'], ['charId', 'u16'], ['uniOff', 'i32'], ['uniData', 'i32'],
  ['biKeys', 'i32'], ['biOff', 'i32'], ['biData', 'i32'], ['pyOf', 'i32'], ['pyFull', 'u8'], ['pyFullOff', 'i32'],
  ['pyBound', 'u8'], ['pyMap', 'i32'], ['pyIni', 'u8'], ['pyIniOff', 'i32'], ['triOff', 'i32'], ['triData', 'i32'],
];

interface Header {
  format: number;
  code: string;
  n: number;
  nChars: number;
  overflow: boolean;
  sections: Record<string, [TypeName, number, number]>;
}

const MAGIC = [0x50, 0x4c, 0x53, 0x49]; // PLSI

/** One buffer holding every part; `code` identifies the code that built it (a mismatch is rejected on decode). */
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
 * The parts of an encoded index as views over `buf` (copied once if it is not 8-byte aligned), or null
 * when it is not one (truncated, corrupt, another format or code, another number of tasks). The checks
 * are structural (sizes, offsets monotone and in range); doc ids are bounded when used.
 */
export function decodeSearch(buf: Uint8Array, code: string, n: number): SearchParts | null {
  try {
    if (buf.length < 8 || MAGIC.some((b, i) => buf[i] !== b)) return null;
    if (buf.byteOffset % 8) buf = buf.slice();
    const hlen = new DataView(buf.buffer, buf.byteOffset, 8).getUint32(4, true);
    if (8 + hlen > buf.length) return null;
    const h = JSON.parse(new TextDecoder().decode(buf.subarray(8, 8 + hlen))) as Header;
    if (h.format !== SEARCH_FORMAT || h.code !== code || h.n !== n) return null;
    const start = Math.ceil((8 + hlen) / 8) * 8;
    const parts: Record<string, unknown> = { n: h.n, nChars: h.nChars, overflow: h.overflow };
    for (const [name, type] of SECTIONS) {
      const s = h.sections?.[name];
      if (!s || s[0] !== type) return null;
      const T = TYPES[type];
      const off = start + s[1];
      if (!Number.isInteger(s[1]) || !Number.isInteger(s[2]) || s[2] < 0 || off + s[2] * T.BYTES_PER_ELEMENT > buf.length) return null;
      parts[name] = new T(buf.buffer as ArrayBuffer, buf.byteOffset + off, s[2]);
    }
    const p = parts as unknown as SearchParts;
    const csr = (off: Int32Array, len: number, data: { length: number }) => {
      if (off.length !== len || off[0] !== 0 || off[len - 1] !== data.length) return false;
      for (let i = 1; i < len; i++) if (off[i] < off[i - 1]) return false;
      return true;
    };
    const P = p.pyFullOff.length - 1;
    const ok =
      p.charId.length === 65536 &&
      csr(p.fieldOff, 2 * n + 1, p.fieldText) &&
      csr(p.uniOff, p.nChars + 2, p.uniData) &&
      csr(p.biOff, p.biKeys.length + 1, p.biData) &&
      P >= 0 &&
      csr(p.pyFullOff, P + 1, p.pyFull) &&
      p.pyBound.length === p.pyFull.length &&
      p.pyMap.length === p.pyFull.length &&
      csr(p.pyIniOff, P + 1, p.pyIni) &&
      p.pyOf.length === 2 * n &&
      p.pyOf.every((k) => k >= 0 && k < P) &&
      csr(p.triOff, 37 * 37 * 37 + 1, p.triData);
    if (!ok) return null;
    for (const a of [p.uniData, p.biData, p.triData]) for (let i = 0; i < a.length; i++) if (a[i] < 0 || a[i] >= 2 * n) return null;
    return p;
  } catch {
    return null;
  }
}
