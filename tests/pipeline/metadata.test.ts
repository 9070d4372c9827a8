/** Header metadata of plans of any level and however the page was scraped. */
import { describe, expect, it } from 'vitest';
import { extractMetadata } from '../../src/pipeline/metadata.js';
import { extractPlan } from '../../src/pipeline/plan.js';
import { PlansQuery } from '../../src/query/index.js';
import type { KnowledgeBase, Plan } from '../../src/types.js';

describe('extractMetadata', () => {
  it('a document number on the line under the title does not take in the title', () => {
    const m = extractMetadata('临川县2025年村庄清洁行动实施方案\n临政办发〔2025〕7号\n各乡镇人民政府：\n');
    expect(m.docNumber).toBe('临政办发〔2025〕7号');
    expect(m.title).toBe('临川县2025年村庄清洁行动实施方案');
  });
  it('…nor when the scrape glued the two lines together', () => {
    expect(extractMetadata('东湖市食品安全工作方案东政办〔2024〕15号\n').docNumber).toBe('东政办〔2024〕15号');
    expect(extractMetadata('文号：西府发〔2023〕3号\n').docNumber).toBe('西府发〔2023〕3号');
  });
  it('the issuer from the signature at the end: any issuing body above the date line', () => {
    const m = extractMetadata('东岭市2025年防汛抗旱工作要点\n一、目标\n确保安全度汛。\n\n东岭市防汛抗旱指挥部\n2025年3月20日\n');
    expect(m.issuer).toBe('东岭市防汛抗旱指挥部');
    expect(m.issuedOn).toBe('2025-03-20');
    // a body named in the text, not above the date, is no issuer
    expect(extractMetadata('东岭市2025年防汛抗旱工作要点\n一、目标\n市防汛抗旱指挥部负责统筹。\n').issuer).toBeNull();
  });
  it('the issuers a notice names before 关于印发: a department, joint issuers (space or none between them)', () => {
    expect(extractMetadata('北屏市水务局关于印发北屏市2025年节水工作要点的通知\n各区水务局：\n').issuer).toBe('北屏市水务局');
    const joint = '西岭省交通运输厅 西岭省公安厅关于印发《西岭省农村公路安全提升行动方案》的通知\n各市交通运输局、公安局：\n';
    expect(extractMetadata(joint).issuer).toBe('西岭省交通运输厅、西岭省公安厅');
    expect(extractMetadata(joint.replace(' ', '')).issuer).toBe('西岭省交通运输厅、西岭省公安厅');
    expect(extractMetadata(joint).place).toBe('西岭省');
  });
  it('the issuer on its own line right above a date line under the title (a Markdown header block too)', () => {
    const plan = extractPlan('q.md', Buffer.from('# 南坪县2025年森林防火工作方案\n\n> 南坪县森林防灭火指挥部办公室\n> 2025年1月8日\n\n## 一、重点任务\n\n1. 2月底前完成防火隔离带清理。（责任单位：县林业局）\n', 'utf8'));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.plan.issuer).toBe('南坪县森林防灭火指挥部办公室');
    expect(plan.plan.issuedOn).toBe('2025-01-08');
    // a heading or a sentence above a date is no issuer
    expect(extractMetadata('某市2025年工作要点\n一、总体要求\n2025年1月8日\n').issuer).toBeNull();
  });
  it('the issue date is a date of the header, not a limit or a period in the text (有效期至…, 5月1日至9月30日)', () => {
    const valid = '河口县2025年家庭医生签约服务方案\n一、主要任务\n1.县卫健局于6月底前制定考核办法。\n二、附则\n本方案自印发之日起施行，有效期至2027年12月31日。\n\n河口县卫生健康局\n2025年4月2日\n';
    expect(extractMetadata(valid).issuedOn).toBe('2025-04-02');
    expect(extractMetadata('河口县2025年防汛工作方案\n一、主要任务\n1.2025年5月1日至9月30日实行24小时值班。\n2.2025年6月1日起执行汛期巡查制度。\n').issuedOn).toBeNull();
    // a date on a line of its own under the issuer, and one after a PDF's page marker, still are
    expect(extractMetadata('河口县2025年防汛工作方案\n河口县人民政府办公室\n2025年3月25日\n一、主要任务\n').issuedOn).toBe('2025-03-25');
    expect(extractMetadata('河口县2025年防汛工作方案 一、主要任务 … 河口县人民政府 2025年3月25日 — 1 — 河口县').issuedOn).toBe('2025-03-25');
  });
  it('a signature block of several issuers; a notice without 印发 is its own title; joint issuers of a county', () => {
    const signed = '西坡市乡村建设行动实施方案（2025—2027年）\n一、重点任务\n1.2025年底前完成村庄规划编制。（市自然资源局负责）\n\n中共西坡市委办公室\n西坡市人民政府办公室\n2025年3月10日\n';
    expect(extractMetadata(signed)).toMatchObject({ issuer: '中共西坡市委办公室、西坡市人民政府办公室', place: '西坡市', title: '西坡市乡村建设行动实施方案（2025—2027年）' });
    const notice = '北塘县教育局 北塘县卫生健康局\n关于开展2025年春季学期校园传染病防控专项检查的通知\n\n各中小学：\n一、检查内容\n';
    expect(extractMetadata(notice)).toMatchObject({ title: '关于开展2025年春季学期校园传染病防控专项检查的通知', issuer: '北塘县教育局、北塘县卫生健康局', place: '北塘县' });
  });
  it('the issuer on the line under the title (a Markdown header in bold); a township names the plan', () => {
    const plan = extractPlan('b.md', Buffer.from('# 南坪镇2025年森林防火工作方案\n\n**南坪镇森林防灭火指挥部办公室**\n\n## 一、重点任务\n\n1. 2月底前完成防火隔离带清理。（责任单位：镇林业站）\n', 'utf8'));
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.plan).toMatchObject({ issuer: '南坪镇森林防灭火指挥部办公室', place: '南坪镇' });
    expect(extractMetadata('城镇燃气安全工作方案\n一、任务\n').place).toBeNull();
  });
  it('a county, district, prefecture or league names the plan when no province or city does', () => {
    expect(extractMetadata('松岭县2025年秸秆禁烧工作方案\n').place).toBe('松岭县');
    expect(extractMetadata('青石区2024年背街小巷整治实施方案\n').place).toBe('青石区');
    expect(extractMetadata('河源市龙江县2024年工作要点\n').place).toBe('河源市');
  });
  it('a leading year is skipped; 城市 / 都市 / 全市 are no place', () => {
    expect(extractMetadata('2024年临海市政务公开工作要点\n').place).toBe('临海市');
    expect(extractMetadata('文明城市创建行动方案\n').place).toBeNull();
    expect(extractMetadata('全市2025年重点工作任务分工方案\n').place).toBeNull();
    expect(extractMetadata('黑龙江省数字政府建设规划\n').place).toBe('黑龙江省');
    expect(extractMetadata('宁夏回族自治区营商环境优化方案\n').place).toBe('宁夏回族自治区');
  });
  it('a city whose name ends in 城 is a place (晋城市, 成都市); a city word of two or more characters before 城市 is not', () => {
    expect(extractMetadata('晋城市2025年秋冬季大气污染防治方案\n').place).toBe('晋城市');
    expect(extractMetadata('成都市2024年背街小巷整治方案\n').place).toBe('成都市');
    expect(extractMetadata('智慧城市建设三年行动方案\n').place).toBeNull();
  });
  it('the issuer is the one on the notice\'s own line, not the scrape glued above it; a title\'s words are no place', () => {
    const head = '【效力级别】地方规范性文件\n当前位置：首页 > 政策文件\n柳岸市人民政府办公室关于印发柳岸市2024年\n农贸市场提升改造工作方案的通知\n柳政办发〔2024〕7号\n';
    expect(extractMetadata(head)).toMatchObject({ issuer: '柳岸市人民政府办公室', place: '柳岸市', title: '柳岸市2024年农贸市场提升改造工作方案' });
    const opinion = '北川省林业和草原局\n关于推进全省乡村绿化美化的实施意见\n\n一、总体要求\n';
    expect(extractMetadata(opinion).place).not.toBe('关于推进全省乡');
    expect(extractMetadata(opinion).place).toBe('北川省');
  });
  it('a ledger\'s header line naming the issuer and the date together gives both — not the first deadline of its rows', () => {
    const sheet = '河口镇2025年农房安全排查任务清单\n（河口镇人民政府　2025年3月2日）\n序号\t任务\t责任单位\t完成时限\n1\t完成危房鉴定\t镇村建办\t2025年6月30日\n';
    expect(extractMetadata(sheet)).toMatchObject({ issuer: '河口镇人民政府', issuedOn: '2025-03-02' });
    // …with the space between them gone, as normalisation leaves it
    expect(extractMetadata(sheet.replace('　', ''))).toMatchObject({ issuer: '河口镇人民政府', issuedOn: '2025-03-02' });
  });
  it('a word that merely ends in 区 or 县 is no place', () => {
    expect(extractMetadata('社区养老服务提升行动方案\n').place).toBeNull();
    expect(extractMetadata('全区2025年防汛工作方案\n').place).toBeNull();
    expect(extractMetadata('农村社区综合服务设施建设方案\n').place).toBeNull();
  });
});

describe('plan tags', () => {
  const plan = (id: string, place: string | null): Plan => ({ id, province: null, place, title: null, docNumber: null, issuer: null, issuedOn: null, file: `${id}.txt` }) as Plan;
  it('the place without its level word; the file id where the plan names no place', () => {
    const kb = { version: 1, plans: [plan('a', '湖北省'), plan('b', '松岭县'), plan('c', '青石区'), plan('d', null), plan('e', '北京市')], tasks: [], units: [], themes: [], skipped: [] } as unknown as KnowledgeBase;
    const q = new PlansQuery(kb);
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => q.planTag(id))).toEqual(['湖北', '松岭', '青石', 'd', '北京']);
  });
  it('unique: plans of one place are told apart by the topic of their titles, else by the file id', () => {
    const titled = (id: string, place: string, title: string) => ({ ...plan(id, place), title });
    const kb = { version: 1, plans: [titled('a', '东湖市', '东湖市2024年防汛抗旱工作方案'), titled('b', '东湖市', '东湖市优化营商环境三年行动方案（2024—2026年）'), titled('c', '东湖市', '东湖市防汛抗旱工作方案'), titled('d', '西山县', '西山县加快推进农村公路建设实施方案')], tasks: [], units: [], themes: [], skipped: [] } as unknown as KnowledgeBase;
    const q = new PlansQuery(kb);
    expect(['a', 'b', 'c', 'd'].map((id) => q.planTag(id))).toEqual(['a', '东湖·优化营商环境', 'c', '西山']);
  });
});

describe('a topic table applies to the plans of its topic only', () => {
  const body = '\n一、重点任务\n1.规范项目备案。6月底前完成建设项目备案管理办法修订。（县发展改革局负责）\n2.加强安全管理。年底前完成重点部位安全管理制度建设。（县应急局负责）\n';
  const themes = (title: string) => {
    const r = extractPlan('t.txt', Buffer.from(title + body, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    return r.tasks.map((t) => t.themes);
  };
  it('e-government themes on an e-government plan, none on a flood-control plan with the same words', () => {
    expect(themes('某县2024年政务信息系统整合共享工作方案').every((x) => x.length > 0)).toBe(true);
    expect(themes('某县2024年防汛抗旱工作方案')).toEqual([[], []]);
  });
});

describe('the province of a plan below one', () => {
  it('is the province written before its place (or before its city), else the one the text names most; a province is its own', async () => {
    const { provinceFromText, provinceNamed } = await import('../../src/domain/provinces.js');
    expect(provinceFromText('宣城市', '主办：安徽省宣城市人民政府办公室')).toBe('安徽省');
    expect(provinceFromText('兰考县', '河南省开封市兰考县医疗保障局')).toBe('河南省');
    expect(provinceFromText('青溪县', '贯彻《浙江省安全生产条例》，学习浙江省经验；落实《安徽省安全生产条例》')).toBe('浙江省');
    expect(provinceFromText('青溪县', '全省统一部署，本省各市')).toBeNull();
    expect(provinceFromText('重庆市', '')).toBe('重庆市');
    expect(provinceFromText('西岭省', '')).toBe('西岭省');
    expect([provinceNamed('安徽'), provinceNamed('广西'), provinceNamed('芜湖市')]).toEqual(['安徽省', '广西壮族自治区', null]);
    // a prefecture-level city by the table of them; a county or district by the city written before it
    expect(['赣州市', '延边朝鲜族自治州', '阿克苏地区', '兴安盟', '吉林市'].map((p) => provinceFromText(p, ''))).toEqual(['江西省', '吉林省', '新疆维吾尔自治区', '内蒙古自治区', '吉林省']);
    expect(provinceFromText('兰考县', '开封市兰考县人民政府办公室')).toBe('河南省');
    expect(provinceFromText('东台县', '')).toBeNull();
    expect(provinceFromText('宜昌高新区', '')).toBe('湖北省');
  });
  it('in the metadata: place and province apart', () => {
    const head = '宣城市人民政府办公室关于印发宣城市2025年优化营商环境工作要点的通知\n各县市区人民政府：\n为贯彻《安徽省优化营商环境条例》，现印发如下。\n';
    expect(extractMetadata(head)).toMatchObject({ place: '宣城市', province: '安徽省' });
    expect(extractMetadata('河北省数字政府建设规划\n')).toMatchObject({ place: '河北省', province: '河北省' });
    expect(extractMetadata('宣城市2025年防汛工作方案\n')).toMatchObject({ place: '宣城市', province: '安徽省' });
    expect(extractMetadata('岭北市2025年防汛工作方案\n')).toMatchObject({ place: '岭北市', province: null });
  });
});

describe('issuers in full', () => {
  it('the signature block under the notice names every issuer in full; a ledger header field names its own', () => {
    const notice = [
      '中共青溪县委办公室 青溪县人民政府办公室关于印发《青溪县2025年人居环境整治方案》的通知',
      '各乡镇党委、人民政府：',
      '现将《青溪县2025年人居环境整治方案》印发给你们，请认真贯彻落实。',
      '中共岭北市青溪县委办公室',
      '岭北市青溪县人民政府办公室',
      '2025年3月2日',
      '青溪县2025年人居环境整治方案',
    ].join('\n');
    expect(extractMetadata(notice).issuer).toBe('中共岭北市青溪县委办公室、岭北市青溪县人民政府办公室');
    expect(extractMetadata('青溪镇2025年重点工作台账\n填报单位：青溪镇党政办公室,,,,填报日期：2025年1月6日\n序号,工作任务,责任单位\n').issuer).toBe('青溪镇党政办公室');
    // …or the office that printed it, in the 版记 at its end
    expect(extractMetadata('青溪开发区2025年招商工作要点\n一、重点任务\n（一）引进项目10个。\n青溪开发区管委会办公室　2025年2月18日印发').issuer).toBe('青溪开发区管委会办公室');
  });
});
