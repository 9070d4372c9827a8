/** A block of labelled fields with the attribution before the work (the form of a 整改方案): one obligation. */
import { describe, expect, it } from 'vitest';
import { fieldRecord } from '../../src/pipeline/fields.js';
import { extractPlan } from '../../src/pipeline/plan.js';

const PLAN = [
  '某市落实省安全生产巡查反馈问题整改方案',
  '一、整改任务',
  '（一）部分危化品仓库防雷检测超期。',
  '整改目标：全市危化品仓库防雷检测全部在有效期内。',
  '整改时限：2025年9月底前',
  '责任单位：市应急局（牵头），市气象局，各县（市、区）人民政府',
  '整改措施：一是建立仓库防雷检测台账，2025年6月底前完成；二是每季度末通报检测到期情况。',
  '（二）夜间施工噪声投诉较多。',
  '整改时限：立行立改，长期坚持',
  '责任单位：市住建局牵头，市生态环境局配合，各区政府负责具体实施',
  '整改措施：严格夜间施工审批，对违规施工每周开展不少于两次巡查。',
  '（三）企业培训流于形式。',
  '工作任务：组织重点企业负责人集中培训。',
  '责任单位：市应急局',
  '完成时限：2025年11月底前',
].join('\n');

describe('field records', () => {
  it('reads the fields of a block in any order; null when the work comes first or a line is no field', () => {
    const text = '整改时限：2025年9月底前\n责任单位：市应急局\n整改措施：开展检测。';
    expect(fieldRecord(text, 0, text.length)?.map((f) => f.kind)).toEqual(['time', 'unit', 'work']);
    const after = '工作任务：开展检测。\n责任单位：市应急局';
    expect(fieldRecord(after, 0, after.length)).toBeNull();
    const prose = '整改时限：2025年9月底前\n开展检测。';
    expect(fieldRecord(prose, 0, prose.length)).toBeNull();
  });
  it('in a plan: one task per problem — the measures, the time field before the steps\' dates, the unit fields; the work-first form as before', () => {
    const r = extractPlan('fix.txt', Buffer.from(PLAN, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    const a = t('防雷检测台账');
    expect(a?.text.startsWith('一是建立仓库防雷检测台账')).toBe(true);
    expect(a?.section[a.section.length - 1]).toContain('防雷检测超期');
    expect(a?.deadlines.map((d) => d.date ?? d.recurring)).toEqual(['2025-09-30', '2025-06-30', 'quarterly']);
    expect(a?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市应急局:lead', '市气象局:responsible', '各县（市、区）人民政府:responsible']);
    const b = t('夜间施工审批');
    expect(b?.deadlines.map((d) => d.raw)).toEqual(['立行立改', '长期坚持', '每周']);
    expect(b?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市住建局:lead', '市生态环境局:support', '各区政府:responsible']);
    expect(r.tasks.some((x) => /^整改(?:时限|目标)/.test(x.text))).toBe(false);
    const c = t('集中培训');
    expect(c?.units.map((u) => u.name)).toEqual(['市应急局']);
    expect(c?.deadlines.map((d) => d.date)).toEqual(['2025-11-30']);
  });
});
