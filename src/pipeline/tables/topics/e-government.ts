/**
 * Topic table: e-government integration and sharing (政务信息系统整合共享), the topic of the five bundled
 * plans. Its themes (the national plan's ten tasks and its own guarantees — the guarantees of every plan are
 * tables/topics/guarantees.ts — each a keyword rule: a task gets
 * every theme whose `title` rule matches its section titles or whose `text` rule matches its own text)
 * and the offices these plans name that the generic unit table does not know. Selected by the
 * extractor's configuration (src/pipeline/config.ts), never by the base rules.
 */
import type { KindRule } from '../units.js';

export interface ThemeRule {
  id: string;
  label: string;
  /** Matched against the task's section titles (broader words). */
  title: RegExp;
  /** Matched against the task text (specific phrases). */
  text: RegExp;
}

export const THEME_RULES: ThemeRule[] = [
  { id: 'zombie', label: '清理"僵尸"系统', title: /僵尸|清理/, text: /僵尸|清理整合|整合清理|系统清理|清理工作/ },
  { id: 'integration', label: '部门内部整合', title: /内部.*整合|部门.*整合/, text: /部门内部.*整合|整合为一个|“?大系统”?|内部信息系统整合|整合清理|信息系统整合共享清单/ },
  { id: 'network', label: '电子政务网络/专网', title: /网络/, text: /电子政务(?:内网|外网)|业务专网|专网|网络支撑|政务网络/ },
  { id: 'exchange', label: '共享交换平台', title: /交换平台|接入.*平台|信息共享|资源共享|数据汇聚/, text: /(?:共享交换|交换共享|汇聚共享)平台|共享交换体系|数据汇聚/ },
  { id: 'open-data', label: '公共数据开放', title: /开放/, text: /数据开放|开放目录|向社会开放|开放平台|开放网站|依法有序开放/ },
  { id: 'portal', label: '政务信息共享网站', title: /共享网站/, text: /共享网站/ },
  { id: 'catalog', label: '资源目录/普查', title: /目录|普查/, text: /资源目录|目录体系|目录编制|大普查|普查/ },
  { id: 'standards', label: '标准', title: /标准/, text: /标准(?:体系|规范|的组织申报|试点|应用|建设)|地方标准|技术规范/ },
  { id: 'one-stop', label: '"互联网+政务服务"一体化平台', title: /一体化|互联网\+政务服务/, text: /互联网\+政务服务|一体化(?:网上)?政务服务|网上政务服务平台|网上办事大厅/ },
  { id: 'pilot', label: '试点', title: /试点/, text: /试点/ },
  { id: 'data-center', label: '数据中心', title: /数据中心/, text: /数据中心|云计算中心/ },
  { id: 'audit', label: '审计监督', title: /审计/, text: /审计/ },
  { id: 'build-mode', label: '建设模式/采购/项目管理', title: /建设模式|建设管理/, text: /建设模式|采购|项目管理|集约化|购买服务|工程建设规划|项目清单/ },
  { id: 'funding', label: '备案/经费', title: /备案|经费|运维制度|建设管理/, text: /备案|运维经费|经费保障|经费管理|预算|建设资金|财政资金/ },
  { id: 'security', label: '安全保障/隐私/保密', title: /安全/, text: /安全保障|安全防护|安全管理|风险评估|隐私|保密|国家秘密|安全测评|边界安全|数据安全/ },
  { id: 'local', label: '市县/事业单位整合', title: /市县|事业单位|区县/, text: /事业单位|市县|市级(?:政务)?数据中心|设区市建立|区县共享交换平台|市级(?:政务数据汇聚)?共享平台|市级一体化/ },
];

export function themesOf(sectionTitles: string[], text: string, rules: ThemeRule[] = THEME_RULES): string[] {
  const titles = sectionTitles.join('\n');
  return rules.filter((r) => r.title.test(titles) || r.text.test(text)).map((r) => r.id);
}

/** Offices of the e-government plans, as kinds (checked before the generic kinds). */
export const E_GOV_UNIT_KINDS: KindRule[] = [
  [/数字办|发展研究中心|经济信息中心|信息中心|电子政务办|电子政务管理/, '政务服务/大数据'],
  [/平台.*(?:建设|管理)单位/, '平台管理单位'],
  [/综治/, '综治'],
  [/自贸/, '自贸'],
  [/事业单位/, '事业单位'],
];

export interface TopicTable {
  id: string;
  label: string;
  /** A plan is of this topic when its title (else the start of its text) matches: only then its themes apply
   * (a flood-control plan's 备案 or 安全 is no e-government theme). Absent: every plan. */
  signal?: RegExp;
  themes: ThemeRule[];
  unitKinds: KindRule[];
}

export const E_GOVERNMENT: TopicTable = {
  id: 'e-government',
  label: '政务信息系统整合共享',
  signal: /政务信息|信息系统|信息资源|数据共享|共享交换|电子政务|政务数据|数字政府|政务服务|互联网\+|大数据|信息化|数据资源/,
  themes: THEME_RULES,
  unitKinds: E_GOV_UNIT_KINDS,
};
