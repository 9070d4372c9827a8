/**
 * The guarantees every 公文 plan closes with (保障措施), whatever its topic: who leads the work (组织领导), how it is
 * reported (报送, 台账, 年度报告) and how it is assessed and supervised (考核, 评价). A table with no topic signal: its
 * themes apply to every plan, so a plan of any topic is compared on them.
 */
import type { TopicTable } from './e-government.js';

export const GUARANTEES: TopicTable = {
  id: 'guarantees',
  label: '保障措施',
  themes: [
    { id: 'leadership', label: '组织领导', title: /组织领导|组织推进|组织实施/, text: /第一责任人|领导小组|联席会议|组织推进组|工作专班/ },
    { id: 'reporting', label: '年度报告/台账', title: /推进落实|报告/, text: /年度报告|共享情况|台账|报送|报告上一年度/ },
    { id: 'evaluation', label: '评价考核', title: /评价|考核/, text: /评价办法|评价机制|评价规则|考核|评估报告|评估工作|工作检查/ },
  ],
  unitKinds: [],
};
