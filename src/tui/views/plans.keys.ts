/** 方案: the keys of the plans / status screen (data; see keys/binding.ts). */
import type { KeyMode } from '../keys/binding.js';
import { listNav } from '../keys/list-nav.js';

export const PLANS_KEYS: KeyMode = {
  title: '方案 Plans and files',
  where: '方案 plans',
  specs: [...listNav({ describe: { up: '向上 up', down: '向下 down' }, hint: '滚动' })],
};
