/** 搜索: the keys of the query input and of the result list (data; see keys/binding.ts). */
import type { KeyMode } from '../keys/binding.js';
import { listNav } from '../keys/list-nav.js';

export const SEARCH_INPUT_KEYS: KeyMode = {
  title: '搜索框 Input',
  where: '搜索 input',
  specs: [
    { id: 'type', keys: ['text'], description: '边输入边搜索 search as you type (汉字, pinyin, initials: jiangshi, js)' },
    { id: 'backspace', keys: ['backspace'], description: '删除一个字 delete one character' },
    { id: 'clear', keys: ['ctrl+u'], description: '清空 clear the query' },
    { id: 'deleteWord', keys: ['ctrl+w'], description: '删除最后一个词 delete the last word' },
    { id: 'leave', keys: ['escape'], description: '离开输入框 leave the input for the list', hint: '列表' },
    ...listNav({ without: ['j', 'k', 'g', 'G', 'home', 'end'], describe: { up: '上一个结果 previous result', down: '下一个结果 next result' } }),
    { id: 'open', keys: ['enter'], description: '打开任务 open the task', hint: '打开' },
  ],
};

export const SEARCH_LIST_KEYS: KeyMode = {
  title: '结果列表 List',
  where: '搜索 list',
  specs: [
    { id: 'input', keys: ['/'], description: '回到输入框 back to the input', hint: '搜索' },
    ...listNav({ hint: null }),
    { id: 'open', keys: ['enter'], description: '打开任务 open the task', hint: '打开' },
    { id: 'plan', keys: ['p', 'P'], description: '按方案筛选 cycle the plan filter (P backwards)', hint: '筛选', hintLabel: 'p u t o n x' },
    { id: 'kind', keys: ['u', 'U'], description: '按单位类别筛选 cycle the unit-kind filter' },
    { id: 'theme', keys: ['t', 'T'], description: '按主题筛选 cycle the theme filter' },
    { id: 'overdue', keys: ['o'], description: '只看逾期 overdue (before the as-of date)' },
    { id: 'upcoming', keys: ['n'], description: '只看临近 upcoming (within 30 days, or recurring)' },
    { id: 'clearFilters', keys: ['x'], description: '清除筛选 clear the filters' },
    { id: 'add', keys: ['a'], description: '加入我的清单 add the task to my checklist (view 4)', hint: '加入清单' },
  ],
};
