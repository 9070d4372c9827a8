/** 对比: the keys of the matrix and of the side-by-side view (data; see keys/binding.ts). */
import type { KeyMode } from '../keys/binding.js';
import { listNav } from '../keys/list-nav.js';

export const COMPARE_MATRIX_KEYS: KeyMode = {
  title: '矩阵 Matrix',
  where: '对比 matrix',
  specs: [
    ...listNav({ describe: { up: '上一个主题 previous theme', down: '下一个主题 next theme' } }),
    { id: 'open', keys: ['enter'], description: '并排查看该主题 side-by-side view of the theme', hint: '并排查看' },
    { id: 'obligations', keys: ['o'], description: '逐项对比 obligation by obligation (any topic)', hint: '逐项' },
  ],
};

export const COMPARE_OBLIGATION_KEYS: KeyMode = {
  title: '逐项对比 Obligation by obligation',
  where: '对比 obligation by obligation',
  specs: [
    ...listNav({ describe: { up: '上一项义务 previous obligation', down: '下一项义务 next obligation' } }),
    { id: 'left', keys: ['left', 'h'], description: '选择方案 choose a plan (left)', hint: '', hintLabel: '←→' },
    { id: 'right', keys: ['right', 'l'], description: '选择方案 choose a plan (right)' },
    { id: 'open', keys: ['enter'], description: '打开该格的任务 open the task of the cell', hint: '打开' },
    { id: 'sort', keys: ['s'], description: '排序：方案数 ↔ 期限差 sort by how many plans have it ↔ by the spread of their deadlines', hint: '排序' },
    { id: 'back', keys: ['escape'], description: '回到矩阵 back to the matrix', hint: '返回' },
  ],
};

export const COMPARE_SIDE_KEYS: KeyMode = {
  title: '并排 Side by side',
  where: '对比 side by side',
  specs: [
    ...listNav({
      describe: { up: '所有列一起向上滚动 scroll all columns up', down: '所有列一起向下滚动 scroll all columns down', first: '顶部 top', last: '底部 bottom' },
      hint: '滚动',
    }),
    { id: 'left', keys: ['left', 'h'], description: '选择方案 choose a plan (left)', hint: '', hintLabel: '←→' },
    { id: 'right', keys: ['right', 'l'], description: '选择方案 choose a plan (right)' },
    { id: 'toggle', keys: ['space'], description: '显示 / 隐藏该方案 show / hide the plan', hint: '显示/隐藏' },
    { id: 'all', keys: ['a'], description: '显示全部方案 show every plan' },
    { id: 'prevTheme', keys: ['['], description: '上一个主题 previous theme', hint: '主题', hintLabel: '[ ]' },
    { id: 'nextTheme', keys: [']'], description: '下一个主题 next theme' },
    { id: 'back', keys: ['escape'], description: '回到矩阵 back to the matrix', hint: '返回' },
  ],
};
