/**
 * Which reader takes a corpus file, and what is said about the files none takes. Every file in the corpus
 * folder is either read as a plan or listed with its reason.
 */
import { csvReader } from './csv.js';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { markdownReader } from './markdown.js';
import { pdfReader } from './pdf.js';
import { textReader } from './text.js';
import type { Reader, ReadResult } from './types.js';
import { NOT_A_PLAN_REASON } from './not-a-plan.js';
import { xlsxReader } from './xlsx.js';

export type { Format, LineOrigin, ReadResult } from './types.js';

export const READERS: Reader[] = [textReader, markdownReader, htmlReader, docxReader, pdfReader, xlsxReader, csvReader];

/** Files beside the plans that are clearly not plans: not indexed, listed as such. */
const NOT_A_PLAN = /^(?:readme|license|licence|changelog|notes?|说明|备注)(?:\.[^.]+)?$|\.(?:json|tsv|py|js|ts|sh|yml|yaml|toml|ini|log|lock|bak|tmp|swp|zip|rar|7z|gz|png|jpe?g|gif|bmp|svg|mp3|mp4|exe)$/i;

const CONVERT: Record<string, string> = {
  '.doc': 'an old Word .doc: convert it with `soffice --headless --convert-to docx FILE` (LibreOffice) or save it as .docx',
  '.wps': 'a WPS document: save it as .docx in WPS, or `soffice --headless --convert-to docx FILE`',
  '.xls': 'an old Excel .xls: convert it with `soffice --headless --convert-to xlsx FILE` or save it as .xlsx',
  '.et': 'a WPS spreadsheet: save it as .xlsx',
  '.rtf': 'an RTF document: convert it with `soffice --headless --convert-to docx FILE`',
  '.odt': 'an OpenDocument text: convert it with `soffice --headless --convert-to docx FILE`',
  '.ods': 'an OpenDocument spreadsheet: convert it with `soffice --headless --convert-to xlsx FILE`',
  '.ofd': 'an OFD document: export it as PDF first',
  '.mht': 'a saved MHT page: save the page as .html instead',
};

function ext(name: string): string {
  const m = /\.[^.]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** Is the file one the corpus should try to read? false → listed as "not a plan" (with the reason). */
export function classify(name: string): { read: true; reader: Reader } | { read: false; reason: string; notPlan: boolean } {
  if (NOT_A_PLAN.test(name)) return { read: false, reason: NOT_A_PLAN_REASON, notPlan: true };
  const e = ext(name);
  const reader = READERS.find((r) => r.extensions.includes(e));
  if (reader) return { read: true, reader };
  if (CONVERT[e]) return { read: false, reason: `cannot be read: ${CONVERT[e]}`, notPlan: false };
  if (!e) return { read: true, reader: textReader };
  return { read: false, reason: `cannot be read: ${e} files are not a supported format (read: .txt .md .html .htm .docx .pdf .xlsx .csv)`, notPlan: false };
}

/** Read a corpus file as text with provenance, by its name; a file with no extension is tried as text. */
export function readDocument(name: string, bytes: Uint8Array): ReadResult {
  const c = classify(name);
  if (!c.read) return { ok: false, reason: c.reason };
  return c.reader.read(bytes, name);
}
