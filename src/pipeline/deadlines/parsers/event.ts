/**
 * A limit set by an event of the calendar rather than a date: (2024年)秋季学期开学前, 春节前, 国庆节前, 汛期前 /
 * 入汛前, 供暖季前, 旅游旺季前 … Its day depends on the year's calendar or the region (the lunar new year, the
 * local flood season), so the date is null and the raw text is kept; 每年汛期前 recurs yearly, 每学期开学前 twice a year. It is a limit when a
 * pause or an action verb follows (入汛前，… / 汛期前完成…); before a noun it names the work (汛前检查, 开展汛前隐患排查),
 * and 前后 (around) is no limit.
 */
import type { DeadlineParser } from '../types.js';
import { ACTION, Y } from '../patterns.js';

const EVENT = [
  '(?:春季|秋季|新)?学期开学',
  '开学',
  '春节',
  '元旦',
  '国庆节?',
  '中秋节?',
  '端午节?',
  '清明节?',
  '(?:主)?汛期',
  '入汛',
  '汛',
  '雨季',
  '(?:供暖|采暖)(?:季|期)?',
  '(?:旅游)?旺季',
  '(?:冬|夏)季(?:供暖|用电高峰|高温)?',
].join('|');

export const event: DeadlineParser = {
  name: 'deadline/event',
  pattern: new RegExp(`(?:(每年)|(每(?:个)?学期)|${Y})?(?:${EVENT})(?:之前|以前|前)(?=[，,、；;。]|${ACTION}|$)`, 'g'),
  extract: (m) => ({ date: null, recurring: m[1] ? 'yearly' : m[2] ? 'twice-yearly' : null, precision: 'day' }),
};
