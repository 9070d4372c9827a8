/** OOXML packages (.docx, .xlsx) are zip archives: read the parts we need with fflate (sync, small). */
import { zipLib } from './libs.js';

export type ZipParts = { ok: true; part(name: string): string | null; names: string[] } | { ok: false; reason: string };

export function openZip(bytes: Uint8Array, what: string, wanted: (name: string) => boolean): ZipParts {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  // An OLE compound file: an old binary Office document, or an encrypted (password-protected) one.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return { ok: false, reason: `this is not a ${what} archive but an old binary Office file (.doc/.xls/.wps) or a password-protected document; save it as ${what} (e.g. soffice --headless --convert-to ${what.slice(1)} FILE) or remove the password` };
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return { ok: false, reason: `not a ${what} file (no zip archive inside)` };
  let files: Record<string, Uint8Array>;
  try {
    files = zipLib().unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch (e) {
    return { ok: false, reason: `the ${what} archive is damaged (${(e as Error).message})` };
  }
  return { ok: true, names: Object.keys(files), part: (name) => (files[name] ? zipLib().strFromU8(files[name]) : null) };
}
