/** fuse.js and pinyin-pro, loaded on first use (importing the search costs nothing at start-up). */
import { createRequire } from 'node:module';
import type FuseType from 'fuse.js';
import type * as PinyinPro from 'pinyin-pro';

const require = createRequire(import.meta.url);
let fuseCtor: typeof FuseType | null = null;
export function Fuse(): typeof FuseType {
  if (!fuseCtor) {
    const m = require('fuse.js') as typeof FuseType | { default: typeof FuseType };
    fuseCtor = (typeof m === 'function' ? m : m.default) as typeof FuseType;
  }
  return fuseCtor;
}
let pinyinFn: typeof PinyinPro.pinyin | null = null;
export function pinyinLib(): typeof PinyinPro.pinyin {
  if (!pinyinFn) pinyinFn = (require('pinyin-pro') as typeof PinyinPro).pinyin;
  return pinyinFn;
}
