/**
 * A year-less date that follows a yearly one in the same paragraph recurs with it: "每年1月15日前向省发改委
 * 报告…。省发改委汇总后于1月底前向省政府提交年度报告" — the report is due every January too.
 */
import type { CandidateRefiner } from './types.js';

export const yearlyContext: CandidateRefiner = {
  name: 'refine/yearly-context',
  refine(cands, { text }) {
    for (let i = 1; i < cands.length; i++) {
      const p = cands[i - 1];
      const c = cands[i];
      if (p.block !== c.block || text.slice(p.spanEnd, c.start).includes('\n')) continue;
      if (!p.deadlines.some((d) => d.recurring === 'yearly' && d.date)) continue;
      let changed = false;
      for (const d of c.deadlines) {
        if (d.recurring === null && /^deadline\/yearless-(?:month|month-day)$/.test(d.rule ?? '')) {
          d.recurring = 'yearly';
          changed = true;
        }
      }
      if (changed) c.refinedBy.push(this.name);
    }
    return cands;
  },
};
