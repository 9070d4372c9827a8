/** De-duplication: scraped repeats collapse; two numbered items of a clean document stay two, however much they share. */
import { describe, expect, it } from 'vitest';
import { repeatsItself } from '../../../src/pipeline/refiners/dedupe-core.js';
import { extractPlan } from '../../../src/pipeline/plan.js';

const LONG = ['全面排查辖区内老旧燃气管网和居民用户燃气设施安全隐患并建立台账', '督促各燃气经营企业落实安全生产主体责任并逐户开展入户安全检查', '建立燃气安全隐患整改销号制度对排查发现的各类问题逐一整改到位'];

describe('refine/dedupe', () => {
  it('two numbered items, the second repeating the first and adding a deadline, are two tasks in a clean document', () => {
    const text = '某区2026年城镇燃气安全整治方案\n一、第一阶段（3—4月）\n（一）开展隐患排查。区住建局负责开展燃气管网隐患排查，建立问题清单。\n二、第二阶段（5—10月）\n（一）开展隐患排查。区住建局负责开展燃气管网隐患排查，建立问题清单，9月底前完成整改。\n（二）开展宣传。区住建局开展燃气安全宣传进社区活动，每季度一次。\n';
    const r = extractPlan('gas.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const hits = r.tasks.filter((t) => t.text.includes('燃气管网隐患排查'));
    expect(hits.map((t) => t.section[0])).toEqual(['一、第一阶段（3—4月）', '二、第二阶段（5—10月）']);
    expect(hits[1].deadlines.map((d) => d.raw)).toEqual(['9月底前']);
  });
  it('a scraped page that repeats its paragraphs keeps each obligation once, under whichever heading the copy landed', () => {
    const body = LONG.map((s, i) => `${i + 1}.${s}，6月底前完成（区住建局负责）。`).join('\n');
    const text = `某区2026年城镇燃气安全整治方案\n一、重点任务\n${body}\n二、保障措施\n（一）加强领导。\n${body}\n`;
    expect(repeatsItself(text)).toBe(true);
    const r = extractPlan('gas-scraped.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    for (const s of LONG) expect(r.tasks.filter((t) => t.text.includes(s)).length).toBe(1);
    expect(r.plan.warnings.join(' ')).toMatch(/repeated/);
  });
  it('a clean document restating a goal or two is not taken for a scrape', () => {
    const text = `${LONG[0]}。\n${LONG[1]}。\n${LONG[0]}。\n${LONG[1]}。\n${LONG[2]}。`;
    expect(repeatsItself(text)).toBe(false);
    expect(repeatsItself(`${text}\n${LONG[2]}。`)).toBe(true);
  });
});
