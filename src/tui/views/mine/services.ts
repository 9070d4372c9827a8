/** The checklist service for the views: from the app's environment (src/app opens it), or opened in its data dir. */
import { useCallback, useMemo } from 'react';
import { useEnv } from '../../context.js';
import type { Checklist } from '../../../checklist/api.js';
import { openChecklist } from '../../../app/open.js';

/** The checklist API for the app's environment (one per knowledge base / data dir). */
export function useChecklist(): Checklist {
  const { query, asOf, dataDir, upcomingDays, checklist } = useEnv();
  return useMemo(() => checklist ?? openChecklist(query, dataDir, { asOf, soonDays: upcomingDays }), [checklist, query, asOf, dataDir, upcomingDays]);
}

/**
 * For other views (`a` in Search or Detail): `const add = useAddToChecklist(); flash(add(task.id))`.
 * Adds the task to my list by hand and returns a message to show (the 我的清单 view picks it up by itself).
 */
export function useAddToChecklist(): (taskId: string) => string {
  const { query, asOf, dataDir, upcomingDays, checklist } = useEnv();
  return useCallback(
    (taskId: string) => {
      try {
        // Opened on demand: the view using this never touches the checklist file until asked.
        const api = checklist ?? openChecklist(query, dataDir, { asOf, soonDays: upcomingDays });
        const had = api.entry(taskId);
        api.add(taskId);
        return had ? '已在我的清单中 already in my checklist' : '已加入我的清单 added to my checklist (4)';
      } catch (e) {
        return `无法加入我的清单: ${(e as Error).message}`;
      }
    },
    [checklist, query, asOf, dataDir, upcomingDays],
  );
}
