/** Source paragraphs for the query layer: the text of corpus files as the readers give it, read once each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../readers/index.js';

/** The decoded raw text of a corpus file (name relative to the corpus folder), or null when it cannot be read. */
export type SourceReader = ((file: string) => string | null) & {
  /** Whether reading `file` takes no more than a few milliseconds (no PDF renderer, no spreadsheet), so it can be read ahead. */
  cheap?: (file: string) => boolean;
  /** Whether `file` has been read already (asking for it then costs nothing). */
  loaded?: (file: string) => boolean;
};

const CHEAP = /\.(txt|md|html?|docx)$|^[^.]*$/i;

/** Reads files of `corpusDir` on demand, decoding them as the pipeline does; caches each file's text. */
export function corpusReader(corpusDir: string): SourceReader {
  const cache = new Map<string, string | null>();
  const reader: SourceReader = (file) => {
    if (!cache.has(file)) {
      let raw: string | null = null;
      try {
        // the text the offsets point into: the decoded file, or the text read from a web page, DOCX, PDF, …
        const dec = readDocument(file, readFileSync(join(corpusDir, file)));
        raw = dec.ok ? dec.text : null;
      } catch {
        raw = null;
      }
      cache.set(file, raw);
    }
    return cache.get(file) ?? null;
  };
  reader.cheap = (file) => CHEAP.test(file);
  reader.loaded = (file) => cache.has(file);
  return reader;
}
