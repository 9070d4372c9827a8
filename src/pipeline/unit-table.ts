/**
 * Unit data: canonical-name rewrites (aliases) and cross-province kinds. Data, not code: extend the
 * tables to teach the extractor a new alias or kind.
 */

/** Rewrites applied in order to a unit's name to get its canonical form. */
export const CANONICAL_REWRITES: Array<[RegExp, string]> = [
  [/（[^（）]*）|\([^()]*\)/g, ''], // 省委编办（省审改办） → 省委编办
  [/人民政府/g, '政府'],
  [/发展和改革委员会|发展和改革委|发改委/g, '发展改革委'],
  [/^(省|市|自治区|区|县)委网信办$/, '$1网信办'],
  [/^(省|市|自治区|区|县)?(?:委)?(?:编委办|编办|机构编制委员会办公室)$/, '$1委编办'],
  [/工业和信息化厅|工信厅/g, '工业和信息化厅'],
  [/经济和信息化委员会|经济和信息化委|经信委/g, '经济信息委'],
  [/质量技术监督局|质量技监局/g, '质监局'],
  [/工商行政管理局/g, '工商局'],
  [/人力资源和社会保障厅|人力资源社会保障厅/g, '人社厅'],
  [/^(.*)直各(.*)部门$/, '$1直各$2部门'],
];

/** Kinds, first match wins. Order matters: specific before generic. */
export const UNIT_KINDS: Array<[RegExp, string]> = [
  [/领导小组/, '领导小组'],
  [/审计/, '审计'],
  [/网信/, '网信'],
  [/编办|编委|机构编制|审改办/, '编办'],
  [/发展改革|发改/, '发展改革'],
  [/财政/, '财政'],
  [/工业和信息化|工信|经济信息委|经信|经济和信息化/, '工信/经信'],
  [/数字办|大数据|电子政务办|电子政务管理|发展研究中心|经济信息中心|信息中心/, '数字办'],
  [/公安/, '公安'],
  [/民政/, '民政'],
  [/工商|市场监/, '工商'],
  [/质监|质量技术监督|标准化/, '质监'],
  [/人社|人力资源/, '人社'],
  [/交通/, '交通'],
  [/税务|地税|国税/, '税务'],
  [/规划|地理信息|测绘/, '规划/测绘'],
  [/商务/, '商务'],
  [/综治/, '综治'],
  [/应急/, '应急'],
  [/自贸/, '自贸'],
  [/平台.*(?:建设|管理)单位/, '平台管理单位'],
  [/事业单位/, '事业单位'],
  [/政府办公厅|政府办公室|^(?:省|市)?办公厅$/, '办公厅'],
  [/(?:各|有关|相关|直属|直)(?:[^、，]*)?(?:部门|单位|机构)|各厅|厅委|^各级各部门$/, '各部门'],
  [/(?:市|县|区|州|盟)(?:人民)?政府|各市|区县|市县|设区市|市州|县市区|管委会|实验区/, '市县政府'],
  [/财政|发改/, '发展改革'],
];

export function canonicalName(name: string): string {
  let s = name;
  for (const [re, to] of CANONICAL_REWRITES) s = s.replace(re, to);
  return s || name;
}

export function unitKind(name: string): string {
  for (const [re, kind] of UNIT_KINDS) if (re.test(name)) return kind;
  return '其他';
}

/** Words that make a list item look like an organisation (or a group of them). */
export const ORG_SUFFIX = /(?:厅|局|委|办|会|院|部|室|中心|政府|部门|单位|机构|小组|组|处|署|所|行|团|公司|管委会|办公室|机关|党委|纪委|法院|检察院|银行|集团|协会)$/;
/** A level prefix a bare list item can inherit from its neighbour (省工商局、人社厅 → 省人社厅). */
export const LEVEL_PREFIX = /^(省|市|自治区|县|区)/;
/** Collectives of local governments that stand as a unit on their own: 各区县, 各市州, 各设区市, 各市. */
export const REGION_COLLECTIVE = /^各(?:设区市|区县|市州|市县|县市区|县（市、区）|市|县|地)$/;
