/** 每年定期开展两次 / 每年两次 / 每半年 / 每学期 (a school year has two) → twice-yearly, no day. */
import type { DeadlineParser } from '../types.js';

export const twiceYearly: DeadlineParser = {
  name: 'deadline/twice-yearly',
  pattern: /每年(?:定期)?(?:开展|组织|进行)?(?:两|二)次|每半年|每(?:个)?学期/g,
  extract: () => ({ date: null, recurring: 'twice-yearly', precision: 'half' }),
};
