/**
 * The paragraphs of a table cell (Word's w:p, a page's <p>/<br> inside a <td>): items apart — 县卫生健康委 and
 * 县医疗保障服务中心 on two lines are two units — so they are joined by ；, unless a paragraph ends with its own
 * punctuation (推行电子证照， / 年底前全覆盖 reads on) or a date runs on (2022年 / 12月底前).
 */
/** Marks the end of a paragraph inside a cell while the cell is read. */
export const PARA = '\u0000';

/** A cell whose paragraphs are its line breaks (a spreadsheet's Alt+Enter, a CSV's quoted newline), joined. */
export function joinCellLines(text: string): string {
  return joinCellParagraphs(text.trim().replace(/\s*[\r\n]+\s*/g, PARA));
}

export function joinCellParagraphs(text: string): string {
  return text
    .replace(/^\u0000+|\u0000+$/g, '')
    .replace(/([。；;，,、：:])\u0000+/g, '$1')
    // (a date wrapped in the cell: 2022年 / 12月底前)
    .replace(/(?<=[\d年月])\u0000+(?=[\d一二三四五六七八九十]{1,4}[年月日])/g, '')
    .replace(/\u0000+/g, '；');
}
