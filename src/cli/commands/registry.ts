/**
 * Every CLI command, loaded lazily so that start-up only pays for the command being run.
 * A command module exports `run(argv: string[], io: Io): Promise<number>` (the exit code).
 */
import type { Io } from '../../app/io.js';

export interface CommandModule {
  run(argv: string[], io: Io): Promise<number>;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: CommandSpec[] = [
  { name: 'index', summary: 'build the knowledge base and print a quality report per plan', usage: 'plans index [--corpus DIR] [--json]\n       plans index --explain [FILE]               (per task: the spans and the rules that fired)', load: () => import('./index-cmd.js') },
  { name: 'add', summary: 'copy plan files (.txt .md .html .docx .pdf .xlsx .csv) into the corpus and index them', usage: 'plans add FILE… [--corpus DIR] [--force] [--json]', load: () => import('./add.js') },
  { name: 'export', summary: 'print the whole knowledge base (JSON, or a 任务台账 CSV for Excel)', usage: 'plans export [--format json|csv] [--corpus DIR]', load: () => import('./export.js') },
  { name: 'search', summary: 'ranked search over all tasks (Chinese, words in any order, pinyin, initials, homophones, typos)', usage: 'plans search [QUERY] [--province P] [--unit U] [--theme T] [--after D] [--before D] [--limit N] [--json]', load: () => import('./search.js') },
  { name: 'show', summary: 'one task in full, with its source and the same theme elsewhere', usage: 'plans show TASK_ID [--json] [--explain]', load: () => import('./show.js') },
  { name: 'counterparts', summary: "a task's counterpart in each other plan (by text similarity; topic-free)", usage: 'plans counterparts TASK_ID [--json]', load: () => import('./counterparts.js') },
  { name: 'compare', summary: "one column per plan with a theme's tasks; without a theme, obligation by obligation (any topic)", usage: 'plans compare [THEME|WORD] [--plans A,B] [--sort plans|spread] [--limit N] [--json]', load: () => import('./compare.js') },
  { name: 'units', summary: 'the unit directory (canonical names, kinds, aliases, plans)', usage: 'plans units [--json]', load: () => import('./units.js') },
  { name: 'themes', summary: 'the theme list with task counts per plan', usage: 'plans themes [--json]', load: () => import('./themes.js') },
  { name: 'mine', summary: "my department's checklist: list, units, export (csv/md/xlsx/ics), relink", usage: 'plans mine [--json] [--as-of YYYY-MM-DD]\n       plans mine units [set|add|remove UNIT…]      (UNIT: a kind 审计, a unit 省审计厅, or PLAN/UNIT 安徽/省审计厅)\n       plans mine export --format csv|md|xlsx|ics [--out FILE [--force]]\n       plans mine relink [OLD_ID [NEW_ID]]\n       plans mine drop TASK_ID\n       plans mine prune [--all] [--yes]              (orphaned entries; without --yes only says what it would remove)\n       plans mine move-aside                         (an unreadable checklist → timestamped backup)\n       all with [--data-dir DIR] [--corpus DIR]', load: () => import('./mine.js') },
  { name: 'mark', summary: 'set a task\'s status in my checklist (adds it if needed)', usage: 'plans mark TASK_ID todo|doing|done|na [--note TEXT] [--due YYYY-MM-DD|none] [--as-of YYYY-MM-DD] [--data-dir DIR] [--corpus DIR]', load: () => import('./mark.js') },
];
