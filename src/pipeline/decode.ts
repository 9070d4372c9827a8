/**
 * Stage 1: bytes → text. UTF-8 (with/without BOM), UTF-16 LE/BE (BOM, or BOM-less when the NUL
 * pattern is unmistakable), GB18030/GBK when the bytes are not valid UTF-8. Binary and empty files
 * are rejected with a plain reason.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

function utf16Guess(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  // ASCII-range text (newlines, digits, punctuation) leaves a NUL in one byte of the pair, never the other.
  if (oddNul > pairs * 0.05 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.05 && oddNul === 0) return 'utf-16be';
  return null;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return finish(new TextDecoder('utf-8').decode(bytes.subarray(3)), 'utf-8-bom');
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  if (bytes.includes(0)) {
    const g = utf16Guess(bytes);
    if (g) return finish(new TextDecoder(g).decode(bytes), g);
    return { ok: false, reason: 'it looks like a binary file (it contains NUL bytes), not a text plan' };
  }
  try {
    return finish(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    return finish(new TextDecoder('gb18030').decode(bytes), 'gb18030');
  }
}

function finish(text: string, encoding: Encoding): Decoded {
  if (text.includes('\u0000')) return { ok: false, reason: 'it looks like a binary file (it contains NUL characters), not a text plan' };
  if (!/[\u4e00-\u9fff]/.test(text)) {
    return text.trim() === '' ? { ok: false, reason: 'the file holds no text' } : { ok: false, reason: 'no Chinese text found: this does not look like a plan' };
  }
  return { ok: true, text, encoding };
}
