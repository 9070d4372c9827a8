/**
 * Drop-in for the `string-width` package as Ink and its helpers import it (see loader.ts): the same
 * answers, through util/text's exact fast paths; anything unusual still goes to string-width (loaded then).
 */
import { displayWidth, stringWidth as realStringWidth } from '../../util/text.js';

type Options = Parameters<typeof realStringWidth>[1];

const SGR = /\u001b\[[0-9;]*m/g;

export default function stringWidth(s: string, options?: Options): number {
  if (options !== undefined || typeof s !== 'string') return realStringWidth(s, options);
  // Ink measures styled lines: drop SGR colour codes first (string-width ignores them as well).
  const plain = s.includes('\u001b') ? s.replace(SGR, '') : s;
  return displayWidth(plain);
}
