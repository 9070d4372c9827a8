/**
 * Saved web pages (.html/.htm): the charset from the BOM, the <meta charset>/http-equiv or detection (GBK is
 * common); the main text without navigation, breadcrumbs, scripts, share buttons and footers; block
 * elements and <br> as line breaks; tables as rows (cells by tabs), so a task table becomes annex rows.
 * Parsed with htmlparser2 (a well-kept, forgiving HTML parser), not regexes over markup.
 */
import { Parser } from './libs.js';
import { joinCellParagraphs, PARA } from './cell.js';
import type { LineOrigin, Reader, ReadResult } from './types.js';

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'iframe', 'button', 'select', 'option', 'textarea', 'head', 'template', 'svg', 'form', 'aside', 'object']);
const BLOCK_TAGS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'blockquote', 'pre', 'dd', 'dt', 'dl', 'center', 'table', 'tbody', 'thead', 'tfoot', 'address', 'hr', 'title', 'caption']);
/** class/id of page chrome: navigation, breadcrumbs, share bars, footers, side bars. */
const CHROME = /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|bdshare|footer|foot|header|topbar|sidebar|side|copyright|toolbar|pagination|pager|related|recommend|comment|login|search)(?:$|[\s_-]|\d)/i;
/** Footer and tool lines that survive in the body of many government pages. */
const CHROME_LINE = /版权所有|备案号|ICP备|公网安备|网站标识码|技术支持|主办单位[：:]|承办单位[：:]|联系电话|联系我们|网站地图|扫一扫|分享到|打印本页|关闭窗口|【\s*字体|字号[：:]\s*[大中小]|浏览次数|访问量|当前位置[：:]|您现在的位置|上一篇|下一篇|返回顶部/;

/** The charset the page declares, or null. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  let declared = declaredCharset(bytes);
  if (declared === 'gb2312' || declared === 'gbk' || declared === 'x-gbk') declared = 'gb18030';
  if (declared) {
    try {
      const text = new TextDecoder(declared, { fatal: declared !== 'utf-8' ? false : true }).decode(bytes);
      return { text, encoding: declared };
    } catch {
      /* a page that lies about its charset: detect */
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

interface Out {
  lines: string[];
  origins: LineOrigin[];
}

export function htmlToText(html: string): { text: string; lines: LineOrigin[] } {
  const out: Out = { lines: [], origins: [] };
  let cur = '';
  let paragraph = 0;
  let skipDepth = 0;
  const stack: Array<{ tag: string; skip: boolean }> = [];
  // Tables: rows of cells; nested tables are read as text inside their cell.
  let tableDepth = 0;
  let tables = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  let rowNo = 0;
  const flush = () => {
    const t = cur.replace(/[ \t\u00a0\u3000]+/g, (m) => (/[\u00a0\u3000]/.test(m) || m.length > 1 ? ' ' : m)).trim();
    if (t) {
      paragraph++;
      out.lines.push(t);
      out.origins.push({ paragraph });
    }
    cur = '';
  };
  const parser = new (Parser())(
    {
      onopentag(name, attrs) {
        const chrome = CHROME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) || (attrs.style ?? '').replace(/\s/g, '').includes('display:none');
        const skip = SKIP_TAGS.has(name) || chrome;
        stack.push({ tag: name, skip });
        if (skip) skipDepth++;
        if (skipDepth) return;
        if (name === 'table') {
          tableDepth++;
          if (tableDepth === 1) {
            flush();
            tables++;
            rowNo = 0;
          }
          return;
        }
        if (tableDepth === 1) {
          if (name === 'tr') row = [];
          else if ((name === 'td' || name === 'th') && row) cell = '';
          else if ((name === 'br' || name === 'p' || name === 'div') && cell !== null) cell += PARA;
          return;
        }
        if (name === 'br' || BLOCK_TAGS.has(name)) flush();
      },
      ontext(text) {
        if (skipDepth) return;
        if (tableDepth >= 1 && cell !== null) cell += text.replace(/\s+/g, (m) => (m.includes('\u00a0') ? ' ' : ''));
        else if (tableDepth === 0) cur += text.replace(/[\r\n]+/g, '');
      },
      onclosetag(name) {
        const top = stack.pop();
        if (top?.skip) {
          skipDepth--;
          return;
        }
        if (skipDepth) return;
        if (name === 'table') {
          tableDepth = Math.max(0, tableDepth - 1);
          return;
        }
        if (tableDepth === 1) {
          if ((name === 'td' || name === 'th') && row && cell !== null) {
            row.push(joinCellParagraphs(cell.trim()).trim());
            cell = null;
          } else if (name === 'tr' && row) {
            while (row.length && !row[row.length - 1]) row.pop();
            if (row.some(Boolean)) {
              rowNo++;
              out.lines.push(row.join('\t'));
              out.origins.push({ table: tables, row: rowNo });
            }
            row = null;
          }
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  // Page chrome that is not marked up as such: short footer/tool lines.
  const keep = out.lines.map((l) => !(l.length <= 80 && CHROME_LINE.test(l)));
  return { text: out.lines.filter((_, i) => keep[i]).join('\n'), lines: out.origins.filter((_, i) => keep[i]) };
}

export const htmlReader: Reader = {
  format: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  read(bytes): ReadResult {
    if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
    const { text: html, encoding } = decodeHtml(bytes);
    const { text, lines } = htmlToText(html);
    if (!/[\u4e00-\u9fff]/.test(text)) return { ok: false, reason: 'the page holds no Chinese text (a page of links or a script-built page?)' };
    const warnings = encoding !== 'utf-8' && encoding !== 'utf-8-bom' ? [`web page decoded as ${encoding.toUpperCase()}`] : [];
    return { ok: true, format: 'html', text, lines, encoding, warnings };
  },
};
