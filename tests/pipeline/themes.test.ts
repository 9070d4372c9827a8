/** Themes: a topic's themes apply to the plans of its topic; the guarantees every plan has (组织领导, 报送, 考核) to all. */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';

const FLOOD = '某县2025年防汛抗旱工作方案\n一、重点任务\n1.5月底前完成全县水库安全鉴定和隐患排查。（责任单位：县水利局）\n2.汛期每日向县防指报送雨情水情，建立问题整改台账。（责任单位：各乡镇）\n二、保障措施\n1.成立防汛工作专班，县长任组长，6月1日前完成人员调整。（责任单位：县应急局）\n2.将防汛工作纳入年度目标考核，年底前组织考核。（责任单位：县委督查室）\n';

describe('themes', () => {
  const r = extractPlan('flood.txt', Buffer.from(FLOOD, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  const themes = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.themes;
  it('a plan of another topic is themed by the guarantees every plan has', () => {
    expect(themes('工作专班')).toContain('leadership');
    expect(themes('报送雨情')).toContain('reporting');
    expect(themes('目标考核')).toContain('evaluation');
  });
  it('…and not by the e-government themes (its 安全 is no e-government security, its 隐患排查 no 普查)', () => {
    const egov = ['zombie', 'security', 'catalog', 'data-center', 'funding', 'local'];
    for (const t of r.tasks) for (const id of egov) expect(t.themes, t.text).not.toContain(id);
  });
});
