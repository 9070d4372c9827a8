/** CSV for Excel: RFC 4180 quoting, formula-looking cells neutralised; a file is UTF-8 with a BOM and CRLF rows. */

export function csvCell(v: string | number): string {
  const s = String(v);
  // A leading = + - @ would be run as a formula by Excel; neutralise it.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole CSV file: a header and rows, BOM first (so Excel shows the Chinese), CRLF line ends. */
export function csvFile(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return '\ufeff' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
