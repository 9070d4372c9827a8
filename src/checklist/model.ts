/**
 * The checklist ("我的清单") model: the file's types and pure operations over them, one concern per file.
 * Nothing here touches the file system; see store.ts for that.
 */
export * from './schema.js';
export * from './migrations.js';
export * from './entries.js';
export * from './reconcile.js';
export * from './resolve.js';
export * from './similarity.js';
export * from './unit-picker.js';
