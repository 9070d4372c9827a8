/**
 * Entry of the terminal app's start-up bundle (scripts/bundle-tui.mjs → dist/tui-bundle.mjs): Ink, React
 * and the app in one file, so starting `plans` loads one module instead of ~400 (about 550 → 150 ms).
 * Heavy libraries used after the first frame (pinyin-pro, fuse.js, marked, exceljs) stay lazy imports.
 */
export { render } from 'ink';
import React from 'react';
export { React };
export { App } from './app.js';
