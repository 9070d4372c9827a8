/** How a task's place in its file reads, for every view, command and export. */
import type { Task } from '../types.js';

/** Where a task stands in its file: file:line, or file:page for a PDF, the table row of a Word/HTML/sheet table. */
export function sourceWhere(src: Task['source']): string {
  if (src.page) return `${src.file}:第${src.page}页`;
  if (src.sheet) return `${src.file}:${src.sheet}:第${src.tableRow ?? '?'}行`;
  if (src.table && src.tableRow) return `${src.file}:表${src.table}第${src.tableRow}行`;
  if (src.paragraph) return `${src.file}:第${src.paragraph}段`;
  return `${src.file}:${src.line}`;
}
