/** 详情: the keys of the task's body and of its same-theme list (data; see keys/binding.ts). */
import type { KeyMode } from '../keys/binding.js';
import { listNav } from '../keys/list-nav.js';

export const DETAIL_BODY_KEYS: KeyMode = {
  title: '详情 Detail',
  where: '详情 detail',
  specs: [
    ...listNav({
      describe: { up: '向上滚动 scroll up', down: '向下滚动 scroll down', pageUp: '上一页 page up', pageDown: '下一页 page down', first: '开头 top', last: '结尾 bottom' },
      hint: '滚动',
    }),
    { id: 'page', keys: ['space'], description: '下一页 page down' },
    { id: 'related', keys: ['tab', 'enter'], description: '到“在其他方案”列表 to the in-other-plans list', hint: '其他方案', hintLabel: 'Tab' },
    { id: 'back', keys: ['escape'], description: '返回上一屏 back (one jump at a time)', hint: '返回' },
  ],
};

export const DETAIL_RELATED_KEYS: KeyMode = {
  title: '在其他方案 In other plans (≈ the same obligation, then the same theme)',
  where: '详情 in-other-plans list',
  specs: [
    ...listNav(),
    { id: 'open', keys: ['enter'], description: '跳转到所选任务 jump to the selected task', hint: '跳转' },
    { id: 'body', keys: ['tab', 'shift+tab'], description: '回到正文 back to the body', hint: '正文', hintLabel: 'Tab' },
    { id: 'back', keys: ['escape'], description: '返回上一屏 back', hint: '返回' },
  ],
};
