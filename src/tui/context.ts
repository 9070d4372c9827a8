/** What every view needs from the outside: the query API and the session's settings. */
import { createContext, useContext } from 'react';
import type { PlansQuery } from '../query/index.js';
import type { Checklist } from '../checklist/api.js';
import type { SkippedFile } from '../types.js';

export interface AppEnv {
  query: PlansQuery;
  /** ISO date that "overdue" and "upcoming" are relative to (today, or --as-of). */
  asOf: string;
  /** False under NO_COLOR: every state must then be visible without colour. */
  color: boolean;
  corpusDir?: string;
  /** Where the knowledge-base cache and the checklist live. */
  dataDir?: string;
  /** Days after asOf counted as upcoming. */
  upcomingDays: number;
  /** The checklist service (opened by the composition root, src/app); without it views open the one in dataDir. */
  checklist?: Checklist;
  /** Files of the corpus folder that are not plans or could not be read, with the reason (5 方案). */
  skipped?: SkippedFile[];
  /** Resolves when background work may go on (tui/activity.ts: not while the user types); default: the next turn of the event loop. */
  idle?: () => Promise<void>;
}

export const EnvContext = createContext<AppEnv | null>(null);

export function useEnv(): AppEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('useEnv outside <EnvContext.Provider>');
  return env;
}
