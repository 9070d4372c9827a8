import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { KnowledgeBase, Task } from '../../src/types.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Path of a compiled module (tsc emits to dist/ or dist/src/ depending on rootDir). */
export function distPath(rel: string): string {
  for (const p of [join(ROOT, 'dist', rel), join(ROOT, 'dist', 'src', rel)]) if (existsSync(p)) return p;
  throw new Error(`not built: ${rel} (run npm run build)`);
}

/** The build is there (tests/global-setup.ts rebuilds dist/ before every run, failing on any type error). */
export function build(): void {
  distPath('cli/main.js');
}

export function tmp(prefix = 'plans-checklist-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function task(id: string, planId: string, text: string, over: Partial<Task> = {}): Task {
  return {
    id,
    planId,
    kind: 'task',
    section: ['二、重点任务'],
    text,
    deadlines: [],
    units: [],
    themes: [],
    source: { file: `${planId}.txt`, start: 0, end: text.length, line: 1, origin: 'prose', row: null },
    restates: null,
    ...over,
  };
}

/** A small synthetic knowledge base: two plans, audit and finance units, dated / yearly / twice-yearly deadlines. */
export function syntheticKb(): KnowledgeBase {
  const tasks: Task[] = [
    task('ah-001', 'anhui', '开展政务信息系统审计，重点审计信息系统整合共享情况。', {
      deadlines: [{ raw: '2018年6月底前', date: '2018-06-30', recurring: null, precision: 'month' }],
      units: [
        { name: '省审计厅', canonical: '省审计厅', kind: '审计', role: 'lead' },
        { name: '省财政厅', canonical: '省财政厅', kind: '财政', role: 'support' },
      ],
    }),
    task('ah-002', 'anhui', '每年对政务信息系统整合共享工作进行评估，形成评估报告。', {
      deadlines: [{ raw: '每年年底前', date: '2017-12-31', recurring: 'yearly', precision: 'year' }],
      units: [
        { name: '省发展改革委', canonical: '省发展改革委', kind: '发展改革', role: 'lead' },
        { name: '省审计厅', canonical: '省审计厅', kind: '审计', role: 'supervise' },
      ],
    }),
    task('ah-003', 'anhui', '清理“僵尸”信息系统，形成清理整合报告；内容含逗号,分号;和反斜杠\\。', {
      deadlines: [{ raw: '2017年10月底前', date: '2017-10-31', recurring: null, precision: 'month' }],
      units: [{ name: '省经济和信息化委', canonical: '省经济和信息化委', kind: '经济信息化', role: 'lead' }],
    }),
    task('hb-001', 'hebei', '加强审计监督，将政务信息系统整合共享纳入审计范围，每半年报告一次。', {
      deadlines: [{ raw: '每半年', date: '2018-01-31', recurring: 'twice-yearly', precision: 'month' }],
      units: [
        { name: '省审计厅', canonical: '省审计厅', kind: '审计', role: 'responsible' },
        { name: '省财政厅', canonical: '省财政厅', kind: '财政', role: 'support' },
      ],
    }),
    task('hb-002', 'hebei', '推进公共数据资源开放，建设统一的数据开放网站。', {
      deadlines: [],
      units: [{ name: '省财政厅', canonical: '省财政厅', kind: '财政', role: 'support' }],
    }),
  ];
  return {
    version: 1,
    plans: [
      { id: 'anhui', province: '安徽省', place: '安徽省', title: '安徽省政务信息系统整合共享实施方案', docNumber: null, issuer: null, issuedOn: '2017-08-23', file: 'anhui.txt', warnings: [] },
      { id: 'hebei', province: '河北省', place: '河北省', title: '河北省政务信息系统整合共享实施方案', docNumber: null, issuer: null, issuedOn: '2017-09-01', file: 'hebei.txt', warnings: [] },
    ],
    tasks,
    units: [
      { canonical: '省审计厅', kind: '审计', aliases: ['审计厅'], plans: { anhui: 2, hebei: 1 } },
      { canonical: '省财政厅', kind: '财政', aliases: [], plans: { anhui: 1, hebei: 2 } },
      { canonical: '省发展改革委', kind: '发展改革', aliases: ['省发改委'], plans: { anhui: 1 } },
      { canonical: '省经济和信息化委', kind: '经济信息化', aliases: ['省经信委'], plans: { anhui: 1 } },
    ],
    themes: [],
  };
}
