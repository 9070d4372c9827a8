#!/usr/bin/env node
/**
 * Writes the README key table (between <!-- keys:begin --> and <!-- keys:end -->) from the views' key
 * bindings (src/tui/views/*.keys.ts, compiled to dist/). `--check`: exit 1 when the README is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { withKeysTable } = await import(pathToFileURL(join(root, 'dist', 'src', 'tui', 'keys', 'table.js')).href);
const path = join(root, 'README.md');
const readme = readFileSync(path, 'utf8');
const next = withKeysTable(readme);
if (process.argv.includes('--check')) {
  if (next !== readme) {
    process.stderr.write('README.md key table is stale: run `node scripts/keys-table.mjs`\n');
    process.exit(1);
  }
} else if (next !== readme) {
  writeFileSync(path, next);
  process.stdout.write('README.md key table updated\n');
}
