/** 4 我的清单: the view lives in views/mine/ (view, rows, services, keys). */
export { MineView, MineViewCore, mineView, type MineViewCoreProps } from './mine/view.js';
export { useAddToChecklist, useChecklist } from './mine/services.js';
export { itemRow } from './mine/rows.js';
