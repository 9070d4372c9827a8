#!/usr/bin/env node
// Makes the format fixtures in tests/fixtures/formats/ from the bundled 安徽 plan (corpus/anhui.txt), with
// real producers: LibreOffice (soffice --headless, Debian's libreoffice-writer-nogui/-calc-nogui) converts a
// flat ODF document we write into .docx (a real Word table for the annex), .pdf (running header, page
// numbers in the footer) and .xlsx/.csv (the annex as a sheet with a merged title row); the web pages are
// LibreOffice's own HTML export (UTF-8) and a CMS-like page with navigation, share bar and footer (GBK).
// Broken files are made from the good ones (truncated, or a wrong header). Run: node scripts/make-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'tests', 'fixtures', 'formats');
const work = mkdtempSync(join(tmpdir(), 'plans-fixtures-'));
const lines = readFileSync(join(root, 'corpus', 'anhui.txt'), 'utf8').replace(/\r/g, '').split('\n');

// The annex: 序号 / 工 作 任 务 / 牵头责任单位 / 配合单位 / 时限要求, one cell per line; a row without 配合单位
// has three cells after its number (the deadline is the last).
const annexAt = lines.findIndex((l) => l.trim() === '附件：具体任务分解表');
const prose = lines.slice(0, annexAt).map((l) => l.trim()).filter(Boolean);
const cells = lines.slice(lines.findIndex((l) => l.trim() === '时限要求') + 1).map((l) => l.trim()).filter(Boolean);
const rows = [];
for (let i = 0, n = 1; i < cells.length; ) {
  if (cells[i] !== String(n)) throw new Error(`annex row ${n} not found at cell ${i}: ${cells[i]}`);
  let j = i + 1;
  while (j < cells.length && cells[j] !== String(n + 1)) j++;
  const c = cells.slice(i + 1, j);
  rows.push(c.length === 4 ? [String(n), ...c] : [String(n), c[0], c[1], '', c[2]]);
  i = j;
  n++;
}
if (rows.length !== 21) throw new Error(`expected 21 annex rows, got ${rows.length}`);
const HEADER = ['序号', '工作任务', '牵头责任单位', '配合单位', '时限要求'];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const fodt = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:style style:name="Standard" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.85cm"/><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="12pt" style:font-size-asian="12pt"/></style:style><style:style style:name="Cell" style:family="paragraph"><style:text-properties style:font-name="Noto Sans CJK SC" style:font-name-asian="Noto Sans CJK SC" fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style></office:styles>
<office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style/><style:footer-style/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Standard">安徽省人民政府办公厅文件</text:p></style:header>
<style:footer><text:p text:style-name="Standard">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
${prose.map((l) => `<text:p text:style-name="Standard">${esc(l)}</text:p>`).join('\n')}
<text:p text:style-name="Standard">附件</text:p>
<text:p text:style-name="Standard">具体任务分解表</text:p>
<table:table table:name="任务分解表"><table:table-column table:number-columns-repeated="5"/>
${[HEADER, ...rows].map((r) => `<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string"><text:p text:style-name="Cell">${esc(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`).join('\n')}
</table:table>
</office:text></office:body></office:document>`;
writeFileSync(join(work, 'anhui.fodt'), fodt);

const fods = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="任务分解表">
<table:table-row><table:table-cell table:number-columns-spanned="5" office:value-type="string"><text:p>安徽省政务信息系统整合共享具体任务分解表</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="4"/></table:table-row>
<table:table-row><table:table-cell/></table:table-row>
${[HEADER, ...rows].map((r) => `<table:table-row>${r.map((c, i) => (i === 0 && /^\d+$/.test(c) ? `<table:table-cell office:value-type="float" office:value="${c}"><text:p>${c}</text:p></table:table-cell>` : `<table:table-cell office:value-type="string"><text:p>${esc(c)}</text:p></table:table-cell>`)).join('')}</table:table-row>`).join('\n')}
</table:table></office:spreadsheet></office:body></office:document>`;
writeFileSync(join(work, 'anhui-annex.fods'), fods);

const soffice = (args, outdir = work) => execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/lo`, ...args, '--outdir', outdir], { stdio: 'pipe' });
soffice(['--convert-to', 'docx:MS Word 2007 XML', join(work, 'anhui.fodt')]);
soffice(['--convert-to', 'pdf:writer_pdf_Export', join(work, 'anhui.fodt')]);
soffice(['--convert-to', 'html:XHTML Writer File:UTF8', join(work, 'anhui.fodt')]);
soffice(['--convert-to', 'xlsx:Calc MS Excel 2007 XML', join(work, 'anhui-annex.fods')]);
soffice(['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', join(work, 'anhui-annex.fods')]);

copyFileSync(join(work, 'anhui.docx'), join(out, 'anhui.docx'));
copyFileSync(join(work, 'anhui.pdf'), join(out, 'anhui.pdf'));
copyFileSync(join(work, 'anhui.html'), join(out, 'anhui.html'));
copyFileSync(join(work, 'anhui-annex.xlsx'), join(out, 'anhui-annex.xlsx'));
copyFileSync(join(work, 'anhui-annex.csv'), join(out, 'anhui-annex.csv'));

// A saved government web page, GBK, with the chrome such pages carry.
const page = `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>安徽省政务信息系统整合共享实施方案_安徽省人民政府</title>
<script>var _hmt = _hmt || []; document.write("统计代码");</script><style>.nav{color:red}</style></head><body>
<div class="header"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></div>
<div class="nav"><ul><li>机构</li><li>政策</li><li>数据</li></ul></div>
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="share">分享到：微信 微博</div>
<div id="zoom" class="article-content">
${prose.map((l) => `<p>&nbsp;&nbsp;&nbsp;&nbsp;${esc(l)}</p>`).join('\n')}
<p>附件</p><p>具体任务分解表</p>
<table border="1">${[HEADER, ...rows].map((r, k) => `<tr>${r.map((c) => (k === 0 ? `<th>${esc(c)}</th>` : `<td>${esc(c)}</td>`)).join('')}</tr>`).join('\n')}</table>
</div>
<div class="footer"><p>版权所有：安徽省人民政府办公厅 主办</p><p>皖ICP备05001234号 网站标识码3400000000</p></div>
</body></html>`;
writeFileSync(join(out, 'anhui-gbk.html'), iconv.encode(page, 'gbk'));

// A PDF without a text layer (what a scan gives): a page holding only an image (a PNG we draw).
const W = 300, H = 400;
const raw = Buffer.alloc((W * 3 + 1) * H);
for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) raw[y * (W * 3 + 1) + 1 + x * 3] = raw[y * (W * 3 + 1) + 2 + x * 3] = raw[y * (W * 3 + 1) + 3 + x * 3] = (y % 20 < 3 && x > 30 && x < 270) ? 40 : 240;
const crc32 = (b) => { let c = ~0; for (const v of b) { c ^= v; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); } return ~c >>> 0; };
const chunk = (type, data) => { const t = Buffer.from(type); const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(Buffer.concat([t, data]))); return Buffer.concat([len, t, data, crc]); };
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(W, 0); ihdr.writeUInt32BE(H, 4); ihdr[8] = 8; ihdr[9] = 2;
writeFileSync(join(work, 'scan.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
const png = readFileSync(join(work, 'scan.png')).toString('base64');
writeFileSync(join(work, 'scan.fodt'), `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="12cm" svg:height="16cm"><draw:image><office:binary-data>${png}</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>`);
soffice(['--convert-to', 'pdf:writer_pdf_Export', join(work, 'scan.fodt')]);
copyFileSync(join(work, 'scan.pdf'), join(out, 'broken', 'scan.pdf'));
// A password-protected PDF.
mkdirSync(join(work, 'enc'));
soffice(['--convert-to', 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}', join(work, 'anhui.fodt')], join(work, 'enc'));
copyFileSync(join(work, 'enc', 'anhui.pdf'), join(out, 'broken', 'encrypted.pdf'));

// Broken files of each format.
const good = (f) => readFileSync(join(out, f));
writeFileSync(join(out, 'broken', 'truncated.docx'), good('anhui.docx').subarray(0, 3000));
writeFileSync(join(out, 'broken', 'truncated.pdf'), good('anhui.pdf').subarray(0, 1200));
writeFileSync(join(out, 'broken', 'truncated.xlsx'), good('anhui-annex.xlsx').subarray(0, 900));
writeFileSync(join(out, 'broken', 'old-word.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.alloc(504)]));
writeFileSync(join(out, 'broken', 'binary.html'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
console.log(`fixtures written to ${out}`);
