/**
 * The knowledge-base schema. This is the public contract of `plans export --format json`
 * (documented in README.md); other tools read it. Additive changes only.
 */

export type Role = 'lead' | 'responsible' | 'support' | 'supervise';
export type Recurrence = null | 'yearly' | 'twice-yearly' | 'quarterly' | 'monthly' | 'weekly' | 'daily';
export type Precision = 'day' | 'month' | 'half' | 'year';

export interface Deadline {
  /** The deadline as written in the source, e.g. "2017年12月底前". */
  raw: string;
  /** ISO date (YYYY-MM-DD): last day of the period; for recurring ones the first occurrence after the plan's issue date; null when no day can be given. */
  date: string | null;
  recurring: Recurrence;
  precision: Precision;
  /** The parser that found it, e.g. "deadline/year-month" (see README, "The extractor"); set on every extracted deadline. */
  rule?: string;
}

export interface TaskUnit {
  /** The unit's name as written. */
  name: string;
  /** Canonical name (aliases folded: 省发改委 → 省发展改革委). */
  canonical: string;
  /** Cross-province kind: 审计, 发展改革, 财政, … */
  kind: string;
  role: Role;
  /** The unit-attribution rule that found it, e.g. "unit/parenthetical", "unit/labelled-line"; set on every extracted unit. */
  rule?: string;
}

export interface SourceSpan {
  /** Corpus file name (relative to the corpus dir). */
  file: string;
  /** The file's format: txt, md, html, docx, pdf, xlsx, csv. */
  format?: string;
  /** PDF page (1-based). */
  page?: number;
  /** DOCX/HTML paragraph (1-based) of the span's first line. */
  paragraph?: number;
  /** DOCX/HTML/XLSX/CSV table (1-based; the sheet for XLSX) and row within it, of the span's first line. */
  table?: number;
  tableRow?: number;
  sheet?: string;
  /** Offsets in UTF-16 code units into the decoded raw text of a text file (BOM excluded), or into the text extracted from another format. */
  start: number;
  end: number;
  /** 1-based line number of `start` in the raw file. */
  line: number;
  origin: 'prose' | 'annex';
  /** Annex row number (序号) for annex tasks, else null. */
  row: number | null;
}

export interface Task {
  /** Stable id: depends only on the plan id and the task's normalized text. */
  id: string;
  planId: string;
  kind: 'task' | 'goal';
  /** Section path, e.g. ["二、重点任务", "（一）清理政务部门“僵尸”信息系统"]. */
  section: string[];
  text: string;
  deadlines: Deadline[];
  units: TaskUnit[];
  themes: string[];
  source: SourceSpan;
  /** For annex rows: id of the prose task this row restates, else null. */
  restates: string | null;
  /** How the task was cut out: "task/governed-text", "task/heading", "task/table-row", …; set on every extracted task. */
  rule?: string;
  /** Refiners that changed it ("refine/inherit-units", "refine/dedupe", "refine/restates"). */
  refinedBy?: string[];
  /** The best-matching task in each other plan that has one, per requirement clause (score 0–1, best first;
   * `clauses`: the [start, end) clauses of `text` it answers, when the task states several). */
  counterparts?: Array<{ planId: string; taskId: string; score: number; clauses?: Array<[number, number]> }>;
}

export interface Plan {
  id: string;
  /** The provincial-level division the plan is of (安徽省, 重庆市): its issuer's, or the one its place lies in as the
   * text names it (安徽省芜湖市); null when the text names none. */
  province: string | null;
  /** The issuer's own place (安徽省, 芜湖市, 兰考县, 尼山镇): what the plan is labelled with. */
  place: string | null;
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  issuedOn: string | null;
  file: string;
  warnings: string[];
}

export interface UnitEntry {
  canonical: string;
  kind: string;
  aliases: string[];
  plans: Record<string, number>;
}

export interface Theme {
  id: string;
  label: string;
}

export interface KnowledgeBase {
  version: number;
  plans: Plan[];
  tasks: Task[];
  units: UnitEntry[];
  themes: Theme[];
}

/** A corpus file that could not be loaded at all (binary, empty, unreadable). */
export interface SkippedFile {
  file: string;
  reason: string;
}
