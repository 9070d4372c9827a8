/** Numbered headings and items of 公文: 一、 （一） 1. （1）, at a line start or glued after a sentence. */
import { describe, expect, it } from 'vitest';
import { findHeadings } from '../../src/pipeline/headings.js';
import { extractPlan } from '../../src/pipeline/plan.js';

const marks = (text: string) => findHeadings(text, 0, text.length).map((h) => [h.level, h.marker]);

describe('findHeadings', () => {
  it('an item may open with a date: 1.4月10日前 is item 1, not the decimal 1.4', () => {
    expect(marks('一、主要任务\n1.4月10日前，公布责任人名单。\n2.2025年5月底前完成储备。\n')).toEqual([
      [1, '一、'],
      [3, '1.'],
      [3, '2.'],
    ]);
  });
  it('…with a space before the date too (2. 2025年10月—…)', () => {
    expect(marks('一、主要任务\n1.县卫健局要加强消防安全管理。\n2. 2025年10月—2026年3月，各乡镇开展专项行动。\n')).toEqual([
      [1, '一、'],
      [3, '1.'],
      [3, '2.'],
    ]);
  });
  it('a decimal before other words is no item', () => {
    expect(marks('一、主要任务\n投资增长1.5倍，达到2.4亿元。\n')).toEqual([[1, '一、']]);
  });
  it('in a plan the item number is not part of the task text', () => {
    const r = extractPlan('p.txt', Buffer.from('某县2025年防汛方案\n一、主要任务\n1.4月10日前，公布全县防汛责任人名单。（县防办负责）\n', 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => t.text)).toEqual(['4月10日前，公布全县防汛责任人名单。']);
  });
  it('nor is a field label that opens it (工作内容：…)', () => {
    const r = extractPlan('p.txt', Buffer.from('某镇2025年重点工作安排\n一、防返贫监测\n工作内容：每月开展一次防返贫动态监测。\n责任单位：镇社会事务办\n', 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => t.text)).toEqual(['每月开展一次防返贫动态监测。']);
  });
});
