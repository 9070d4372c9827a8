/**
 * A 20 MB plan on a single line (no line breaks at all) opens in the terminal app: the search view, its
 * preview (the source paragraph is the whole file) and the detail view draw without
 * "Maximum call stack size exceeded", and q exits 0.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasTmux, tmuxServer, waitForFile, type TmuxServer } from './tmux.js';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

describe.skipIf(!hasTmux)('a 20 MB single-line plan in the terminal app', () => {
  let dir = '';
  let server: TmuxServer;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plans-e2e-'));
    server = tmuxServer(dir);
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts, shows the task and its (cut) source paragraph, opens the detail, exits 0', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    const head = '某某省数据资源统筹管理工作方案（2019年6月底前完成全省政务数据资源普查，省大数据局牵头）';
    const filler = '各地区各部门要高度重视数据资源管理工作切实加强组织领导';
    const text = head + filler.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(filler)));
    writeFileSync(join(corpus, 'one.txt'), text);
    expect(Buffer.byteLength(text)).toBeGreaterThan(20 * 1024 * 1024);
    expect(text.includes('\n')).toBe(false);

    const exitFile = join(dir, 'exit');
    const errFile = join(dir, 'stderr');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const cmd = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION node ${q(CLI)} --corpus ${q(corpus)} --data-dir ${q(join(dir, 'data'))} --as-of 2018-01-15 2>${q(errFile)}; echo "EXIT=$?" > ${q(exitFile)}; sleep 30`;
    expect(server.run('new-session', '-d', '-s', 'app', '-x', '100', '-y', '30', cmd).status).toBe(0);

    const started = await server.waitForScreen((s) => s.includes('原文') || existsSync(exitFile), 'the search view with its preview', 60000).catch((e: Error) => {
      throw new Error(`${e.message}\nstderr: ${readErr(errFile)}`);
    });
    expect(readErr(errFile)).not.toMatch(/Maximum call stack/);
    expect(existsSync(exitFile), `the app exited: ${readErr(errFile)}`).toBe(false);
    expect(started).toContain('2019-06');
    expect(started).toContain('搜索›');

    // Type a query and see it (the app is reading keys), then open the task.
    server.run('send-keys', '-t', 'app', '-l', '统筹');
    await server.waitForScreen((s) => s.includes('搜索› 统筹') && /1 条/.test(s), 'the query and its one result', 30000);
    server.run('send-keys', '-t', 'app', 'Enter');
    await server.waitForScreen((s) => /详情 .*one\.txt:1/.test(s), 'the detail view', 60000);

    server.run('send-keys', '-t', 'app', 'q');
    await waitForFile(exitFile, 10000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('EXIT=0');
    expect(readErr(errFile)).toBe('');
  }, 120000);
});

function readErr(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\u001b\[\?25h/g, '').trim();
  } catch {
    return '';
  }
}
