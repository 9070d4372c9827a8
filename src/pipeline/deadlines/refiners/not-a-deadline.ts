/**
 * Dates that are not limits: start points (从2023年第一季度开始, 自2018年1月1日起, 2024年5月至今; a period's
 * end stays: 自2024年5月至10月), a date that names a
 * period (2023年度), and an ongoing time limit (年内持续推进, 长期坚持).
 */
import type { DeadlineRefiner } from '../types.js';

const START_AFTER = /^(?:起|开始|以来|始|至今|到现在)/;
const START_BEFORE = /(?:自|从|自从)$/;
/** Forms that name the end of a span themselves (自5月至10月, 自印发之日起30日内): a 自 before them opens the span. */
const SPANS = new Set(['deadline/period', 'deadline/after-issue']);
const ONGOING_AFTER = /^(?:持续|长期|常态|不断|逐步)/;

export const notADeadline: DeadlineRefiner = {
  name: 'refine/not-a-deadline',
  refine(found, text) {
    return found.filter((f) => {
      const before = text.slice(Math.max(0, f.start - 2), f.start);
      const after = text.slice(f.end, f.end + 3);
      if (f.recurring === null && !SPANS.has(f.rule ?? '') && (START_AFTER.test(after) || START_BEFORE.test(before))) return false;
      if (/内$/.test(f.raw) && ONGOING_AFTER.test(after)) return false;
      return true;
    });
  },
};
