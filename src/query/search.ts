/**
 * Search over tasks (see search/index.ts for the ranking tiers and how it stays fast), one concern per file:
 * search/index.ts the index and its tiers, text.ts folding and ranges, postings.ts posting lists,
 * pinyin.ts pinyin of fields, fuzzy.ts typo tolerance, deps.ts lazily loaded libraries.
 */
export { SearchIndex, TIER, type SearchHit, type TaskList } from './search/index.js';
export { conceptWords, fold, normalizeQuery } from './search/text.js';
export { densestWindow, proximity } from './search/fuzzy.js';
