/** An annex table that restates the body: linked row by row, and where it disagrees the plan says so. */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';

const PLAN = [
  '青川县2025年农村饮水安全巩固提升工作方案',
  '一、重点任务',
  '（一）开展水质检测。2025年6月底前，完成全县集中供水工程水质检测全覆盖。（县水利局牵头，县卫健局配合）',
  '（二）更新老化管网。2025年10月底前，完成老化供水管网更新改造50公里。（县水利局负责）',
  '（三）健全管护机制。2025年9月底前，建立农村供水工程运行管护长效机制。（县水利局负责）',
  '附件：任务分工表',
  '序号\t工作任务\t牵头单位\t完成时限',
  '1\t完成全县集中供水工程水质检测全覆盖\t县卫健局\t2025年6月底前',
  '2\t完成老化供水管网更新改造50公里\t县水利局\t2025年12月底前',
  '3\t建立农村供水工程运行管护长效机制\t县水利局\t2025年9月底前',
].join('\n');

describe('annex rows that restate the body', () => {
  const r = extractPlan('water.txt', Buffer.from(PLAN, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  const rows = r.tasks.filter((t) => t.source.origin === 'annex');
  const prose = (needle: string) => r.tasks.find((t) => t.source.origin === 'prose' && t.text.includes(needle))!;
  it('each row is linked to the task it restates', () => {
    expect(rows.map((x) => x.restates)).toEqual([prose('水质检测').id, prose('老化供水管网').id, prose('管护长效机制').id]);
  });
  it('a row naming another lead, or another date, than the text is a warning of the plan; an agreeing row is not', () => {
    const w = r.plan.warnings.filter((x) => x.startsWith('annex row'));
    expect(w).toEqual([
      `annex row 1 restates ${prose('水质检测').id} but differs: lead 县卫健局 where the text names 县水利局`,
      `annex row 2 restates ${prose('老化供水管网').id} but differs: deadline 2025-12-31 where the text says 2025-10-31`,
    ]);
  });
});
