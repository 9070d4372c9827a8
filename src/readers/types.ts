/** Stage 0: a corpus file → plain text with provenance. One reader per format. */

/** Where a line of the extracted text came from. */
export interface LineOrigin {
  /** PDF page, 1-based. */
  page?: number;
  /** Paragraph (DOCX/HTML block) number, 1-based. */
  paragraph?: number;
  /** Table row and cell (DOCX/HTML/XLSX/CSV), 1-based; the sheet for XLSX. */
  table?: number;
  row?: number;
  sheet?: string;
}

export type Format = 'txt' | 'md' | 'html' | 'docx' | 'pdf' | 'xlsx' | 'csv';

export type ReadResult =
  | {
      ok: true;
      format: Format;
      /** The document as text: paragraphs and table rows one per line, table cells separated by tabs. */
      text: string;
      /** For each line of `text` (0-based), where it came from; absent for plain text. */
      lines?: Array<LineOrigin | undefined>;
      /** The encoding the bytes were read in (text formats). */
      encoding?: string;
      warnings: string[];
    }
  | { ok: false; reason: string };

export interface Reader {
  format: Format;
  /** File name endings it reads (lower case, with the dot). */
  extensions: string[];
  read(bytes: Uint8Array, name: string): ReadResult;
}
