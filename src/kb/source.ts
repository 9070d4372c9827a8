/** Source paragraphs for the query layer: the decoded raw text of corpus files, read once each. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../pipeline/decode.js';

/** The decoded raw text of a corpus file (name relative to the corpus folder), or null when it cannot be read. */
export type SourceReader = (file: string) => string | null;

/** Reads files of `corpusDir` on demand, decoding them as the pipeline does; caches each file's text. */
export function corpusReader(corpusDir: string): SourceReader {
  const cache = new Map<string, string | null>();
  return (file) => {
    if (!cache.has(file)) {
      let raw: string | null = null;
      try {
        const dec = decode(readFileSync(join(corpusDir, file)));
        raw = dec.ok ? dec.text : null;
      } catch {
        raw = null;
      }
      cache.set(file, raw);
    }
    return cache.get(file) ?? null;
  };
}
