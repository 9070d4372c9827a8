/** Plan tags: short, unique among the plans, and naming each plan's topic where several share a place. */
import { describe, expect, it } from 'vitest';
import { PlansQuery } from '../../src/query/index.js';
import type { KnowledgeBase, Plan } from '../../src/types.js';

const plan = (id: string, place: string | null, title: string | null): Plan => ({ id, province: null, place, title, docNumber: null, issuer: null, issuedOn: null, file: `${id}.txt`, warnings: [] });
const kbOf = (plans: Plan[]) => ({ version: 1, plans, tasks: [], units: [], themes: [] }) as unknown as KnowledgeBase;

describe('planTag', () => {
  it('one plan per place: the place without its level', () => {
    const q = new PlansQuery(kbOf([plan('a', '岭北市', '岭北市2025年防汛工作方案'), plan('b', '河东省', '河东省政务公开要点')]));
    expect([q.planTag('a'), q.planTag('b')]).toEqual(['岭北', '河东']);
  });
  it('plans of one place: the topic of each title, without the openers that name none (year, 关于, 贯彻落实, 第三次, 全国, 加快推进)', () => {
    const q = new PlansQuery(
      kbOf([
        plan('a', '岭北市', '岭北市关于贯彻落实第三次全国土壤普查工作的实施方案'),
        plan('b', '岭北市', '岭北市2025年防汛工作方案'),
        plan('c', '岭北市', '岭北市加快推进营商环境优化行动方案'),
        plan('d', '岭北市', '关于认真学习贯彻《岭北市河湖长制条例》的通知'),
      ]),
    );
    expect(['a', 'b', 'c', 'd'].map((id) => q.planTag(id))).toEqual(['岭北·土壤普查', '岭北·防汛', '岭北·营商环境优化', '岭北·河湖长制条例']);
  });
  it('titles that leave the same topic: the file id', () => {
    const q = new PlansQuery(kbOf([plan('flood-2024', '岭北市', '岭北市2024年防汛工作方案'), plan('flood-2025', '岭北市', '岭北市2025年防汛工作方案')]));
    expect([q.planTag('flood-2024'), q.planTag('flood-2025')]).toEqual(['flood-2024', 'flood-2025']);
  });
});
