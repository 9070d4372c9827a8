/**
 * Header words of task tables (序号 / 工作任务 / 牵头单位 / 完成时限 / 进展情况 …) and the column kind each
 * names. Shared by normalize (which keeps the cell gaps of space-separated tables) and the table parser.
 */
import type { Role } from '../../types.js';

export type ColumnKind = 'row' | 'text' | 'group' | 'deadline' | { role: Role } | 'other';

/** The kind of a header cell; null when the cell is no header word. */
export function columnKind(h: string): ColumnKind | null {
  const s = h.replace(/\s+/g, '');
  if (s.length > 12 || s.length < 2) return null;
  if (/^(?:序号|编号|序列号|项目编号)$/.test(s)) return 'row';
  // a second numbering beside 序号 (a ledger's own task ids) is no part of the task
  if (/^(?:任务|事项)(?:编号|序号|代码|ID)$/i.test(s)) return 'other';
  // the problem a rectification list (整改清单) answers row by row groups its measures
  if (/^(?:(?:反馈|督察|巡视|巡察|审计|检查|发现|整改|存在)问题|问题(?:描述|清单|表现|名称))$/.test(s)) return 'group';
  // what a ledger keeps beside the task: its progress and status, notes, where it comes from, the keeper's own columns
  if (/进展|进度情况|完成情况|落实情况|备注|说明|成效|问题|状态|^(?:所属)?(?:方案|文件|来源|出处|依据|主题|标签|重复|频次|孤立|复述)$|^我的|更新/.test(s)) return 'other';
  if (/^(?:所属)?(?:章节|板块|领域|类别|分类|篇章)$/.test(s)) return 'group';
  if (/时限|时间|期限|进度安排|时间节点|(?:完成|截止|到期)日期/.test(s)) return 'deadline';
  if (/领导|责任人|联系人/.test(s)) return 'other';
  if (/牵头|主办|主责/.test(s)) return { role: 'lead' };
  if (/配合|协办|参与|协同/.test(s)) return { role: 'support' };
  if (/督办|督查/.test(s)) return { role: 'supervise' };
  if (/责任|承办|实施主体|负责/.test(s) && /单位|部门|科室|处室|股室|主体|领导/.test(s)) return { role: 'responsible' };
  if (/任务|内容|事项|工作|措施|要求|目标|举措|指标/.test(s)) return 'text';
  return null;
}


/**
 * Space-separated tables (a whole row on one line, cells split by spaces): for each line index of such a
 * table, the offsets (in the line) of the whitespace runs that separate cells. The header must be all
 * header words (spaced-out words such as 工 作 任 务 read as one) starting with 序号; rows start with
 * their number.
 */
export function spaceTableGaps(lines: string[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!/^\s*(?:序号|编号) /.test(l) || l.includes('\t') || l.length > 120) continue;
    const toks = [...l.matchAll(/\S+/g)].map((m) => ({ t: m[0], s: m.index!, e: m.index! + m[0].length }));
    // merge runs of single characters joined by one space: 工 作 任 务 → 工作任务
    const merged: Array<{ t: string; s: number; e: number }> = [];
    for (const tk of toks) {
      const last = merged[merged.length - 1];
      if (last && tk.t.length === 1 && /^[\u4e00-\u9fff]+$/.test(last.t) && tk.s - last.e === 1 && (last.t.length === 1 || toks.some((x) => x.e === tk.s - 1 && x.t.length === 1))) {
        last.t += tk.t;
        last.e = tk.e;
      } else merged.push({ ...tk });
    }
    if (merged.length < 2 || merged.some((m) => columnKind(m.t) === null)) continue;
    out.set(i, merged.slice(1).map((m) => m.s - 1));
    for (let j = i + 1; j < lines.length; j++) {
      const r = lines[j];
      if (!r.trim()) continue;
      if (!/^\s*\d{1,3} +\S/.test(r) || r.includes('\t')) break;
      const gaps: number[] = [];
      for (const m of r.trimEnd().matchAll(/\S\s+(?=\S)/g)) gaps.push(m.index! + 1);
      out.set(j, gaps);
    }
    break;
  }
  return out;
}
