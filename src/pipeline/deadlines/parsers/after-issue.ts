/**
 * A limit counted from the plan's issue: (本方案)印发后2个月内, 印发之日起30日内, 下发后1周内 → the issue date plus
 * that span; null when the plan gives no issue date (or the span is in working days), raw kept.
 */
import { addDays, addMonths } from '../../../domain/dates.js';
import { parseNumber } from '../../numerals.js';
import type { DeadlineParser } from '../types.js';

export const afterIssue: DeadlineParser = {
  name: 'deadline/after-issue',
  pattern: /(?:本(?:方案|通知|意见|办法|计划|细则|要点))?(?:印发|下发|发布|出台|公布)(?:之日起|之日后|后)(\d{1,3}|[一二三四五六七八九十两]{1,3})(?:个)?(工作日|日|天|周|星期|个月|月|年)(?:内|以内|之内)/g,
  extract(m, ctx) {
    const n = parseNumber(m[1].replace(/两/g, '二'));
    if (n === null || n <= 0) return null;
    const unit = m[2];
    const precision = 'day';
    if (!ctx.issuedOn || unit === '工作日') return { date: null, recurring: null, precision };
    const date = unit === '年' ? addMonths(ctx.issuedOn, 12 * n) : unit.endsWith('月') ? addMonths(ctx.issuedOn, n) : addDays(ctx.issuedOn, unit === '周' || unit === '星期' ? 7 * n : n);
    return { date, recurring: null, precision };
  },
};
