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
/** Not preceded by a year, a digit or 每 (year-less forms). */
export const NO_YEAR_BEFORE = `(?<![年\\d${CN_DIGITS}十每])`;
