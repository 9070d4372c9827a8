/** Task tables however they were flattened, recognised by their header row; columns by header name. */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/pipeline/plan.js';

function rows(text: string) {
  const r = extractPlan('t.txt', Buffer.from(text, 'utf8'));
  if (!r.ok) throw new Error(r.reason);
  return r.tasks.filter((t) => t.source.origin === 'annex').map((t) => ({
    row: t.source.row,
    text: t.text,
    units: t.units.map((u) => `${u.name}:${u.role}`),
    deadlines: t.deadlines.map((d) => d.date ?? d.raw),
    section: t.section,
    rule: t.rule,
  }));
}

const TITLE = '某市2022年营商环境重点任务清单\n';

describe('task tables', () => {
  it('one cell per line, cells separated by | lines, a group column, the 序号 missing from the header', () => {
    const t = [
      '重点任务', '|', '具体举措', '|', '责任部门', '|', '完成时限', '|',
      '优化审批服务', '|', '1', '|', '推行企业开办全程网上办理，压缩办理时间。', '|', '市场监管局', '|', '6月底前', '|',
      '2', '|', '建立审批事项清单动态调整机制。', '|', '行政审批局', '|', '持续推进', '|',
      '加强监管', '|', '3', '|', '开展跨部门联合抽查，公开抽查结果。', '|', '市场监管局、税务局', '|', '年底前', '|',
    ].join('\n');
    const got = rows(TITLE + t);
    expect(got.map((r) => [r.row, r.units, r.deadlines, r.section[1]])).toEqual([
      [1, ['市场监管局:responsible'], ['2022-06-30'], '优化审批服务'],
      // 持续推进 in the 时限 column: no limit, shown as the row's time requirement (deadline/ongoing, no date)
      [2, ['行政审批局:responsible'], ['持续推进'], '优化审批服务'],
      [3, ['市场监管局:responsible', '税务局:responsible'], ['2022-12-31'], '加强监管'],
    ]);
    expect(got[0].text).toBe('推行企业开办全程网上办理，压缩办理时间。');
    expect(got.every((r) => r.rule === 'task/table-row')).toBe(true);
  });

  it('a rectification list (整改清单): the problem and the target group the measure, one level each; an empty cell keeps the row above\'s', () => {
    const t = [
      '西河县环境问题整改任务清单（城关镇部分）',
      '序号\t反馈问题\t整改目标\t整改措施\t牵头单位\t整改时限',
      '1\t镇区生活污水直排河道\t污水收集率达到85%\t新建污水管网12公里\t县住建局\t2025年10月底前',
      '2\t\t消除黑臭水体\t开展河道清淤和生态修复\t县水利局\t立行立改、长期坚持',
    ].join('\n');
    const r = extractPlan('fix.csv.txt', Buffer.from(t, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.title).toBe('西河县环境问题整改任务清单（城关镇部分）');
    const got = r.tasks.filter((x) => x.source.origin === 'annex').map((x) => [x.section.slice(1), x.text, x.deadlines.map((d) => d.raw)]);
    expect(got).toEqual([
      [['镇区生活污水直排河道', '污水收集率达到85%'], '新建污水管网12公里', ['2025年10月底前']],
      // both marks of the cell: at once, and for good
      [['镇区生活污水直排河道', '消除黑臭水体'], '开展河道清淤和生态修复', ['立行立改', '长期坚持']],
    ]);
  });

  it('a spreadsheet ledger whose rows leave the last 备注 empty: every row by position, its category its own', () => {
    const csv = [
      '某街道2024年平安建设工作台账',
      '填报单位：某街道综治中心,,,,,填报日期：2024年1月5日',
      '序号,工作类别,工作任务,责任单位,配合单位,完成时限,备注',
      '1,矛盾化解,建立矛盾纠纷排查化解台账，逐一销号管理。,街道综治中心,各社区,2024年3月底前,',
      '2,治安防控,推进小区智能门禁改造，新增覆盖20个小区。,街道派出所,街道城建办,2024年9月底前,',
      '3,治安防控,组织平安志愿者开展夜间巡逻，每周不少于2次。,街道综治中心,各社区,长期,按周报送',
      '4,宣传教育,开展平安建设宣传进社区活动，全年不少于12场。,街道宣传办,各社区,每月,',
    ].join('\n');
    const r = extractPlan('ledger.csv', Buffer.from(csv, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const annexRows = r.tasks.filter((t) => t.source.origin === 'annex');
    // the ledger's own title heads its rows, not the header line under it
    expect(annexRows.every((t) => t.section[0] === '某街道2024年平安建设工作台账')).toBe(true);
    expect(r.plan.issuer).toBe('某街道综治中心');
    const got = annexRows.map((t) => [t.section[t.section.length - 1], t.units.map((u) => u.name).join('、'), t.deadlines.map((d) => d.date ?? d.raw).join('、')]);
    expect(got).toEqual([
      ['矛盾化解', '街道综治中心、各社区', '2024-03-31'],
      ['治安防控', '街道派出所、街道城建办', '2024-09-30'],
      ['治安防控', '街道综治中心、各社区', '长期'],
      ['宣传教育', '街道宣传办、各社区', '每月'],
    ]);
  });
  it('one cell per line with blank lines; a 进展情况 column is not the task and gives no units', () => {
    const t = ['序号', '', '目标任务', '', '进展情况', '', '责任单位', '', '1', '', '新建城市绿道30公里。', '', '已完成选线，1-3月完成投资2亿元。', '', '市林业局', '', '2', '', '改造老旧管网50公里。', '', '正在招标。', '', '市水务局'].join('\n');
    const got = rows(TITLE + t);
    expect(got.map((r) => [r.text, r.units])).toEqual([
      ['新建城市绿道30公里。', ['市林业局:responsible']],
      ['改造老旧管网50公里。', ['市水务局:responsible']],
    ]);
  });

  it('a whole row on one line, cells split by spaces, a spaced-out header word', () => {
    const t = ['序号 工 作 任 务 牵头部门 完成时间', '1 建设城市运行管理平台 市数据局 2022年9月底前', '2 推广电子证照应用 市政务服务中心 2022年12月底前'].join('\n');
    const got = rows(TITLE + t);
    expect(got.map((r) => [r.row, r.text, r.units, r.deadlines])).toEqual([
      [1, '建设城市运行管理平台', ['市数据局:lead'], ['2022-09-30']],
      [2, '推广电子证照应用', ['市政务服务中心:lead'], ['2022-12-31']],
    ]);
  });

  it('an empty cell keeps its column (two tabs stay two); a bare quarter in the 时限 column is a limit; 运行 is no bank', () => {
    const t = [
      '序号\t工作任务\t牵头单位\t配合单位\t完成时限',
      '1\t修订森林防火应急预案\t县林业局\t\t二季度',
      '2\t完成消防站供水管网检修和试运行\t县消防救援大队\t\t10月',
      '3\t组织扑火队伍实战演练\t县应急局\t县林业局\t11月底前',
    ].join('\n');
    expect(rows(TITLE + t).map((r) => [r.row, r.text, r.units, r.deadlines])).toEqual([
      [1, '修订森林防火应急预案', ['县林业局:lead'], ['2022-06-30']],
      [2, '完成消防站供水管网检修和试运行', ['县消防救援大队:lead'], ['2022-10-31']],
      [3, '组织扑火队伍实战演练', ['县应急局:lead', '县林业局:support'], ['2022-11-30']],
    ]);
  });

  it('columns by header name, not position (the deadline before the units)', () => {
    const t = ['序号\t完成时限\t工作任务\t配合单位\t牵头单位', '1\t2022年8月底前\t制定数据分类分级指南\t市网信办\t市数据局'].join('\n');
    expect(rows(TITLE + t).map((r) => [r.text, r.units, r.deadlines])).toEqual([['制定数据分类分级指南', ['市网信办:support', '市数据局:lead'], ['2022-08-31']]]);
  });

  it('a cell that names its own roles keeps them', () => {
    const t = ['序号\t工作任务\t责任单位', '1\t完善信用修复机制\t市发展改革委牵头，市法院配合'].join('\n');
    expect(rows(TITLE + t)[0].units).toEqual(['市发展改革委:lead', '市法院:support']);
  });
});

describe('document-viewer chunk markers', () => {
  it('a chunk number cutting a sentence is dropped: one task, not a junk fragment and a heading', () => {
    const text = [
      '某县2023年政务公开工作要点',
      '一、重点任务',
      '全面梳理本部门公开事项，编制公开事项标准目录，按照统一格式在政府门户网站集中',
      '2、发布，6月底前完成目录编制和发布工作。（责任单位：县政务公开办）',
    ].join('\n');
    const r = extractPlan('viewer.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks).toHaveLength(1);
    expect(r.tasks[0].text).toContain('在政府门户网站集中发布');
    expect(r.tasks[0].section).toEqual(['一、重点任务']);
    expect(r.tasks[0].deadlines.map((d) => d.date)).toEqual(['2023-06-30']);
  });
  it('a numbered item after a finished sentence stays an item', () => {
    const text = ['某县2023年政务公开工作要点', '一、重点任务', '全面梳理本部门公开事项，编制公开事项标准目录，在政府门户网站集中发布。', '2、完成目录编制，6月底前报县政府。（责任单位：县政务公开办）'].join('\n');
    const r = extractPlan('items.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.tasks.map((t) => t.section.length)).toEqual([2]);
  });
});

describe('prose around a table', () => {
  it('the requirements after a task table are read as prose; a one-sentence numbered item is a task', () => {
    const text = [
      '某区2023年城市更新重点任务分工',
      '一、任务分工',
      '序号\t工作任务\t责任单位',
      '1\t改造老旧小区12个\t区住建局',
      '二、工作要求',
      '各责任单位每月5日前报送上月进展情况。（区住建局负责汇总）',
      '三、本方案落实情况由区政府督查室负责督办。',
    ].join('\n');
    const r = extractPlan('after.txt', Buffer.from(text, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const prose = r.tasks.filter((t) => t.source.origin === 'prose');
    expect(prose.map((t) => [t.deadlines.map((d) => d.recurring), t.units.map((u) => `${u.name}:${u.role}`)])).toEqual([
      [['monthly'], ['区住建局:responsible']],
      [[], ['区政府督查室:supervise']],
    ]);
    expect(r.tasks.filter((t) => t.source.origin === 'annex')).toHaveLength(1);
  });
});
