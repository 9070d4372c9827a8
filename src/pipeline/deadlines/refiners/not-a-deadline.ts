/**
 * Dates that are not limits: start points (从2023年第一季度开始, 自2018年1月1日起, 2024年5月至今; a period's
 * end stays: 自2024年5月至10月), a date that names a
 * period (2023年度), an ongoing time limit (年内持续推进, 长期坚持), the date of a report on the past or the present
 * (截至2025年6月底，全市已建成…; 2024年底前已完成改造…; 于5月完成了普查) and a date that says what a time is
 * (2026年底前是攻坚关键期; 防火期为2025年10月1日至2026年5月31日).
 */
import type { DeadlineRefiner } from '../types.js';

const START_AFTER = /^(?:起|开始|以来|始|至今|到现在)/;
const START_BEFORE = /(?:自|从|自从)$/;
/** Forms that name the end of a span themselves (自5月至10月, 自印发之日起30日内): a 自 before them opens the span. */
const SPANS = new Set(['deadline/period', 'deadline/after-issue']);
const ONGOING_AFTER = /^(?:持续|长期|常态|不断|逐步)/;
/** A date of a report on the past or the present (截至6月底, …前已完成, …完成了…): a state, no limit. */
const STATE_BEFORE = /(?:截至|截止到?|到目前)$/;
const DONE_AFTER = /^[^，。；]{0,4}(?:已经?|累计|共计)|^[^，。；]{0,16}?(?:完成|建成|开展|实现|出台|印发|组织|召开|举办|投入|新增|整改)了/;
/** A date that names what a time is, not a limit (…前是攻坚关键期, 防火期为…至…, …至…为高火险期). */
const COPULA_AFTER = /^(?:是|为)/;
const COPULA_BEFORE = /(?:期|时间|时段|周期)为$/;

export const notADeadline: DeadlineRefiner = {
  name: 'refine/not-a-deadline',
  refine(found, text) {
    return found.filter((f) => {
      const before = text.slice(Math.max(0, f.start - 2), f.start);
      const wider = text.slice(Math.max(0, f.start - 4), f.start);
      const after = text.slice(f.end, f.end + 3);
      if (f.recurring === null && !SPANS.has(f.rule ?? '') && (START_AFTER.test(after) || START_BEFORE.test(before))) return false;
      if (/内$/.test(f.raw) && ONGOING_AFTER.test(after)) return false;
      if (f.recurring === null && (STATE_BEFORE.test(wider) || DONE_AFTER.test(text.slice(f.end, f.end + 24)))) return false;
      if (COPULA_AFTER.test(after) || COPULA_BEFORE.test(wider)) return false;
      return true;
    });
  },
};
