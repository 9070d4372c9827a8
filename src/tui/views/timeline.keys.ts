/** 时间线: the keys of the timeline (data; see keys/binding.ts). */
import type { KeyMode } from '../keys/binding.js';
import { listNav } from '../keys/list-nav.js';

export const TIMELINE_KEYS: KeyMode = {
  title: '时间线 Timeline',
  where: '时间线',
  specs: [
    { id: 'prevMonth', keys: ['left', 'h'], description: '上一个月 month cursor left', hint: '月', hintLabel: '←→' },
    { id: 'nextMonth', keys: ['right', 'l'], description: '下一个月 month cursor right' },
    { id: 'prevDue', keys: ['['], description: '上一个有期限的月份 previous month with deadlines', hint: '有期限的月', hintLabel: '[ ]' },
    { id: 'nextDue', keys: [']'], description: '下一个有期限的月份 next month with deadlines' },
    { id: 'firstMonth', keys: ['home'], description: '第一个月 first month' },
    { id: 'lastMonth', keys: ['end'], description: '最后一个月 last month' },
    { id: 'asOf', keys: ['.'], description: '跳到 as-of 月份 the as-of month' },
    { id: 'group', keys: ['g'], description: '按方案 / 按主题分行 rows per plan ↔ per theme', hint: '分组' },
    { id: 'rowsDown', keys: ['J'], description: '图表向下滚动 scroll the rows down (when they do not fit)' },
    { id: 'rowsUp', keys: ['K'], description: '图表向上滚动 scroll the rows up' },
    ...listNav({ without: ['g', 'G', 'home', 'end'], describe: { up: '当月上一个任务 previous task of the month', down: '当月下一个任务 next task of the month' }, hint: null }),
    { id: 'open', keys: ['enter'], description: '打开任务 open the task', hint: '打开' },
  ],
};
