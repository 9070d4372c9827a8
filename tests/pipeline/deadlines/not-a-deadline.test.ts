import { describe, expect, it } from 'vitest';
import { all } from './helpers.js';

describe('refine/not-a-deadline: dates that are not limits', () => {
  it('start points: 从…开始, 自…起', () => {
    expect(all('从2024年第二季度开始，按月通报')).toEqual([['按月', null, 'monthly', 'deadline/monthly']]);
    expect(all('自2022年7月1日起施行')).toEqual([]);
  });
  it('durations and bare dates are not matched at all', () => {
    expect(all('在收到申请后15个工作日内办结')).toEqual([]);
    expect(all('2022年4月20日')).toEqual([]);
  });
});
