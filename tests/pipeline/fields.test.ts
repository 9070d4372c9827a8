/** A block of labelled fields with the attribution before the work (the form of a 整改方案): one obligation. */
import { describe, expect, it } from 'vitest';
import { fieldRecords } from '../../src/pipeline/fields.js';
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
  it('reads the records of a text: fields in any order, opened by a title line or a problem; not when the work comes first alone or a line is prose', () => {
    const kinds = (t: string) => fieldRecords(t, 0, t.length).map((r) => r.fields.map((f) => f.kind));
    expect(kinds('整改时限：2025年9月底前\n责任单位：市应急局\n整改措施：开展检测。')).toEqual([['time', 'unit', 'work']]);
    expect(kinds('工作任务：开展检测。\n责任单位：市应急局')).toEqual([]);
    expect(kinds('整改时限：2025年9月底前\n开展检测。')).toEqual([]);
    // 问题一 / 问题二 title lines; a record whose unit fields come before its problem; the paragraph after the records is prose
    const t = ['问题一', '问题：仓库超期未检。', '整改措施：开展检测。', '整改时限：2025年9月底前', '问题二', '责任单位：市气象局', '问题：台账不全。', '整改措施：补齐台账，', '逐项核对。', '整改时限：长期坚持', '市政府督查室对整改情况开展督查。'].join('\n');
    const rs = fieldRecords(t, 0, t.length);
    expect(rs.map((r) => [t.slice(r.title!.start, r.title!.end), r.fields.map((f) => f.kind)])).toEqual([
      ['问题一', ['problem', 'work', 'time']],
      ['问题二', ['unit', 'problem', 'work', 'time']],
    ]);
    const work = rs[1].fields.find((f) => f.kind === 'work')!;
    expect(t.slice(work.valueStart, work.end)).toBe('补齐台账，\n逐项核对。');
    expect(t.slice(rs[1].end)).toBe('\n市政府督查室对整改情况开展督查。');
  });
  it('in a plan: one task per problem — the measures, the time field before the steps\' dates, the unit fields; the work-first form as before', () => {
    const r = extractPlan('fix.txt', Buffer.from(PLAN, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    const a = t('防雷检测台账');
    expect(a?.text.startsWith('一是建立仓库防雷检测台账')).toBe(true);
    // its problem heads it, and the target groups it below
    expect(a?.section.slice(-2)).toEqual(['（一）部分危化品仓库防雷检测超期', '全市危化品仓库防雷检测全部在有效期内']);
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
  it('in a plan: records under title lines (问题一), units before the problem, inline 1.…；2.… in the measures, the closing paragraph as prose', () => {
    const text = [
      '青溪镇人民政府关于印发青溪镇秸秆禁烧督查反馈问题整改清单的通知',
      '青溪镇秸秆禁烧督查反馈问题整改清单',
      '问题一',
      '问题：部分村秸秆露天焚烧时有发生。',
      '整改措施：1.划定禁烧网格，落实网格员；2.每日开展一次巡查；3.推广秸秆还田。',
      '责任单位：镇农业服务中心（牵头），各村',
      '整改时限：立行立改并长期坚持',
      '问题二',
      '责任单位：镇应急办',
      '问题：禁烧宣传不到位。',
      '整改时限：2025年10月底前',
      '整改措施：在各村设置宣传栏，发放明白纸。',
      '镇纪委对整改落实情况开展督查。',
    ].join('\n');
    const r = extractPlan('qingxi.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const got = r.tasks.map((t) => [t.section.slice(-2).join(' / '), t.text.slice(0, 8), t.units.map((u) => `${u.name}:${u.role}`).join('、'), t.deadlines.map((d) => d.date ?? d.raw).join('、')]);
    expect(got).toEqual([
      ['问题一 / 部分村秸秆露天焚烧时有发生', '1.划定禁烧网格', '镇农业服务中心:lead、各村:responsible', '立行立改、长期坚持、每日'],
      ['问题二 / 禁烧宣传不到位', '在各村设置宣传栏', '镇应急办:responsible', '2025-10-31'],
      ['', '镇纪委对整改落实', '镇纪委:supervise', ''],
    ]);
  });
});

