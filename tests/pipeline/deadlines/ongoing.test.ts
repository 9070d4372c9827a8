/** 长期坚持 as a clause: the time requirement of a task found otherwise, shown without a date; never a task maker. */
import { describe, expect, it } from 'vitest';
import { findDeadlines, ONGOING_RULES } from '../../../src/pipeline/deadlines/index.js';
import { extractPlan } from '../../../src/pipeline/plan.js';
import { CTX, all } from './helpers.js';

describe('deadline/ongoing', () => {
  it('a clause of its own: …，长期坚持。 / （…负责，持续推进） / a cell 常态化推进', () => {
    const raws = (s: string) => findDeadlines(s, CTX, ONGOING_RULES).map((d) => [d.raw, d.date]);
    expect(raws('开展占道经营整治，长期坚持。')).toEqual([['长期坚持', null]]);
    expect(raws('（市林业局负责，持续推进）')).toEqual([['持续推进', null]]);
    expect(raws('常态化推进')).toEqual([['常态化推进', null]]);
    // a verb phrase is work, not a time
    expect(raws('持续推进政务公开，长期推进机制建设')).toEqual([]);
  });
  it('deadline/from-year: a start (2026年起，…) is the time of a task with no limit of its own, no date', () => {
    const raws = (s: string) => findDeadlines(s, CTX, ONGOING_RULES).map((d) => [d.raw, d.date, d.rule]);
    expect(raws('2026年起，每个乡镇卫生院配备1名全科医生。')).toEqual([['2026年起', null, 'deadline/from-year']]);
    expect(raws('自2025年7月起全面实行垃圾分类计量收费。')).toEqual([['自2025年7月起', null, 'deadline/from-year']]);
    // a start inside a phrase of the past is not one (自2020年起至今)
    expect(raws('自2020年起至今已建成12个站点。')).toEqual([]);
    expect(all('2026年起，每个乡镇卫生院配备1名全科医生。')).toEqual([]);
    const r = extractPlan('doctor.txt', Buffer.from('某县2025年基层卫生工作要点\n一、重点任务\n1.充实基层队伍。2026年起，每个乡镇卫生院至少配备1名全科医生。（责任单位：县卫生健康局）\n', 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.find((t) => t.text.includes('全科医生'))?.deadlines.map((d) => [d.raw, d.date])).toEqual([['2026年起', null]]);
  });
  it('not among the parsers that make a sentence dated', () => {
    expect(all('开展占道经营整治，长期坚持。')).toEqual([]);
  });
  it('in a plan: the 时限 of an attributed or assigned task; a sentence with it alone is no task', () => {
    const text = '某区2025年市容整治方案\n一、重点任务\n1.规范占道经营，开展巡查执法，长期坚持。（区城管局负责）\n2.区市场监管局会同区商务局开展夜市食品安全检查，常态化开展。\n3.各街道要高度重视，长期坚持。\n附件：任务分工表\n序号\t工作任务\t责任单位\t完成时限\n1\t开展夜市食品安全检查\t区市场监管局\t持续推进\n';
    const r = extractPlan('city.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const dl = (needle: string, origin = 'prose') => r.tasks.find((t) => t.source.origin === origin && t.text.includes(needle))?.deadlines.map((d) => [d.raw, d.date, d.rule]);
    expect(dl('占道经营')).toEqual([['长期坚持', null, 'deadline/ongoing']]);
    expect(dl('夜市食品安全')).toEqual([['常态化开展', null, 'deadline/ongoing']]);
    expect(dl('夜市食品安全', 'annex')).toEqual([['持续推进', null, 'deadline/ongoing']]);
    expect(dl('高度重视')).toBeUndefined();
  });
});
