import { describe, expect, it } from 'vitest';
import { all } from './helpers.js';

describe('refine/not-a-deadline: dates that are not limits', () => {
  it('start points: 从…开始, 自…起', () => {
    expect(all('从2024年第二季度开始，按月通报')).toEqual([['按月', null, 'monthly', 'deadline/monthly']]);
    expect(all('自2022年7月1日起施行')).toEqual([]);
  });
  it('the date of a report on the past or the present is a state, no limit', () => {
    expect(all('截至2023年6月底，全县已建成污水处理站12座')).toEqual([]);
    expect(all('近年来，县住建局2022年底前已完成改造80个小区')).toEqual([]);
    expect(all('县水利局于2023年5月完成了山塘安全鉴定')).toEqual([]);
    // a limit beside a report in another clause stays
    expect(all('2024年底前出台办法，已有3个乡镇完成试点').map((d) => d[0])).toEqual(['2024年底前']);
  });
  it('a date that says what a time is (…是…期, …期为…至…) is no limit', () => {
    expect(all('2024年底前是攻坚关键期')).toEqual([]);
    expect(all('全县防火期为2023年10月1日至2024年4月30日，其中2024年2月1日至3月31日为高火险期')).toEqual([]);
  });
  it('durations and bare dates are not matched at all', () => {
    expect(all('在收到申请后15个工作日内办结')).toEqual([]);
    expect(all('2022年4月20日')).toEqual([]);
  });
});
