/**
 * The views behind the tab bar, in tab order. A view is a ViewDef (id, number key, label, component,
 * help); adding one is one import and one entry in VIEWS.
 */
import { searchView } from './search.js';
import { compareView } from './compare.js';
import { timelineView } from './timeline.js';
import { mineView } from './mine.js';
import { plansView } from './plans.js';
import type { ViewDef } from './types.js';

export const VIEWS: ViewDef[] = [searchView, compareView, timelineView, mineView, plansView];
