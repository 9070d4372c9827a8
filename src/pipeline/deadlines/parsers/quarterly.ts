/**
 * 每季度 / 每个季度 / 每季度末 / 每季度最后一个月30日前 / 按季度 / 逐季 → quarterly; and the report of each
 * quarter due after it: 每季度结束后10日内 / 季度结束后15个工作日内 / 季后10日内 / 次季度首月10日前. No date is given
 * (the day of each quarter is in the raw text).
 */
import type { DeadlineParser } from '../types.js';

const N = '(?:\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])';
const WITHIN = `${N}个?(?:工作)?日内`;

export const quarterly: DeadlineParser = {
  name: 'deadline/quarterly',
  pattern: new RegExp(
    `(?:(?:每个?|按|逐)季度?(?:(?:第一|最后一|首|末)个?月)?(?:末|底)?(?:${N}[日号]|结束后${WITHIN})?|(?<![一二三四第每个按逐])季(?:度结束后|后)${WITHIN}|次季度?(?:第一|首)个?月${N}[日号])(?:之前|以前|前)?`,
    'g',
  ),
  extract: (m) => (/季/.test(m[0]) ? { date: null, recurring: 'quarterly', precision: 'month' } : null),
};
