/** A 30 MB Word document indexes in bounded time and memory (linear stages; the figures go to the closing note). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';

describe('a 30 MB .docx', () => {
  it('indexes in under 60 s and under 1.5 GB of extra memory', () => {
    const lines = readFileSync(join(__dirname, '..', '..', 'corpus', 'hebei.txt'), 'utf8').split(/\r?\n/).filter(Boolean);
    const paras = lines.map((l) => `<w:p><w:r><w:t>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 30 * 1024 * 1024; i++) {
      // each copy a different plan section, so that de-duplication has real work
      const p = paras.replace(/省/g, i % 2 ? '市' : '省') + `<w:p><w:r><w:t>第${i}部分。</w:t></w:r></w:p>`;
      parts.push(p);
      size += Buffer.byteLength(p);
    }
    const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="w"><w:body>${parts.join('')}</w:body></w:document>`;
    const bytes = zipSync({ 'word/document.xml': strToU8(xml) }, { level: 1 });
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const r = extractPlan('big.docx', bytes);
    const ms = performance.now() - t0;
    const extra = process.memoryUsage().rss - rss0;
    console.log(`[measure] 30 MB docx (${(bytes.length / 1e6).toFixed(1)} MB zipped): ${Math.round(ms)} ms, +${Math.round(extra / 1e6)} MB RSS`);
    expect(r.ok).toBe(true);
    expect(ms).toBeLessThan(60_000);
    expect(extra).toBeLessThan(1.5e9);
  }, 120_000);
});
