/**
 * End to end: the built CLI in a real terminal (tmux). Type 僵尸, see results from all five plans, Esc,
 * 2, see the compare matrix, q — exit status 0 and the terminal's normal screen back.
 * Skipped, with a message, only when tmux is not installed (.ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
import { hasTmux, tmuxServer, type TmuxServer } from './tmux.js';

if (!hasTmux) console.warn('tests/e2e/tui-pty: tmux is not installed — skipping the end-to-end terminal test (.ci/run installs it).');

const SESSION = 'app';
// A tmux server of this file's own, its socket in the temp folder (removed in afterAll).
let server: TmuxServer;
const tmux = (...args: string[]) => server.run(...args);
const screen = () => server.screen(SESSION);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const waitForScreen = (pred: (s: string) => boolean, what: string, ms = 20000) => server.waitForScreen(pred, what, ms, SESSION);

function builtCli(): string {
  for (const p of ['dist/cli/main.js', 'dist/src/cli/main.js']) if (existsSync(join(ROOT, p))) return join(ROOT, p);
  spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: ROOT, stdio: 'inherit' });
  for (const p of ['dist/cli/main.js', 'dist/src/cli/main.js']) if (existsSync(join(ROOT, p))) return join(ROOT, p);
  throw new Error('the CLI is not built (npm run build)');
}

describe.skipIf(!hasTmux)('plans in a real terminal (tmux)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plans-e2e-'));
    server = tmuxServer(dir, SESSION);
  });
  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('type 僵尸 → results from all five plans; Esc, 2 → compare matrix; q → exit 0, screen restored', async () => {
    const cli = builtCli();
    const exitFile = join(dir, 'exit');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    // CI=… would make Ink hold its output until exit; a terminal user is not a CI job.
    const cmd = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION node ${q(cli)} --data-dir ${q(join(dir, 'data'))} --as-of 2018-01-15; echo "EXIT=$?" > ${q(exitFile)}; sleep 30`;
    const started = tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '36', cmd);
    expect(started.status, started.stderr).toBe(0);

    await waitForScreen((s) => s.includes('搜索›') && s.includes('1 搜索'), 'the first frame');
    tmux('send-keys', '-t', SESSION, '-l', '僵尸');
    // tmux may capture while a frame is being written (its first lines new, the rest old): wait for the
    // results, not just for the echoed input.
    // Only the result list's part of a line: at 120 columns the preview panel stands beside it (its text,
    // 清理"僵尸"系统 among it, must not pass for a result row).
    const rowsOf = (s: string) => s.split('\n').filter((l) => /^[│┃][› ] (安徽|重庆|福建|河北|湖南) /.test(l)).map((l) => l.split(/[│┃]{2}/)[0]);
    const results = await waitForScreen((s) => s.includes('搜索› 僵尸') && /\d+ 条/.test(s) && rowsOf(s).some((r) => r.includes('僵尸')), 'search results');
    const rows = rowsOf(results);
    for (const tag of ['安徽', '重庆', '福建', '河北', '湖南']) expect(rows.some((r) => r.includes(tag)), `a result from ${tag}\n${results}`).toBe(true);
    // The terminal cursor is at the end of the input (where an IME opens its candidate window): "搜索› 僵尸" is 10 columns.
    expect(tmux('display', '-p', '-t', SESSION, '#{cursor_x},#{cursor_y}').stdout.trim()).toBe('10,1');

    tmux('send-keys', '-t', SESSION, 'Escape');
    await waitForScreen((s) => s.includes('(/ 输入)'), 'the list focused');
    tmux('send-keys', '-t', SESSION, '2');
    const matrix = await waitForScreen((s) => s.includes('对比 Compare') && /个主题 × 5 个方案/.test(s), 'the compare matrix with its footer');
    const header = matrix.split('\n').find((l) => l.includes('主题 \\ 方案')) ?? '';
    for (const tag of ['安徽', '重庆', '福建', '河北', '湖南']) expect(header).toContain(tag);
    expect(matrix).toMatch(/20\d\d-\d\d \d+项/);
    expect(matrix).toMatch(/个主题 × 5 个方案/);

    tmux('send-keys', '-t', SESSION, 'q');
    const t0 = Date.now();
    while (!existsSync(exitFile) && Date.now() - t0 < 10000) await sleep(50);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('EXIT=0');
    // The alternate screen was left: the app's frame is gone from the terminal.
    await sleep(100);
    expect(screen()).not.toContain('搜索›');
  });

  it('keys typed before the first frame and at it are all kept, in order, and answered', async () => {
    const cli = builtCli();
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const cmd = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION node ${q(cli)} --data-dir ${q(join(dir, 'data'))} --as-of 2018-01-15; sleep 30`;
    tmux('kill-session', '-t', SESSION);
    expect(tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', cmd).status).toBe(0);
    tmux('send-keys', '-t', SESSION, '-l', '审'); // while node is still starting
    await waitForScreen((s) => s.includes('搜索›') && s.includes('1 搜索'), 'the first frame');
    tmux('send-keys', '-t', SESSION, '-l', '计'); // the moment the first frame is there (the index is still being built)
    const rowsOf = (s: string) => s.split('\n').filter((l) => /^[│┃][› ] (安徽|重庆|福建|河北|湖南) /.test(l));
    // tmux may capture while a frame is being written (the result rows new, the status line not yet):
    // wait for the whole frame, the count of results included.
    const shown = await waitForScreen((s) => s.includes('搜索› 审计') && /\n\d+ 条/.test(s) && rowsOf(s).some((r) => r.includes('审计')), 'both keys and their results');
    expect(shown).not.toContain('搜索› 计审');
  });

  it('a large folder is indexed in a worker: progress is drawn and q cancels at once (exit 130)', async () => {
    const cli = builtCli();
    const corpus = join(dir, 'big');
    mkdirSync(corpus);
    const plans = readdirSync(join(ROOT, 'corpus')).filter((f) => f.endsWith('.txt'));
    for (let i = 0; i < 300; i++) copyFileSync(join(ROOT, 'corpus', plans[i % plans.length]), join(corpus, `p${String(i).padStart(3, '0')}-${plans[i % plans.length]}`));
    const exitFile = join(dir, 'exit-big');
    const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
    const cmd = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION node ${q(cli)} --corpus ${q(corpus)} --data-dir ${q(join(dir, 'data-big'))}; echo "EXIT=$?" > ${q(exitFile)}; sleep 30`;
    tmux('kill-session', '-t', SESSION);
    expect(tmux('new-session', '-d', '-s', SESSION, '-x', '120', '-y', '36', cmd).status).toBe(0);
    await waitForScreen((s) => s.includes('正在建立知识库'), 'the build progress line');
    tmux('send-keys', '-t', SESSION, 'q');
    const t0 = Date.now();
    while (!existsSync(exitFile) && Date.now() - t0 < 5000) await sleep(50);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('EXIT=130');
  });
});
