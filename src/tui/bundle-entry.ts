/**
 * Ink, React and the app, as start.ts loads them once the knowledge base is open. In the start-up bundle
 * (scripts/bundle-tui.mjs → dist/tui-bundle.mjs, whose entry is start.ts) this is a lazily initialised
 * part of the one file; heavy libraries used after the first frame (pinyin-pro, fuse.js, marked, exceljs)
 * stay lazy imports.
 */
export { render } from 'ink';
import React from 'react';
export { React };
export { App } from './app.js';
