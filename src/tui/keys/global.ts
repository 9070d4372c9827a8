/** The frame's keys, valid in every view (data; see binding.ts). */
import { hints, type KeyMode } from './binding.js';

export const GLOBAL_KEYS: KeyMode<'ctrlC' | 'help' | 'back' | 'quit' | 'view'> = {
  title: '全局 Global',
  where: 'anywhere',
  specs: [
    { id: 'ctrlC', keys: ['ctrl+c'], description: '立即退出 quit from anywhere' },
    { id: 'help', keys: ['?'], description: '显示/关闭帮助 help for the current view (outside the input)', hint: '帮助' },
    { id: 'quit', keys: ['q'], description: '退出 quit (outside the input)', hint: '退出' },
    { id: 'view', keys: ['1', '2', '3', '4', '5'], description: '切换视图 switch view (outside the input; 5 方案: every file of the corpus folder)' },
    { id: 'back', keys: ['escape'], description: '返回 back (input → list → previous screen; closes the help)' },
  ],
};

/** "? 帮助 q 退出" */
export const globalHints = hints(GLOBAL_KEYS);
