/** Substrings that remember where they stand in the text they were cut from (names keep their spans). */
export interface Piece {
  text: string;
  /** Offset of text[0] in the parsed string. */
  start: number;
}

const OPEN = '（［(〔【[';
const CLOSE = '）］)〕】]';

export function piece(text: string, start = 0): Piece {
  return { text, start };
}

/** Trim whitespace and the given leading / trailing patterns, keeping the offset right. */
export function trim(p: Piece, lead?: RegExp, trail?: RegExp): Piece {
  let { text, start } = p;
  const ws = text.length - text.trimStart().length;
  text = text.trim();
  start += ws;
  if (lead) {
    const m = lead.exec(text);
    if (m && m.index === 0) {
      text = text.slice(m[0].length);
      start += m[0].length;
    }
  }
  if (trail) text = text.replace(trail, '');
  const ws2 = text.length - text.trimStart().length;
  return { text: text.trim(), start: start + ws2 };
}

/** Split on separators at bracket depth 0. */
export function splitTop(p: Piece, seps: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  const s = p.text;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && seps.includes(ch)) {
      out.push(trim({ text: s.slice(from, i), start: p.start + from }));
      from = i + 1;
    }
  }
  out.push(trim({ text: s.slice(from), start: p.start + from }));
  return out.filter((x) => x.text);
}

/** Plain-string split at bracket depth 0 (annex cells, checks). */
export function splitTopText(s: string, seps: string): string[] {
  return splitTop(piece(s), seps).map((x) => x.text);
}
