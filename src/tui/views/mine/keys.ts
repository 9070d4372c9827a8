/** 我的清单: the keys of the list, an entry's detail, the note / due-date input, the unit picker (data; see keys/binding.ts). */
import type { KeyMode } from '../../keys/binding.js';
import { listNav } from '../../keys/list-nav.js';

const ENTRY_SPECS = [
  { id: 'status', keys: ['space'], description: '切换状态 cycle the status 待办 → 进行中 → 已完成 → 不适用', hint: '状态' },
  { id: 'note', keys: ['n'], description: '编辑备注 edit the note (Enter saves, Esc cancels)', hint: '备注' },
  { id: 'due', keys: ['d'], description: '设置我的期限 set my due date (YYYY-MM-DD; empty clears)', hint: '期限' },
];

export const MINE_LIST_KEYS: KeyMode = {
  title: '我的清单 My checklist',
  where: '我的清单 list',
  specs: [
    ...listNav({ without: ['g'], hint: null }),
    ...ENTRY_SPECS,
    { id: 'open', keys: ['enter'], description: '详情与变更历史 the entry with its history of changes', hint: '详情' },
    { id: 'group', keys: ['g'], description: '按方案 / 按期限分组 group by plan ↔ by deadline', hint: '分组' },
    { id: 'units', keys: ['u'], description: '选择我的单位 pick my units (type 审计, 财政, 安徽 审计厅 …)', hint: '单位' },
    { id: 'relink', keys: ['r'], description: '孤立条目：重新关联到建议的任务；否则重新读取 orphan: re-link to the suggestion; else reload' },
  ],
};

export const MINE_DETAIL_KEYS: KeyMode = {
  title: '条目详情 Entry detail',
  where: '我的清单 entry',
  specs: [
    { id: 'back', keys: ['escape', 'left'], description: '回到列表 back to the list', hint: '返回', hintLabel: 'Esc' },
    { id: 'scrollUp', keys: ['up', 'k'], description: '向上滚动 scroll up' },
    { id: 'scrollDown', keys: ['down', 'j'], description: '向下滚动 scroll down' },
    ...ENTRY_SPECS,
    { id: 'relink', keys: ['r'], description: '孤立条目：重新关联 orphan: re-link to the suggestion', hint: '重新关联' },
    { id: 'task', keys: ['o'], description: '打开完整任务详情 open the full task detail', hint: '任务详情' },
  ],
};

export const MINE_INPUT_KEYS: KeyMode = {
  title: '备注 / 期限输入 Note and due-date input',
  where: '我的清单 note / due input',
  specs: [
    { id: 'type', keys: ['text'], description: '输入 type' },
    { id: 'backspace', keys: ['backspace'], description: '删除一个字 delete one character' },
    { id: 'clear', keys: ['ctrl+u'], description: '清空 clear' },
    { id: 'save', keys: ['enter'], description: '保存 save', hint: '保存' },
    { id: 'cancel', keys: ['escape'], description: '取消 cancel', hint: '取消' },
  ],
};

export const MINE_RELINK_KEYS: KeyMode = {
  title: '重新关联 Re-link',
  where: '我的清单 re-link',
  specs: [
    { id: 'confirm', keys: ['y'], description: '确认重新关联 confirm the re-link' },
    { id: 'cancel', keys: ['text', 'escape', 'enter', 'backspace', 'up', 'down', 'left', 'right', 'tab', 'space'], label: '(any other key)', description: '取消 cancel' },
  ],
};

export const MINE_ERROR_KEYS: KeyMode = {
  title: '无法读取 Checklist unreadable',
  where: '我的清单 unreadable file',
  specs: [
    { id: 'moveAside', keys: ['m'], description: '移到带时间戳的备份并新建清单 move the file aside (timestamped) and start a new one', hint: '移到带时间戳的备份并新建清单' },
    { id: 'retry', keys: ['r'], description: '重试 retry', hint: '重试' },
  ],
};

export const PICKER_KEYS: KeyMode = {
  title: '选择单位 Unit picker',
  where: '我的清单 unit picker',
  specs: [
    { id: 'type', keys: ['text'], description: '输入单位或类别 type a unit or kind (审计, 财政, 安徽 审计厅)' },
    { id: 'backspace', keys: ['backspace'], description: '删除一个字 delete one character' },
    { id: 'clear', keys: ['ctrl+u'], description: '清空 clear' },
    ...listNav({ without: ['j', 'k', 'g', 'G'], hint: '移动' }),
    { id: 'toggle', keys: ['enter', 'tab'], description: '选中或取消 toggle the unit (Space too, when nothing is typed)', hint: '选中或取消', hintLabel: 'Enter/Tab' },
    { id: 'done', keys: ['escape'], description: '完成 done', hint: '完成' },
  ],
};
