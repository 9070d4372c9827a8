/**
 * A line that states the units of the text above it, under any of its labels: 牵头单位：…, 牵头责任单位：…,
 * 责任单位：…, 责任部门：…, 责任科室：…, 配合单位：…, 协同责任单位：…, 参与单位：…, 协办单位：…, 督办单位：….
 * A person line (牵头负责领导：某某) and a time line (完成时限：…) belong to the same block but name no unit.
 */
import { PERSON_LABEL, TIME_LABEL, UNIT_LABEL, parseRoleClauses } from '../clauses.js';
import type { UnitParser } from '../types.js';

export const LABEL_LINE = new RegExp([UNIT_LABEL, PERSON_LABEL, TIME_LABEL].map((r) => `(?:${r.source})`).join('|'));

export const labelledLine: UnitParser = {
  name: 'unit/labelled-line',
  scope: 'line',
  parse(line) {
    const lead = line.length - line.trimStart().length;
    const text = line.trim();
    if (!LABEL_LINE.test(text)) return null;
    if (PERSON_LABEL.test(text) || TIME_LABEL.test(text)) return { units: [] };
    const units = parseRoleClauses({ text: text.replace(/[。．.；;]+$/, ''), start: lead }, { rule: this.name });
    return { units: units ?? [] };
  },
};
