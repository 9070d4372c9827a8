/**
 * Markdown plans (.md, .markdown): lexed with marked (already the app's Markdown library), not read as plain
 * text — headings and paragraphs become lines without their # and **, a numbered list item keeps its number
 * (1. 用户端排查 is the plan's own numbering), a bullet loses its marker, and a pipe table becomes rows with
 * cells by tabs, so a task table reads as annex rows as it does from HTML or Word.
 */
import { createRequire } from 'node:module';
import type * as Marked from 'marked';
import { decode } from '../pipeline/decode.js';
import { htmlToText } from './html.js';
import type { LineOrigin, Reader } from './types.js';

const require = createRequire(import.meta.url);
let marked: typeof Marked | null = null;

interface Tok {
  type: string;
  raw?: string;
  text?: string;
  tokens?: Tok[];
  items?: Array<{ tokens: Tok[] }>;
  ordered?: boolean;
  start?: number | '';
  header?: Array<{ text: string; tokens: Tok[] }>;
  rows?: Array<Array<{ text: string; tokens: Tok[] }>>;
}

/** Inline tokens → their text, without markup (**, `, links' targets, inline HTML tags). */
function plain(tokens: Tok[] | undefined, fallback = ''): string {
  if (!tokens) return fallback;
  return tokens
    .map((t) => {
      if (t.type === 'html') return '';
      if (t.type === 'br') return '';
      if (t.tokens) return plain(t.tokens);
      return t.text ?? '';
    })
    .join('')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function markdownToText(src: string): { text: string; lines: LineOrigin[] } {
  marked ??= require('marked') as typeof Marked;
  const lines: string[] = [];
  const origins: LineOrigin[] = [];
  let paragraph = 0;
  let tables = 0;
  const line = (text: string, o: LineOrigin) => {
    for (const l of text.split('\n')) {
      const t = l.trim();
      if (!t) continue;
      lines.push(t);
      origins.push(o);
    }
  };
  const blocks = (toks: Tok[]) => {
    for (const t of toks) {
      switch (t.type) {
        case 'heading':
        case 'paragraph':
          line(plain(t.tokens, t.text), { paragraph: ++paragraph });
          break;
        case 'text':
          // a list item's own text (or loose text): its inline tokens, else its text
          line(plain(t.tokens, t.text), { paragraph: ++paragraph });
          break;
        case 'list': {
          const first = typeof t.start === 'number' ? t.start : 1;
          (t.items ?? []).forEach((it, i) => {
            const [head, ...rest] = it.tokens;
            if (head && (head.type === 'text' || head.type === 'paragraph')) {
              const body = plain(head.tokens, head.text);
              line(t.ordered ? `${first + i}.${body}` : body, { paragraph: ++paragraph });
              blocks(rest);
            } else blocks(it.tokens);
          });
          break;
        }
        case 'table': {
          tables++;
          const row = (cells: Array<{ text: string; tokens: Tok[] }>, r: number) => line(cells.map((c) => plain(c.tokens, c.text).replace(/\t/g, ' ')).join('\t'), { table: tables, row: r });
          row(t.header ?? [], 1);
          (t.rows ?? []).forEach((cells, i) => row(cells, i + 2));
          break;
        }
        case 'blockquote':
          blocks(t.tokens ?? []);
          break;
        case 'code':
          line(t.text ?? '', { paragraph: ++paragraph });
          break;
        case 'html':
          line(htmlToText(t.raw ?? t.text ?? '').text, { paragraph: ++paragraph });
          break;
        default:
          break; // space, hr, def
      }
    }
  };
  blocks(marked.lexer(src) as unknown as Tok[]);
  return { text: lines.join('\n'), lines: origins };
}

export const markdownReader: Reader = {
  format: 'md',
  extensions: ['.md', '.markdown'],
  read(bytes) {
    const d = decode(bytes);
    if (!d.ok) return d;
    const { text, lines } = markdownToText(d.text);
    const warnings: string[] = [...d.warnings];
    if (d.encoding === 'gb18030') warnings.push('decoded as GB18030 (the file is not UTF-8)');
    return { ok: true, format: 'md', text, lines, encoding: d.encoding, warnings };
  },
};
