/** After re-indexing: entries whose task vanished become orphans (and come back when it returns). */
import { lookupOf, type TaskSource } from '../kb/lookup.js';
import type { ChecklistData } from './schema.js';
import { sameSnapshot, snapshotOf } from './entries.js';

/**
 * Marks entries whose task id is gone from the KB as orphaned (and un-marks ones that came back);
 * refreshes snapshots of live entries. Returns true if anything changed.
 */
export function reconcile(d: ChecklistData, source: TaskSource, planTag: (planId: string) => string | null, now: string): boolean {
  const kb = lookupOf(source);
  if (kb.tasks.length === 0) return false; // an empty KB (failed index) must not orphan everything
  const byId = { get: kb.byId };
  let changed = false;
  for (const e of Object.values(d.entries)) {
    const t = byId.get(e.taskId);
    if (t) {
      if (e.orphanedAt) {
        e.orphanedAt = null;
        e.history.push({ at: now, field: 'orphaned', from: 'orphaned', to: null });
        changed = true;
      }
      const snap = snapshotOf(t, planTag(t.planId));
      if (!sameSnapshot(snap, e.snapshot)) {
        e.snapshot = snap;
        changed = true;
      }
    } else if (!e.orphanedAt) {
      e.orphanedAt = now;
      e.history.push({ at: now, field: 'orphaned', from: null, to: 'orphaned' });
      changed = true;
    }
  }
  return changed;
}
