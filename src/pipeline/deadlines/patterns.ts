/** Regex pieces of dates in official documents (Arabic or Chinese numerals). */
import { CN_DIGITS } from '../numerals.js';

export { CN_DIGITS };
/** A year: 2018, 二〇一八, or 今/明/次/当 (relative). Group 1. */
export const Y = `(\\d{4}|[${CN_DIGITS}]{4}|今|明|次|当)年`;
/** A month 1–12. */
export const M = `(\\d{1,2}|十[一二]?|[一二三四五六七八九])月`;
/** A day 1–31 (日 or 号). */
export const D = `(\\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]`;
/** What may follow a date to make it a limit: 前, 底前, 底, 末, 内 … */
export const BEFORE = `(?:之前|以前|前|底前|末前|底|末|内)?`;
/** A time of day before 前: 11月5日下班前, 12时前. */
export const TIME_OF_DAY = `(?:下班|中午|上午|下午|\\d{1,2}(?:时|点))?`;
/**
 * What makes a bare time span (第三季度, no 前) a limit: an action verb (or 要/须) right after it, as 公文 states
 * 第三季度完成… / 一季度启动…. A span followed by a noun (一季度经济运行, 第三季度工作会议) is no limit.
 */
export const ACTION_VERB = `(?:完成|建成|实现|出台|印发|制定|召开|开展|启动|上线|推出|形成|组织|举办|建立|落实|提交|报送|部署|覆盖|投入|投运|运行|达到)`;
/** An action verb, with the adverb or modal that may open it (基本完成, 要建立). */
export const ACTION = `(?:基本|全面|全部|率先|要|须|必须|将)?${ACTION_VERB}`;
export const ACTION_AFTER = `(?=${ACTION})`;
/** Not preceded by a year, a digit or 每 (year-less forms). */
export const NO_YEAR_BEFORE = `(?<![年\\d${CN_DIGITS}十每])`;
