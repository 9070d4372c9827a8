/** Plans from traditional-script mirrors: matched on a simplified reading, reported as written. */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';

const TEXT = [
  '某縣2021年優化營商環境工作要點',
  '一、提升服務效能',
  '1.推進“一網通辦”。完善網上辦事大廳，擴大全程網辦事項範圍。（牽頭單位：縣行政審批服務局；責任單位：縣直各有關單位，9月底前完成）',
  '2.加強數據共享。打通部門業務系統，實現證照信息互認。（縣經（jīng）信局牽頭，縣財政局配合）',
].join('\n');

describe('traditional script', () => {
  const r = extractPlan('trad.txt', Buffer.from(TEXT, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  const task = (needle: string) => r.tasks.find((t) => t.text.includes(needle))!;
  it('roles and dates are read; names, text and raws stay as written', () => {
    const t = task('網上辦事大廳');
    expect(t.units.map((u) => `${u.name}:${u.role}`)).toEqual(['縣行政審批服務局:lead', '縣直各有關單位:responsible']);
    expect(t.deadlines.map((d) => [d.raw, d.date])).toEqual([['9月底前', '2021-09-30']]);
    expect(t.text).toContain('推進“一網通辦”');
  });
  it('canonical names are simplified, so the unit is the same across plans; glosses stay in the written name', () => {
    const t = task('證照信息互認');
    expect(t.units.map((u) => [u.name, u.canonical, u.role])).toEqual([
      ['縣經（jīng）信局', '县经信局', 'lead'],
      ['縣財政局', '县财政局', 'support'],
    ]);
    expect(t.units[1].kind).toBe('财政');
  });
  it('the plan is warned about the reading', () => {
    expect(r.plan.warnings.join(' ')).toMatch(/simplified reading/);
  });
});

describe('a name cut by a line break inside a bracket', () => {
  it('is read whole: （责任单位：区政府办 / 公室、区财政局）', () => {
    const r = extractPlan('wrap.txt', Buffer.from('某区2022年工作要点\n1.建立工作台账，逐月调度推进。（责任单位：区政府办\n公室、区财政局）\n', 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks[0].units.map((u) => u.name)).toEqual(['区政府办公室', '区财政局']);
  });
});
