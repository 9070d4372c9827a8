/**
 * Generic unit data of Chinese government (the State Council's and a province's line of bodies):
 * canonical-name rewrites and cross-plan kinds. Data, not code: extend a table to teach the extractor a
 * new alias or kind. Topic-specific offices live in a topic table (tables/topics/), selected by the
 * extractor's configuration.
 */

export type Rewrite = [RegExp, string];
export type KindRule = [RegExp, string];

/** Rewrites applied in order to a unit's name to get its canonical form. */
export const CANONICAL_REWRITES: Rewrite[] = [
  [/\(([^()]*)\)/g, '（$1）'],
  // 省委编办（省审改办） → 省委编办; but 各县（市、区） and 各村（社区） keep their scope
  [/（(?![市县区乡镇旗、]+）|社区）)[^（）]*）/g, ''],
  [/人民政府/g, '政府'],
  [/发展和改革委员会|发展和改革委|发改委/g, '发展改革委'],
  [/^(省|市|自治区|区|县|州)委网信办$/, '$1网信办'],
  [/^(省|市|自治区|区|县|州)?(?:委)?(?:编委办|编办|机构编制委员会办公室)$/, '$1委编办'],
  [/工业和信息化厅|工信厅/g, '工业和信息化厅'],
  [/经济和信息化委员会|经济和信息化委|经信委/g, '经济信息委'],
  [/质量技术监督局|质量技监局/g, '质监局'],
  [/工商行政管理局/g, '工商局'],
  [/人力资源和社会保障厅|人力资源社会保障厅/g, '人社厅'],
  [/人力资源和社会保障局|人力资源社会保障局/g, '人社局'],
  // the short forms 公文 use beside the full names of the bodies of the 2018 reform
  [/(?:住房和城乡建设|住房城乡建设)(?=局|厅|委)/g, '住建'],
  [/住建委员会/g, '住建委'],
  [/应急管理(?=局|厅)/g, '应急'],
  [/市场监督管理(?=局|厅)/g, '市场监管'],
  [/卫生健康委员会|卫生和计划生育委员会|卫生计生委|卫生健康委/g, '卫健委'],
  [/卫生健康(?=局)/g, '卫健'],
  [/医疗保障(?=局)/g, '医保'],
  [/文化和旅游|文化旅游(?=局|厅)/g, '文旅'],
  [/退役军人事务(?=局|厅)/g, '退役军人'],
  [/^(.*)直各(.*)部门$/, '$1直各$2部门'],
];

/** Kinds, first match wins. Order matters: specific before generic. */
export const UNIT_KINDS: KindRule[] = [
  [/领导小组|委员会办公室$|指挥部/, '领导小组'],
  [/审计/, '审计'],
  [/网信/, '网信'],
  [/编办|编委|机构编制|审改办/, '编办'],
  [/督查室|督查处|督办|督查/, '督查'],
  [/信访/, '信访'],
  [/纪委|监委|组织部|宣传部|统战部|政法委|党委|党组|机关工委|市委|县委|省委|区委|州委|^(?:中央|国家)?[\u4e00-\u9fff]{0,4}委员会$/, '党委部门'],
  [/发展改革|发改|发展和改革|发展计划/, '发展改革'],
  [/财政/, '财政'],
  [/教育|教委|教体/, '教育'],
  [/科技|科学技术/, '科技'],
  [/工业和信息化|工信|经济信息委|经信|经济和信息化/, '工信/经信'],
  [/政务服务|数据资源|大数据|数据局|数字办|行政审批|电子政务|数字政府|政务办|政务公开/, '政务服务/大数据'],
  [/公安/, '公安'],
  [/民政/, '民政'],
  [/司法|法制|法院|检察院/, '司法'],
  [/人社|人力资源/, '人社'],
  [/自然资源|国土|规划|地理信息|测绘|林业|草原/, '自然资源'],
  [/生态环境|环境保护|环保/, '生态环境'],
  [/住房|住建|城乡建设|建设局|建设厅|城管|城市管理/, '住建'],
  [/交通|运输|公路|铁路|民航|邮政/, '交通'],
  [/农业农村|农业|农村|畜牧|渔业|乡村振兴|扶贫/, '农业农村'],
  [/水利|水务|水文/, '水利'],
  [/商务|口岸|海关|外事|外办|招商|投资促进/, '商务'],
  [/文化|旅游|文旅|广电|体育|文物/, '文旅'],
  [/医保|医疗保障/, '医保'],
  [/卫生|卫健|健康|疾控|中医药/, '卫健'],
  [/退役军人/, '退役军人'],
  [/气象/, '气象'],
  [/人武部|武装部|军分区|武警/, '人武'],
  [/应急|安监|安全生产|安委|消防|地震|防汛|防指|防办|森林防火/, '应急'],
  [/市场监|工商|质监|质量技术监督|标准化|食品药品|药监|知识产权/, '市场监管'],
  [/统计|调查队/, '统计'],
  [/税务|地税|国税/, '税务'],
  [/金融|银行|人行|证监|银保监|保险/, '金融'],
  [/国资|国有资产/, '国资'],
  [/机关事务|机关服务/, '机关事务'],
  [/总工会|团委|妇联|残联|科协|工商联|红十字会|侨联/, '群团'],
  [/政府办公厅|政府办公室|政府办$|^(?:省|市|县|区|州)?办公厅$|^国办$|国务院办公厅/, '办公厅'],
  [/(?:各|有关|相关|直属|直)(?:[^、，]*)?(?:部门|单位|机构|科室)|各厅|厅委|^各级各部门$|^国务院各部委$/, '各部门'],
  [/乡镇|街道|镇政府|乡政府|办事处/, '乡镇街道'],
  [/(?:市|县|区|州|盟|旗)(?:人民)?政府|各市|区县|市县|设区市|市州|县市区|管委会|实验区|开发区|高新区|新区|^[\u4e00-\u9fff]{2,6}(?:市|县|区|州)$/, '市县政府'],
];

export interface UnitTables {
  rewrites: Rewrite[];
  kinds: KindRule[];
}

export const GENERIC_UNIT_TABLES: UnitTables = { rewrites: CANONICAL_REWRITES, kinds: UNIT_KINDS };

export function canonicalName(name: string): string {
  return canonicalNameWith(name, GENERIC_UNIT_TABLES);
}

export function canonicalNameWith(name: string, tables: UnitTables): string {
  let s = name;
  for (const [re, to] of tables.rewrites) s = s.replace(re, to);
  return s || name;
}

export function unitKind(name: string): string {
  return unitKindWith(name, GENERIC_UNIT_TABLES);
}

export function unitKindWith(name: string, tables: UnitTables): string {
  for (const [re, kind] of tables.kinds) if (re.test(name)) return kind;
  return '其他';
}

/** Words that make a list item look like an organisation (or a group of them). A bank is 银行 or an abbreviation
 * (农行, 农发行, 国开行), not any word ending in 行 (试运行); 防指 is the usual short form of a 防汛抗旱指挥部; a 站
 * (水利站, 农技站) but not a 网站 or a 加油站; a county bureau's 股 (食品经营股), not 控股. */
export const ORG_SUFFIX = /(?:厅|局|委|办|会|院|部|室|科室|中心|政府|部门|单位|机构|小组|组|处|科|(?<![控入持参配])股|署|所|(?<![网车]|加油|充电|换电)站|(?:[农工建交招邮中]|发|开)行|团|公司|管委会|办公室|机关|党委|纪委|法院|检察院|银行|集团|协会|联|海关|队|馆|街道|办事处|乡镇|指挥部|防指|学校|幼儿园|专班)$/;
/** A level prefix a bare list item can inherit from its neighbour (省工商局、人社厅 → 省人社厅). */
export const LEVEL_PREFIX = /^(省|市|自治区|县|区|州)/;
/** Collectives of local governments that stand as a unit on their own: 各区县, 各市州, 各设区市, 各市, 各村（社区）. */
export const REGION_COLLECTIVE = /^各(?:设区市|区县|市州|市县|县市区|市|县|区|地|州|乡镇|乡|镇|街道|村居|村|社区|行政村)(?:（[^（）]{1,10}）|\([^()]{1,10}\))?$/;
