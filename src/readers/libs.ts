/**
 * The parsing libraries of the readers, loaded the first time a file needs them: listing a corpus or
 * opening a fresh knowledge base (the terminal app's start) must not pay for their module init
 * (fflate builds its Huffman tables, htmlparser2 its entity tries: ~20 ms together).
 */
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';
import type * as Htmlparser2 from 'htmlparser2';

const require = createRequire(import.meta.url);
let fflate: typeof Fflate | null = null;
let htmlparser2: typeof Htmlparser2 | null = null;

export function zipLib(): typeof Fflate {
  return (fflate ??= require('fflate') as typeof Fflate);
}

/** htmlparser2's Parser (its package is ESM: required as such, Node ≥ 20.19). */
export function Parser(): typeof Htmlparser2.Parser {
  return (htmlparser2 ??= require('htmlparser2') as typeof Htmlparser2).Parser;
}
