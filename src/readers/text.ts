/** Plain text plans (.txt): decoded by the pipeline's decode stage. */
import { decode } from '../pipeline/decode.js';
import type { Reader } from './types.js';

export const textReader: Reader = {
  format: 'txt',
  extensions: ['.txt', '.text'],
  read(bytes) {
    const d = decode(bytes);
    if (!d.ok) return d;
    const warnings: string[] = [...d.warnings];
    if (d.encoding === 'gb18030') warnings.push('decoded as GB18030 (the file is not UTF-8)');
    if (d.encoding.startsWith('utf-16')) warnings.push(`decoded as ${d.encoding.toUpperCase()}`);
    return { ok: true, format: 'txt', text: d.text, encoding: d.encoding, warnings };
  },
};
