/** Each reader on small files of its own form (written here, or by the library's own writer). */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/readers/csv.js';
import { readDocument } from '../../src/readers/index.js';
import { extractPlan } from '../../src/pipeline/plan.js';

const ok = (r: ReturnType<typeof readDocument>) => {
  if (!r.ok) throw new Error(r.reason);
  return r;
};

describe('html', () => {
  const page = `<html><head><meta charset="gb2312"><title>某市方案</title><script>var x = "脚本里的字";</script></head><body>
    <div class="top-nav">首页 | 政务公开</div><div class="breadcrumb">当前位置：首页 &gt; 文件</div>
    <div class="content"><p>一、重点任务</p><p>&nbsp;&nbsp;推进数据共享。2022年6月底前完成平台对接。<br>（市数据局牵头）</p>
    <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr><tr><td>1</td><td>建立数据目录</td><td>市数据局</td></tr></table></div>
    <div class="bdshare">分享到</div><div id="footer">版权所有 某市人民政府 备案号：某ICP备123号</div></body></html>`;
  const r = ok(readDocument('page.html', iconv.encode(page, 'gbk')));
  it('reads the declared charset and keeps the main text only', () => {
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toContain('推进数据共享');
    for (const chrome of ['首页', '当前位置', '分享到', '版权所有', '脚本里的字']) expect(r.text).not.toContain(chrome);
  });
  it('<br> breaks lines; a table becomes rows of tab-separated cells', () => {
    expect(r.text.split('\n')).toContain('（市数据局牵头）');
    expect(r.text).toContain('序号\t工作任务\t责任单位\n1\t建立数据目录\t市数据局');
    expect(r.lines?.[r.text.split('\n').indexOf('1\t建立数据目录\t市数据局')]).toEqual({ table: 1, row: 2 });
  });
});

function docx(body: string): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });
}
const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const tc = (t: string, merge = '') => `<w:tc><w:tcPr>${merge}</w:tcPr>${p(t)}</w:tc>`;

describe('docx', () => {
  it('paragraphs in order, deleted text left out, a vertically merged cell repeats the value above', () => {
    const body =
      p('某县2022年工作要点') +
      `<w:p><w:r><w:t>一、优化服务</w:t></w:r><w:del><w:r><w:delText>删掉的字</w:delText></w:r></w:del></w:p>` +
      `<w:tbl><w:tr>${tc('序号')}${tc('工作任务')}${tc('牵头单位')}${tc('完成时限')}</w:tr>` +
      `<w:tr>${tc('1')}${tc('推行电子证照')}${tc('县政务服务中心', '<w:vMerge w:val="restart"/>')}${tc('2022年6月底前')}</w:tr>` +
      `<w:tr>${tc('2')}${tc('建设自助服务区')}${tc('', '<w:vMerge/>')}${tc('2022年9月底前')}</w:tr></w:tbl>`;
    const r = ok(readDocument('a.docx', docx(body)));
    expect(r.text).not.toContain('删掉的字');
    expect(r.text.split('\n')).toEqual(['某县2022年工作要点', '一、优化服务', '序号\t工作任务\t牵头单位\t完成时限', '1\t推行电子证照\t县政务服务中心\t2022年6月底前', '2\t建设自助服务区\t县政务服务中心\t2022年9月底前']);
    const plan = extractPlan('a.docx', docx(body));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.tasks.map((t) => [t.text, t.units.map((u) => u.name), t.deadlines.map((d) => d.date), t.source.tableRow])).toEqual([
      ['推行电子证照', ['县政务服务中心'], ['2022-06-30'], 2],
      ['建设自助服务区', ['县政务服务中心'], ['2022-09-30'], 3],
    ]);
  });
  it('the paragraphs of a cell are items apart (two units on two lines), a paragraph ending in its own punctuation keeps it', () => {
    const cell = (...ps: string[]) => `<w:tc><w:tcPr></w:tcPr>${ps.map(p).join('')}</w:tc>`;
    const body =
      p('某县2022年工作要点') +
      `<w:tbl><w:tr>${tc('序号')}${tc('工作任务')}${tc('牵头单位')}${tc('配合单位')}</w:tr>` +
      `<w:tr>${tc('1')}${cell('推行电子证照，', '年底前全覆盖')}${tc('县政务服务中心')}${cell('县大数据中心', '县公安局')}</w:tr>` +
      `<w:tr>${tc('2')}${tc('建设自助服务区')}${tc('县政务服务中心')}${cell('2022年', '12月底前')}</w:tr></w:tbl>`;
    const r = ok(readDocument('a.docx', docx(body)));
    expect(r.text.split('\n')[2]).toBe('1\t推行电子证照，年底前全覆盖\t县政务服务中心\t县大数据中心；县公安局');
    expect(r.text.split('\n')[3]).toBe('2\t建设自助服务区\t县政务服务中心\t2022年12月底前'); // a date wrapped in its cell runs on
    const plan = extractPlan('a.docx', docx(body));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.tasks[0].units.map((u) => `${u.name}:${u.role}`)).toEqual(['县政务服务中心:lead', '县大数据中心:support', '县公安局:support']);
  });
});

describe('xlsx (written by exceljs)', () => {
  it('a title row, a header further down, merged cells and date cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务清单');
    ws.addRow(['某区2023年重点任务分工表']);
    ws.mergeCells('A1:D1');
    ws.addRow([]);
    ws.addRow(['序号', '重点任务', '责任单位', '完成时限']);
    ws.addRow([1, '完成老旧小区改造20个', '区住建局', new Date(Date.UTC(2023, 5, 30))]);
    ws.addRow([2, '新建口袋公园5个', null, new Date(Date.UTC(2023, 8, 30))]);
    ws.mergeCells('C4:C5');
    ws.getColumn(4).numFmt = 'yyyy-mm-dd';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const plan = extractPlan('t.xlsx', bytes);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.tasks.map((t) => [t.text, t.units.map((u) => u.name), t.deadlines.map((d) => [d.date, d.rule]), t.source.sheet])).toEqual([
      ['完成老旧小区改造20个', ['区住建局'], [['2023-06-30', 'deadline/table-date']], '任务清单'],
      ['新建口袋公园5个', ['区住建局'], [['2023-09-30', 'deadline/table-date']], '任务清单'],
    ]);
    expect(plan.plan.title).toBe('某区2023年重点任务分工表');
  });
});

describe('csv', () => {
  it('quoted cells with commas and line breaks, GBK', () => {
    expect(parseCsv('序号,工作任务\n1,"建设平台，推进共享"\n2,"分两行\n写的任务"\n')).toEqual([['序号', '工作任务'], ['1', '建设平台，推进共享'], ['2', '分两行\n写的任务']]);
    const r = ok(readDocument('t.csv', iconv.encode('序号,工作任务,牵头单位\n1,"推进数据共享",市数据局\n', 'gbk')));
    expect(r.text).toBe('序号\t工作任务\t牵头单位\n1\t推进数据共享\t市数据局');
  });
});

describe('files no reader takes', () => {
  it('name the way to convert them', () => {
    const r = readDocument('old.xls', new Uint8Array([1, 2, 3]));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(/soffice --headless --convert-to xlsx/);
  });
});

describe('markdown', () => {
  const md = [
    '# 南湾区2025年河湖管护工作要点',
    '',
    '## 一、重点任务',
    '',
    '1. **河道清淤**。区水务局牵头，各街道办事处配合，6月底前完成主要河道清淤。',
    '2. 建立巡河台账。（责任单位：区水务局）',
    '',
    '- 区生态环境局要于9月底前完成入河排污口排查。',
    '',
    '## 附件：任务分解表',
    '',
    '| 序号 | 工作任务 | 牵头单位 | 完成时限 |',
    '|---|---|---|---|',
    '| 1 | 主要河道清淤 | 区水务局 | 2025年6月底前 |',
  ].join('\n');
  const r = ok(readDocument('要点.md', Buffer.from(md, 'utf8')));
  it('drops the markup (#, **, the bullet), keeps a numbered item’s number, and a pipe table becomes rows', () => {
    const lines = r.text.split('\n');
    expect(lines[0]).toBe('南湾区2025年河湖管护工作要点');
    expect(lines).toContain('一、重点任务');
    expect(lines).toContain('1.河道清淤。区水务局牵头，各街道办事处配合，6月底前完成主要河道清淤。');
    expect(lines).toContain('区生态环境局要于9月底前完成入河排污口排查。');
    expect(lines).toContain('1\t主要河道清淤\t区水务局\t2025年6月底前');
    expect(r.text).not.toMatch(/[*#|]/);
  });
  it('its plan: the title, the numbered tasks, the bullet’s task, the annex row', () => {
    const plan = extractPlan('要点.md', Buffer.from(md, 'utf8'));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.plan.title).toBe('南湾区2025年河湖管护工作要点');
    const tasks = plan.tasks.map((t) => [t.source.origin, t.text, t.units.map((u) => `${u.canonical}:${u.role}`).join('、'), t.deadlines.map((d) => d.date).join('')]);
    expect(tasks).toEqual([
      ['prose', '河道清淤。区水务局牵头，各街道办事处配合，6月底前完成主要河道清淤。', '区水务局:lead、各街道办事处:support', '2025-06-30'],
      ['prose', '建立巡河台账。', '区水务局:responsible', ''],
      ['prose', '区生态环境局要于9月底前完成入河排污口排查。', '区生态环境局:responsible', '2025-09-30'],
      ['annex', '主要河道清淤', '区水务局:lead', '2025-06-30'],
    ]);
  });
});
