/** bench/checklist.ts (npm run bench:checklist) runs and reports what README quotes from it. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../cli/helpers.js';

describe('bench/checklist.ts', () => {
  it('times plans mine / mark / prune on a generated checklist, each a fresh process', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'bench', 'checklist.js'), '--sizes', '300', '--json'], { encoding: 'utf8', timeout: 120000 });
    expect(r.status, r.stderr).toBe(0);
    const [row] = JSON.parse(r.stdout).checklist;
    expect(row.entries).toBe(300);
    for (const k of ['first', 'mine', 'mark', 'prune']) {
      expect(row[k].s, k).toBeGreaterThan(0);
      expect(row[k].cpu, k).toBeGreaterThan(0);
      expect(row[k].rssMb, k).toBeGreaterThan(10);
    }
    expect(row.fileAfterFirstMb).toBeLessThan(row.fileMb); // rewritten compact
    expect(Math.abs(row.fileAfterMarkMb - row.fileAfterFirstMb)).toBeLessThan(0.05);
  });
});
