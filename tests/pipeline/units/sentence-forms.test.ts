import { describe, expect, it } from 'vitest';
import { byUnit } from '../../../src/pipeline/units/parsers/by-unit.js';
import { rolePhrase } from '../../../src/pipeline/units/parsers/role-phrase.js';
import { subjectSupervise } from '../../../src/pipeline/units/parsers/subject-supervise.js';
import { subject } from '../../../src/pipeline/units/parsers/subject.js';
import { extractPlan } from '../../../src/pipeline/plan.js';
import { roles } from './helpers.js';

describe('unit attributions inside sentences', () => {
  it('unit/role-phrase: bare role clauses closing a sentence (a flattened table row)', () => {
    const r = rolePhrase.parse('完善公共资源交易平台功能，市数据局牵头，各有关部门配合。')!;
    expect(r.units.map((u) => `${u.name}:${u.role}`)).toEqual(['市数据局:lead', '各有关部门:support']);
    expect('完善公共资源交易平台功能，市数据局牵头，各有关部门配合。'.slice(0, r.cut)).toBe('完善公共资源交易平台功能，');
  });
  it('由X负责，Y配合: the 由 clause is part of the attribution, and the units come in the order named', () => {
    const s = '开展防汛物资清查补充，由县应急管理局负责，县粮食和物资储备中心配合。';
    const r = rolePhrase.parse(s)!;
    expect(s.slice(0, r.cut)).toBe('开展防汛物资清查补充，');
    const plan = extractPlan('goods.txt', Buffer.from(`某县2024年防汛物资保障方案\n一、重点任务\n1.5月底前${s}\n`, 'utf8'));
    if (!plan.ok) throw new Error(plan.reason);
    const t = plan.tasks.find((x) => x.text.includes('物资清查'))!;
    expect(t.text).not.toContain('由县应急管理局');
    expect(t.units.map((u) => `${u.name}:${u.role}`)).toEqual(['县应急管理局:responsible', '县粮食和物资储备中心:support']);
  });
  it('unit/role-phrase is strict: an action clause ending in 负责 is no attribution', () => {
    expect(rolePhrase.parse('各级干部要对本地区工作负责。')).toBeNull();
    expect(rolePhrase.parse('加强统筹协调，确保工作落实。')).toBeNull();
  });
  it('unit/by-unit: 由X负责 / 由X、Y跟踪督办; a person is not a unit', () => {
    expect(roles(byUnit, '具体工作由市人社局负责。')).toEqual(['市人社局:responsible']);
    expect(roles(byUnit, '逾期未整改的，由市政府办公室、市政府督查室跟踪督办。')).toEqual(['市政府办公室:supervise', '市政府督查室:supervise']);
    expect(byUnit.parse('由张某某同志负总责')).toBeNull();
  });
  it('unit/subject: a lead as the subject, its supporters in the next clause (X牵头，Y、Z配合，…)', () => {
    expect(roles(subject, '区卫健委牵头，区民政局、区医保局配合，年底前建成医养结合服务中心。')).toEqual(['区卫健委:lead', '区民政局:support', '区医保局:support']);
    // the next clause is work, not units: no supporters
    expect(roles(subject, '区卫健委牵头，全面推进家庭医生签约服务。')).toEqual(['区卫健委:lead']);
  });
  it('unit/subject: a subject before a time relative to the report (于次月5日前 / 在次年1月底前 / 于当月)', () => {
    expect(roles(subject, '县统计局于次月5日前将上月数据报送县政府。')).toEqual(['县统计局:responsible']);
    expect(roles(subject, '各乡镇人民政府在次年1月底前报送上年度工作总结。')).toEqual(['各乡镇人民政府:responsible']);
    expect(roles(subject, '区财政局于当月拨付补助资金。')).toEqual(['区财政局:responsible']);
    expect(roles(subject, '区财政局于次要位置设置公示栏。')).toBeNull();
  });
  it('unit/subject: the partners of a lead (X牵头，会同Y、Z…) support it, with or without the comma', () => {
    expect(roles(subject, '县水利局牵头，会同县财政局、县自然资源局，年底前完成山塘整治。')).toEqual(['县水利局:lead', '县财政局:support', '县自然资源局:support']);
    expect(roles(subject, '县水利局牵头会同县财政局制定山塘整治资金办法，6月底前印发。')).toEqual(['县水利局:lead', '县财政局:support']);
  });
  it('unit/subject-supervise: a unit supervising as the subject of its clause', () => {
    expect(roles(subjectSupervise, '市委督查室每月对进展情况进行一次督查通报。')).toEqual(['市委督查室:supervise']);
    expect(roles(subjectSupervise, '区政府办、区督查室要加强跟踪督办。')).toEqual(['区政府办:supervise', '区督查室:supervise']);
  });
  it('unit/subject-supervise: X将会同Y进行督办 → both supervise', () => {
    expect(roles(subjectSupervise, '市政府办公室将会同市委督查室进行专项督办。')).toEqual(['市政府办公室:supervise', '市委督查室:supervise']);
  });
  it('a parenthetical (X负责指导) supervises, the name without 负责', () => {
    expect(roles(rolePhrase, '开展垃圾分类入户宣传，各村负责，镇环卫所负责指导。')).toEqual(['各村:responsible', '镇环卫所:supervise']);
  });
  it('unit/role-phrase: bare places sharing the last name\'s suffix', () => {
    expect(roles(rolePhrase, '开展森林防火检查，东山、西山、南山县人民政府负责，市林业局配合。')).toEqual(['东山:responsible', '西山:responsible', '南山县人民政府:responsible', '市林业局:support']);
  });
  it('a clause whose "name" holds 由 or 情况 is no unit list', () => {
    expect(rolePhrase.parse('本方案执行情况由市政府督查室负责督办。')).toBeNull();
    expect(roles(byUnit, '本方案执行情况由市政府督查室负责督办。')).toEqual(['市政府督查室:supervise']);
  });
  it('a subject that merely has to do something gets no role; a person is no unit', () => {
    expect(subjectSupervise.parse('各部门要加强协调配合。')).toBeNull();
    expect(subjectSupervise.parse('各地主要领导要亲自督办。')).toBeNull();
  });
});

describe('unit/subject: the unit that opens an unattributed obligation', () => {
  it('a named unit before a modal, a time adverbial or an assigning verb', () => {
    expect(roles(subject, '县水利局每季度通报各乡镇河道清淤进度。')).toEqual(['县水利局:responsible']);
    expect(roles(subject, '完善台账。市卫生健康委要在9月底前完成全部核查。')).toEqual(['市卫生健康委:responsible']);
    expect(roles(subject, '区人社局、区财政局于2024年6月底前出台补贴办法。')).toEqual(['区人社局:responsible', '区财政局:responsible']);
    expect(roles(subject, '市司法局牵头制定行政执法公示办法。')).toEqual(['市司法局:lead']);
  });
  it('after a leading time clause; with a partner (X会同Y: X hosts, Y takes part; 联合/与: both); a supervising sentence supervises', () => {
    expect(roles(subject, '4月底前，县应急局会同县林业局对重点林区开展一次联合检查。')).toEqual(['县应急局:lead', '县林业局:support']);
    expect(roles(subject, '区政府督查室会同区防办，汛期每月开展一次防汛工作督导。')).toEqual(['区政府督查室:supervise', '区防办:supervise']);
    expect(roles(subject, '市气象局、市水文局与市应急管理局建立汛情会商机制。')).toEqual(['市气象局:responsible', '市水文局:responsible', '市应急管理局:responsible']);
    expect(roles(subject, '县防指于4月1日前完成责任人名单公布。')).toEqual(['县防指:responsible']);
    expect(roles(subject, '每年11月底前，各县（市、区）将年度工作总结报市防指办公室。')).toEqual(['各县（市、区）:responsible']);
    expect(roles(subject, '各乡镇于每月5日前报送上月工作情况。')).toEqual(['各乡镇:responsible']);
    expect(roles(subject, '汛期实行24小时值班制度，县防办每日通报雨情水情。')).toEqual(['县防办:responsible']);
  });
  it('partners after 会同 end where the work begins, however it opens (建立, 研究, 核定, 在…)', () => {
    expect(roles(subject, '县气象局会同县水利局建立山洪预警联动机制，6月底前实现预警到村。')).toEqual(['县气象局:lead', '县水利局:support']);
    expect(roles(subject, '区卫健委会同区委编办研究制定村医编制办法，年底前出台。')).toEqual(['区卫健委:lead', '区委编办:support']);
    expect(roles(subject, '市文明办会同团市委、市妇联在全市中小学开展主题活动，每学期一次。')).toEqual(['市文明办:lead', '团市委:support', '市妇联:support']);
    expect(roles(subject, '县财政局统筹各类涉农资金，9月底前下达。')).toEqual(['县财政局:responsible']);
  });
  it('X配合Y做好…: Y does the work, X supports it; X配合 alone supports', () => {
    expect(roles(subject, '市交通运输局配合市公安局交警支队做好节假日道路疏导工作。')).toEqual(['市公安局交警支队:responsible', '市交通运输局:support']);
    expect(roles(subject, '6月底前，区城管局协助区住建局完成老旧小区管线改造。')).toEqual(['区住建局:responsible', '区城管局:support']);
  });
  it('X、Y按职责分工，…: both responsible; 由X负责…，Y负责…: each its own; X负责指导 supervises', () => {
    expect(roles(subject, '区公安分局、区市场监管局按职责分工，常态化开展校园周边食品安全整治。')).toEqual(['区公安分局:responsible', '区市场监管局:responsible']);
    expect(roles(byUnit, '由区财政局负责资金保障，区住建局负责工程建设，年底前完成。')).toEqual(['区财政局:responsible', '区住建局:responsible']);
    expect(roles(subjectSupervise, '县林业局负责业务指导。')).toEqual(['县林业局:supervise']);
  });
  it('接受X监督 is no attribution: the unit is not given the work', () => {
    expect(rolePhrase.parse('对失职失责的，依纪依法追究有关人员责任，接受县纪委监委监督。')).toBeNull();
  });
  it('a township station, each village and the bodies of each level are units', () => {
    expect(roles(rolePhrase, '开展农田水利设施维护，镇农技站负责，各村（社区）配合。')).toEqual(['镇农技站:responsible', '各村（社区）:support']);
    expect(roles(subject, '各市、县医疗保障局每年1月20日前拨付预付金。')).toEqual(['各市、县医疗保障局:responsible']);
    expect(roles(subject, '省政务网站每月更新一次。')).toBeNull();
    // a task force (工作专班) is a unit
    expect(roles(rolePhrase, '建立问题整改台账，区创文工作专班牵头，各街道配合。')).toEqual(['区创文工作专班:lead', '各街道:support']);
  });
  it('collective calls and non-units are not subjects', () => {
    expect(subject.parse('各地区各部门要在年底前完成自查。')).toBeNull();
    expect(subject.parse('有关单位要按月报送进展。')).toBeNull();
    expect(subject.parse('全面推进，确保于年底前见效。')).toBeNull();
    expect(subject.parse('工作进展情况每月通报一次。')).toBeNull();
  });
  it('in a plan: a task with no attribution takes its subject — undated only when a named unit opens it with 要/负责; a bracket wins', () => {
    const text = '某县2024年河道治理工作方案\n一、重点任务\n1.清淤疏浚。县水利局每月通报各乡镇清淤进度。\n2.修复堤防。县水利局要在8月底前完成堤防修复（县应急局牵头，各乡镇配合）。\n3.宣传发动。县委宣传部要加强河道保护宣传，长期坚持。\n4.各乡镇要高度重视河道保护工作。\n5.水利部门要加强技术指导。\n6.加强巡查，县水利局要做好记录。\n四、附则\n本方案自印发之日起施行，由县水利局负责解释。\n';
    const r = extractPlan('river.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}:${u.rule}`);
    expect(units('清淤进度')).toEqual(['县水利局:responsible:unit/subject']);
    expect(units('堤防修复')).toEqual(['县应急局:lead:unit/parenthetical', '各乡镇:support:unit/parenthetical']);
    // no deadline, no attribution, but a named unit opens it and is assigned the work: an obligation
    expect(units('河道保护宣传')).toEqual(['县委宣传部:responsible:unit/subject']);
    expect(r.tasks.find((t) => t.text.includes('河道保护宣传'))?.rule).toBe('task/assigned-text');
    // a collective call, a class of bodies, a subject that does not open the sentence: not listed undated
    expect(units('高度重视')).toBeUndefined();
    expect(units('技术指导')).toBeUndefined();
    expect(units('做好记录')).toBeUndefined();
    // the closing formula (附则) is no work to do
    expect(units('负责解释')).toBeUndefined();
  });
  it('in a plan: the governments of a level and the bodies of a kind are addressees (各镇人民政府要…, 各学校要…); each sentence names its own; X配合Y做好… makes Y do it', () => {
    const text = '某区2025年食品安全专项整治方案\n一、重点任务\n（一）落实属地责任。各镇人民政府要建立食品安全网格台账，明确网格员。各社区要定期巡查辖区小作坊。\n（二）校园食品安全。各学校要在开学前完成食堂自查。区教育局负责督促落实。\n（三）联合执法。区公安分局配合区市场监管局做好食品安全违法案件查处工作。\n（四）提高认识。各街道要充分认识食品安全工作的重要性。\n（五）部门协同。各部门要加强协作配合。\n（六）宣传引导。区委宣传部组织开展食品安全宣传周活动。\n';
    const r = extractPlan('food.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('网格台账')).toEqual(['各镇人民政府:responsible', '各社区:responsible']);
    expect(r.tasks.find((t) => t.text.includes('网格台账'))?.rule).toBe('task/assigned-text');
    // a supervisor named after the work leaves the work to its subject
    expect(units('食堂自查')).toEqual(['各学校:responsible', '区教育局:supervise']);
    expect(units('违法案件查处')).toEqual(['区市场监管局:responsible', '区公安分局:support']);
    // a call for an attitude, and a call on every body, are no obligations
    expect(units('充分认识')).toBeUndefined();
    expect(units('协作配合')).toBeUndefined();
    // a named unit opening the sentence with the verb of its work is assigned it
    expect(units('宣传周活动')).toEqual(['区委宣传部:responsible']);
  });
  it('in a plan: a supervising unit opening an undated sentence (X对…进行督查); a lead after the opening date; the doers beside supporters; 向…报送', () => {
    const text = '某区2025年校园安全整治方案\n一、重点任务\n（一）督查通报。区政府督查室对各校整治推进情况进行督查，对进展滞后的予以通报。\n（二）安全排查。6月30日前，区教育局牵头，组织各学校开展一次校舍安全排查。各街道配合。\n（三）进度报送。每月5日前，各学校向区教育局报送整治进展；区教育局每季度末通报一次。\n（四）应急演练。9月底前，各学校至少组织开展1次消防疏散演练，区消防救援大队负责指导。\n';
    const r = extractPlan('school.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('进行督查')).toEqual(['区政府督查室:supervise']);
    expect(units('校舍安全排查')).toEqual(['区教育局:lead', '各街道:support']);
    expect(units('报送整治进展')).toEqual(['各学校:responsible', '区教育局:responsible']);
    expect(units('消防疏散演练')).toEqual(['各学校:responsible', '区消防救援大队:supervise']);
  });
  it('in a plan: the attribution of a run-in title alone governs the item after it; 完成时限 after 责任单位 is the item\'s time', () => {
    const text = '某镇2025年农村道路养护方案\n一、重点任务\n1.路面修补。牵头单位：镇建设办；配合单位：各村民委员会。全年修补破损路面5公里，10月底前完成验收。\n2.边沟清理。对镇村道路边沟开展集中清理。责任单位：镇建设办、镇环卫所。完成时限：2025年4月至5月。\n';
    const r = extractPlan('road-care.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    expect(t('破损路面')?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['镇建设办:lead', '各村民委员会:support']);
    expect(t('破损路面')?.deadlines.map((d) => d.date)).toEqual(['2025-10-31']);
    // the title is not left as a task of its own
    expect(r.tasks.filter((x) => x.text.includes('路面修补'))).toHaveLength(0);
    expect(t('边沟开展集中清理')?.deadlines.map((d) => d.date)).toEqual(['2025-05-31']);
    expect(t('边沟开展集中清理')?.units.map((u) => u.name)).toEqual(['镇建设办', '镇环卫所']);
  });
  it('in a plan: X会同Y开展… is assigned though undated; a terse attributed item is a task; every closing formula is none', () => {
    const text = '某区2025年道路交通安全整治方案\n一、重点任务\n1.区交警大队会同区交通运输局开展货车超载专项整治，长期坚持。\n2.年底前完成演练。（区应急管理局负责）\n3.完成。（区应急管理局负责）\n二、附则\n本方案由区安委办负责解释，自印发之日起实施。\n';
    const r = extractPlan('road.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    expect(t('超载专项整治')?.units.map((u) => u.name)).toEqual(['区交警大队', '区交通运输局']);
    expect(t('超载专项整治')?.rule).toBe('task/assigned-text');
    expect(t('完成演练')?.deadlines.map((d) => d.raw)).toEqual(['年底前']);
    expect(r.tasks.map((x) => x.text)).not.toContain('完成。');
    expect(t('负责解释')).toBeUndefined();
  });
  it('in a plan: a named unit\'s 将… in an item commits it (X将…纳入考核), not in the opening paragraph; 监督检查 of a sector is the unit\'s own work', () => {
    const text = '某县2026年养老机构安全管理要点\n今年是巩固提升之年，县政府将把养老机构安全纳入年度绩效考核。\n一、重点任务\n（一）消防检查。县消防救援大队负责养老机构消防安全监督检查，每季度不少于1次；县民政局将消防安全工作纳入养老机构等级评定。\n二、保障措施\n县民政局将各机构安全管理情况纳入年度考核，对问题突出的予以约谈。\n县政府督查室负责对工作落实情况的监督检查。\n';
    const r = extractPlan('care.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('等级评定')).toEqual(['县消防救援大队:responsible', '县民政局:responsible']);
    expect(units('约谈')).toEqual(['县民政局:responsible']);
    expect(r.tasks.find((t) => t.text.includes('约谈'))?.rule).toBe('task/assigned-text');
    // the issuer's intent in the opening paragraph is no task of its own
    expect(units('巩固提升')).toBeUndefined();
    // 监督检查 of the work's progress is supervision
    expect(units('工作落实情况')).toEqual(['县政府督查室:supervise']);
  });
  it('role clauses inside a sentence, led by a 牵头, attribute it; the unit opening it is the doer; X牵头，Y具体实施: Y responsible; a 股 is a unit', () => {
    expect(roles(rolePhrase, '各幼儿园每周开展一次安全巡查，区教育局牵头，区消防救援大队配合，在园区显著位置张贴疏散图。')).toEqual(['各幼儿园:responsible', '区教育局:lead', '区消防救援大队:support']);
    expect(roles(rolePhrase, '汛期前，各村开展一次山塘巡查，镇水利站牵头，镇派出所配合。')).toEqual(['各村:responsible', '镇水利站:lead', '镇派出所:support']);
    // a lead's clause inside a sentence that no unit opens names the lead alone; a 配合 alone inside it is no attribution
    expect(roles(rolePhrase, '全面排查校舍隐患，区教育局牵头，建立整改台账。')).toEqual(['区教育局:lead']);
    expect(rolePhrase.parse('全面排查校舍隐患，各部门配合，建立整改台账。')).toBeNull();
    expect(roles(subject, '县局特种设备股牵头，各市场监管所具体实施，对电梯开展全覆盖检查。')).toEqual(['县局特种设备股:lead', '各市场监管所:responsible']);
    expect(roles(subject, '办公室会同登记注册股于6月底前完成年报公示。')).toEqual(['办公室:lead', '登记注册股:support']);
    // 控股 is no unit
    expect(subject.parse('市属国有控股要在年底前完成改制。')).toBeNull();
  });
  it('in a plan: 各乡镇（街道）and 各县（市、区） are addressees assigned the work beside a supervisor', () => {
    const text = '某县2025年森林防火方案\n一、重点任务\n1．隐患排查。各乡镇（街道）要于2025年10月底前完成林区坟头隐患排查，县林业局负责督导。\n';
    const r = extractPlan('fire.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.find((t) => t.text.includes('坟头'))?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['各乡镇（街道）:responsible', '县林业局:supervise']);
  });
  it('in a plan: an enumeration whose items name their own units (一是X…；二是Y…) is one task per item; one whose items do not stays under its attribution', () => {
    const text = '某市2025年河湖管护要点\n一、重点任务\n（一）巡河护河。一是各区河长办每月开展一次河道巡查；二是市水务局每季度末通报巡查发现问题；三是河湖保洁长期坚持，由各区政府负责。\n（二）制度建设。一是修订河长制考核办法；二是建立问题销号台账。2025年6月底前完成。（责任单位：市河长办）\n';
    const r = extractPlan('river.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    const units = (needle: string) => t(needle)?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('河道巡查')).toEqual(['各区河长办:responsible']);
    expect(t('河道巡查')?.text).not.toContain('通报');
    expect(units('通报巡查')).toEqual(['市水务局:responsible']);
    expect(t('通报巡查')?.deadlines.map((d) => d.recurring)).toEqual(['quarterly']);
    expect(units('河湖保洁')).toEqual(['各区政府:responsible']);
    // no item names a unit: one task, the bracket's
    expect(t('考核办法')?.text).toContain('销号台账');
    expect(units('考核办法')).toEqual(['市河长办:responsible']);
  });
  it('in a plan: a list whose first item names its unit, after a whole sentence of its own, starts apart from it; after the words leading into it, it does not', () => {
    const text = '某县2026年燃气安全整治方案\n一、重点任务\n（一）排查整治。各乡镇要全面排查餐饮场所燃气隐患，2026年5月底前完成整改。一是县住建局每月抽查一次燃气企业；二是县市场监管局每季度检查一次气瓶充装站。（牵头单位：县住建局；配合单位：县市场监管局）\n（二）宣传教育。县应急局重点抓好以下工作：一是县融媒体中心每周播放一次安全提示；二是各学校每学期开展一次演练。2026年12月底前完成。\n';
    const r = extractPlan('gas.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    const units = (needle: string) => t(needle)?.units.map((u) => `${u.name}:${u.role}`);
    expect(t('餐饮场所')?.text).not.toContain('抽查');
    expect(units('餐饮场所')).toEqual(['各乡镇:responsible']);
    expect(t('餐饮场所')?.deadlines.map((d) => d.date)).toEqual(['2026-05-31']);
    expect(units('抽查一次')).toEqual(['县住建局:responsible']);
    expect(t('抽查一次')?.deadlines.map((d) => d.recurring)).toEqual(['monthly']);
    expect(t('抽查一次')?.text).not.toContain('气瓶');
    // 以下工作：一是… — the first item goes with its lead-in
    expect(t('以下工作')?.text).toContain('安全提示');
  });
  it('in a plan: the time after a closing attribution, 会同 and 按职责分工落实 after 由X负责, 配合X opening a sentence, a 督查室 among the supporters', () => {
    const text = [
      '某省交通运输厅2025年工作要点',
      '一、重点任务',
      '（一）修订养护办法。修订全省农村公路养护管理办法。（牵头单位：公路处；配合单位：法规处）2025年5月底前完成。',
      '（二）治理超限超载。开展货车超限超载常态化治理。（责任单位：运输处）长期坚持。',
      '（三）抓好重点工程调度。建设处牵头，督查室配合，建立重点工程周调度制度，2025年4月底前建立。',
      '（四）推进多式联运。配合省发展改革委编制多式联运发展规划，2025年8月底前完成。',
      '（五）加强汛期安全。由安全监督处负责，会同省气象局建立恶劣天气预警联动机制，2025年6月底前建立。',
      '（六）规范执法行为。由执法局负责，公路处、运输处按职责分工落实，2025年9月底前完成。',
      '（七）强化站点检查。对全省客运站开展安全检查。（责任股室：安全股）2025年10月底前完成。',
      '（八）整治道路扬尘。责任单位：公路处牵头，各市交通运输局落实属地责任。完成时限：2025年11月底前。',
    ].join('\n');
    const r = extractPlan('traffic.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = (needle: string) => r.tasks.find((x) => x.text.includes(needle));
    const units = (needle: string) => t(needle)?.units.map((u) => `${u.name}:${u.role}`);
    const times = (needle: string) => t(needle)?.deadlines.map((d) => d.date ?? d.raw);
    expect(units('养护管理办法')).toEqual(['公路处:lead', '法规处:support']);
    expect(times('养护管理办法')).toEqual(['2025-05-31']);
    expect(times('超限超载')).toEqual(['长期坚持']);
    expect(units('周调度')).toEqual(['建设处:lead', '督查室:support']);
    expect(units('多式联运发展规划')).toEqual(['省发展改革委:responsible']);
    expect(units('预警联动')).toEqual(['安全监督处:responsible', '省气象局:support']);
    expect(units('规范执法')).toEqual(['执法局:responsible', '公路处:responsible', '运输处:responsible']);
    expect(units('客运站')).toEqual(['安全股:responsible']);
    expect(times('客运站')).toEqual(['2025-10-31']);
    expect(units('道路扬尘')).toEqual(['公路处:lead', '各市交通运输局:responsible']);
  });
  it('in a plan: the units of a role (各牵头单位) report by a time they are given; undated, the notice\'s exhortation names nobody', () => {
    const text = [
      '某县2025年河道保洁工作方案',
      '现将本方案印发给你们，请认真贯彻执行。各牵头单位要切实承担起牵头职责，狠抓落实。',
      '一、重点任务',
      '（一）清理河道垃圾。县水利局牵头，2025年5月底前完成主要河道清理。',
      '二、保障措施',
      '（一）加强调度。各牵头单位于每月5日前将上月进展报送县河长办。',
    ].join('\n');
    const r = extractPlan('river2.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.find((t) => t.text.includes('上月进展'))?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['各牵头单位:responsible']);
    expect(r.tasks.some((t) => t.text.includes('切实承担起'))).toBe(false);
  });
  it('in a plan: X会同Y… under a bracket naming both alike — X leads, Y stays answerable; the bracket\'s roles stand when it gives them', () => {
    const text = [
      '某市2025年校园安全工作要点',
      '一、重点任务',
      '（一）开展应急演练。市教育局会同市消防救援支队组织中小学开展消防演练，2025年10月底前完成。（责任单位：市教育局、市消防救援支队）',
      '（二）排查周边隐患。市公安局会同市市场监管局排查校园周边隐患，2025年9月底前完成。（牵头单位：市市场监管局；配合单位：市公安局）',
    ].join('\n');
    const r = extractPlan('school.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('消防演练')).toEqual(['市教育局:lead', '市消防救援支队:responsible']);
    expect(units('周边隐患')).toEqual(['市市场监管局:lead', '市公安局:support']);
  });
  it('in a plan: a labelled attribution after a sentence on its line (…。责任单位：X，Y负责监管。): X answers for it, Y oversees; 各市、县（区）X局 is one collective', () => {
    const text = ['某自治区2025年河湖管理要点', '一、重点任务', '（一）严格采砂管理。禁采期内一律不得开采河砂，此项工作长期坚持。责任单位：各河道管理单位，各市、县（区）水务局负责监管。'].join('\n');
    const r = extractPlan('sand.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const t = r.tasks.find((x) => x.text.includes('开采河砂'));
    expect(t?.units.map((u) => `${u.name}:${u.role}`)).toEqual(['各河道管理单位:responsible', '各市、县（区）水务局:supervise']);
    expect(t?.deadlines.map((d) => d.raw)).toEqual(['长期坚持']);
  });
  it('in a plan: a division of the issuing body (X处, X股) taking the work by 负责 in a later clause is assigned it; the statement of the plan\'s purpose is no task', () => {
    const text = '某省2025年非遗保护工作要点\n为加强非物质文化遗产保护，省文化厅决定自2025年4月至11月在全省开展非遗普查，特制定本方案。\n一、重点任务\n（一）传承人管理。将传承人履职情况纳入年度评估，非遗处负责评估实施。\n（二）宣传展示。各市文化局要于6月底前举办一次非遗展演。\n';
    const r = extractPlan('heritage.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const units = (needle: string) => r.tasks.find((t) => t.text.includes(needle))?.units.map((u) => `${u.name}:${u.role}`);
    expect(units('传承人履职')).toEqual(['非遗处:responsible']);
    expect(units('非遗展演')).toEqual(['各市文化局:responsible']);
    expect(r.tasks.find((t) => t.text.includes('特制定本方案'))).toBeUndefined();
  });
});
