/**
 * "Today": the calendar day in the user's time zone (the process's local zone, TZ), the same for the TUI,
 * the CLI and every filter. `--as-of` overrides it.
 */

/** The local calendar day of `now` (default: this instant), YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return `${String(now.getFullYear()).padStart(4, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The date "overdue" and "upcoming" are measured from: `--as-of` when given, else today. */
export function asOfDate(asOf?: string | null, now?: Date): string {
  return asOf ?? today(now);
}
