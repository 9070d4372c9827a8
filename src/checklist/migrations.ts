/** Older checklist files, migrated to the current schema in memory (written back at the next change). */
import { CHECKLIST_VERSION, ChecklistFormatError, emptyChecklist, isIsoDay, STATUS_LABEL, STATUSES, validateChecklist, type ChecklistData, type Status } from './schema.js';

/**
 * v0: the first, unversioned format (prototype): `{ units: string[], items: { [taskId]: { status, note?, due? } } }`
 * with status as a Chinese label or a code, and no history.
 */
export interface ChecklistV0 {
  version?: undefined;
  units?: string[];
  items?: Record<string, { status?: string; note?: string; due?: string | null; text?: string }>;
}

const UNIT_SUFFIX = /(厅|委|局|办|办公室|部|院|署|会|室|中心|公司|银行|集团|政府|馆|队|台)$/u;

function statusFromAny(s: string | undefined): Status {
  if (!s) return 'todo';
  if ((STATUSES as string[]).includes(s)) return s as Status;
  const byLabel = (Object.keys(STATUS_LABEL) as Status[]).find((k) => STATUS_LABEL[k] === s);
  if (byLabel) return byLabel;
  if (s === '完成' || s === 'completed') return 'done';
  if (s === 'in-progress' || s === '办理中') return 'doing';
  return 'todo';
}

export function migrateV0toV1(v0: ChecklistV0, now: string): ChecklistData {
  const out = emptyChecklist();
  for (const u of v0.units ?? []) {
    if (typeof u !== 'string' || !u.trim()) continue;
    const value = u.trim();
    out.units.push({ type: UNIT_SUFFIX.test(value) ? 'unit' : 'kind', value });
  }
  for (const [id, it] of Object.entries(v0.items ?? {})) {
    if (!it || typeof it !== 'object') continue;
    const status = statusFromAny(it.status);
    const due = isIsoDay(it.due) ? it.due : null;
    out.entries[id] = {
      taskId: id,
      status,
      note: typeof it.note === 'string' ? it.note : '',
      due,
      origin: 'manual',
      snapshot: typeof it.text === 'string' ? { text: it.text, planId: '', planTag: null, section: [], deadlines: [], units: [] } : null,
      orphanedAt: null,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, field: 'migrated', from: 'v0', to: `v1 ${STATUS_LABEL[status]}` }],
    };
  }
  out.updatedAt = now;
  return out;
}

/** Ordered migrations: MIGRATIONS[n] turns version n into version n+1. */
const MIGRATIONS: Record<number, (d: any, now: string) => any> = {
  0: (d, now) => migrateV0toV1(d as ChecklistV0, now),
};

/**
 * Brings parsed file content to the current version. Returns the data and whether it changed.
 * Throws ChecklistFormatError for content that is not a checklist at all, or from a newer version of plans.
 */
export function migrate(raw: unknown, now: string): { data: ChecklistData; migratedFrom: number | null } {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new ChecklistFormatError('top level is not an object');
  let d = raw as Record<string, unknown>;
  let v = d.version === undefined ? 0 : d.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ChecklistFormatError(`bad version ${JSON.stringify(d.version)}`);
  if (v > CHECKLIST_VERSION) throw new ChecklistFormatError(`it was written by a newer version of plans (schema v${v}; this one reads up to v${CHECKLIST_VERSION})`);
  const from = v;
  if (v === 0 && !('units' in d) && !('items' in d)) throw new ChecklistFormatError('not a checklist (no version, units or items)');
  while (v < CHECKLIST_VERSION) {
    const m = MIGRATIONS[v];
    if (!m) throw new ChecklistFormatError(`no migration from v${v}`);
    d = m(d, now);
    v++;
  }
  return { data: validateChecklist(d), migratedFrom: from === CHECKLIST_VERSION ? null : from };
}
