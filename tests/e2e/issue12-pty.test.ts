/**
 * Issue 12 in a real terminal (the built app in tmux, a corpus folder of this test's own):
 *   item 5  — a burst of keys arriving in one chunk is applied key by key (jjjj in the list; x + 40
 *             Backspaces, then more text, in the input);
 *   item 8  — 我的清单 shows a `plans mark` made by another process within 2 s of it, and Space pressed
 *             right after another mark cycles from the store's status, not from the one drawn;
 *   item 10 — U+202E (bidi override) and U+200B in a plan's text leave every box border in place at 80×24.
 * Every wait throws, with the last screen, when its time runs out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/util/text.js';
import { hasTmux, tmuxServer, waitForFile, type TmuxServer } from './tmux.js';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const PLAN = [
  '某市2022年数据治理工作要点',
  '一、夯实数据基础',
  '1.开展数据普查。6月底前，摸清各部门数据资源底数。（牵头单位：市数据局；配合单位：市审计局）',
  '2.编制资源目录。7月底前，形成全市数据资源目录。（牵头单位：市数据局）',
  '3.清理闲置系统。8月底前，关停长期闲置的信息系统。（牵头单位：市审计局）',
  '4.建设共享平台。9月底前，建成市级数据共享平台。（牵头单位：市大数据中心）',
  '5.完善安全制度。10月底前，出台数据安全管理办法。（牵头单位：市网信办）',
  '6.开展应用试点。11月底前，在三个区开展数据应用试点。（牵头单位：市发展改革委）',
  '7.组织业务培训。12月底前，完成全市数据管理人员培训。（牵头单位：市人社局）',
].join('\n');

describe.skipIf(!hasTmux)('issue 12 in a real terminal (tmux)', () => {
  let dir = '';
  let server: TmuxServer;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plans-e2e-'));
    server = tmuxServer(dir);
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function cli(args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30000 });
    if (r.status !== 0) throw new Error(`plans ${args.join(' ')} → ${r.status}: ${r.stderr}`);
    return r.stdout;
  }
  /** A corpus folder and a data dir of their own; the knowledge base is built before the app starts. */
  function setup(text: string) {
    const base = join(dir, `case${++n}`);
    const corpus = join(base, 'corpus');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(join(corpus, 'shiyan.txt'), text);
    const flags = ['--corpus', corpus, '--data-dir', join(base, 'data')];
    cli(['index', ...flags]);
    return { base, flags, exitFile: join(base, 'exit') };
  }
  /** Each case in a session of its own (killing the last session would end the server under the next one). */
  let app = '';
  const wait = (pred: (x: string) => boolean, what: string, ms = 20000) => server.waitForScreen(pred, what, ms, app);
  const keys = (...k: string[]) => server.run('send-keys', '-t', app, ...k);
  function start(s: { flags: string[]; exitFile: string }, cols: number, rows: number) {
    const old = app;
    app = `app${n}`;
    const cmd = `cd ${q(ROOT)} && env -u CI -u CONTINUOUS_INTEGRATION node ${q(CLI)} ${s.flags.map(q).join(' ')} --as-of 2022-01-15; echo "EXIT=$?" > ${q(s.exitFile)}; sleep 30`;
    const r = server.run('new-session', '-d', '-s', app, '-x', String(cols), '-y', String(rows), cmd);
    expect(r.status, r.stderr).toBe(0);
    if (old) server.run('kill-session', '-t', old);
  }
  /** q quits from a list (in the search input it is a character: leave the input first). */
  async function quit(s: { exitFile: string }, fromInput = false) {
    if (fromInput) {
      keys('Escape');
      await wait((x) => x.includes('(/ 输入)'), 'the list focused');
    }
    keys('q');
    await waitForFile(s.exitFile, 10000);
    expect(readFileSync(s.exitFile, 'utf8').trim()).toBe('EXIT=0');
  }
  const listRows = (screen: string) => screen.split('\n').filter((l) => /^[│┃][› ] 某 /.test(l));
  const selected = (screen: string) => listRows(screen).findIndex((l) => /^[│┃]›/.test(l));

  it('item 5: jjjj in one chunk moves 4 rows; x + 40 Backspaces + 考核 in one chunk leaves exactly 考核', async () => {
    const s = setup(PLAN + '\n8.建立考核机制。年底前，将数据治理纳入年度考核。（牵头单位：市考核办）');
    start(s, 100, 30);
    await wait((x) => listRows(x).length === 8, 'the list of 8 tasks');
    keys('Escape');
    const before = await wait((x) => x.includes('(/ 输入)') && selected(x) === 0, 'the list focused, first row selected');
    const fifth = listRows(before)[4].slice(1);
    keys('-l', 'jjjj'); // one write to the pane: the app reads the four keys in one chunk
    // Each key is its own frame, and a loaded machine draws them slowly: wait for the fourth row (a lost key
    // never gets there: the wait throws), then make sure no key moves it further.
    await wait((x) => selected(x) === 4, 'the selection 4 rows down');
    await new Promise((r) => setTimeout(r, 500));
    const after = server.screen(app);
    expect(selected(after), after).toBe(4);
    expect(listRows(after)[4].slice(1).replace(/^›/, ' ')).toBe(fifth);

    // Back to the input, a query of 6 characters, then x, 40 Backspaces and 考核 in one paste (one write).
    keys('/');
    keys('-l', '开展数据普查');
    await wait((x) => x.includes('搜索› 开展数据普查') && listRows(x).length === 1, 'the typed query and its one result');
    server.run('set-buffer', '-b', 'burst', 'x' + '\x7f'.repeat(40) + '考核');
    server.run('paste-buffer', '-d', '-b', 'burst', '-t', app);
    const typed = await wait((x) => /搜索› 考核\s*$/m.test(x) && listRows(x).some((l) => l.includes('建立考核机制')), 'the query to be exactly 考核');
    expect(typed).not.toMatch(/搜索› \S*x/);
    await quit(s, true);
  }, 60000);

  it('item 8: 我的清单 shows a mark from another process within 2 s, and Space cycles from the stored status', async () => {
    const s = setup(PLAN);
    cli(['mine', 'units', 'set', '审计', ...s.flags]);
    const hits = JSON.parse(cli(['search', '开展数据普查', '--json', ...s.flags])) as Array<{ task: { id: string } }>;
    const id = hits[0].task.id;
    start(s, 100, 30);
    await wait((x) => x.includes('搜索›') && x.includes('1 搜索'), 'the first frame');
    keys('Escape');
    await wait((x) => x.includes('(/ 输入)'), 'the list focused');
    keys('4');
    const rowOf = (x: string) => x.split('\n').find((l) => /^[› ] \[.\] /.test(l) && l.includes('开展数据普查')) ?? '';
    const view = await wait((x) => /^› \[ \] 待办 .*开展数据普查/m.test(x), 'view 4 with the task selected, 待办');
    expect(view).toContain('2 项');
    // At once, from another process (the view has just opened).
    const t0 = Date.now();
    cli(['mark', id, 'done', ...s.flags]);
    const markedAt = Date.now();
    await wait((x) => rowOf(x).includes('已完成'), 'the mark made by the other process', 2000);
    const seenAfter = Date.now() - markedAt;
    expect(seenAfter).toBeLessThan(2000);
    expect(Date.now() - t0).toBeLessThan(5000);
    // Another process sets it back to 待办, and Space is pressed at once, while the screen may still show
    // 已完成: Space cycles from the store's 待办 to 进行中 (from the 已完成 drawn it would give 不适用).
    cli(['mark', id, 'todo', ...s.flags]);
    keys('Space');
    await wait((x) => rowOf(x).includes('进行中'), 'the row cycled to 进行中', 3000);
    const stored = async (want: string) => {
      const deadline = Date.now() + 3000;
      for (;;) {
        const e = (JSON.parse(cli(['mine', '--json', ...s.flags])) as { entries: Array<{ taskId: string; status: string }> }).entries.find((x) => x.taskId === id);
        if (e?.status === want) return e.status;
        if (Date.now() > deadline) throw new Error(`the checklist holds ${e?.status ?? 'no entry'} for ${id}, not ${want}, 3 s after Space`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    expect(await stored('doing')).toBe('doing');
    await new Promise((r) => setTimeout(r, 300));
    expect(rowOf(server.screen(app))).toContain('进行中');
    await quit(s);
  }, 60000);

  it('item 10: U+202E and U+200B in the text keep every border at 80×24 (list, preview, detail)', async () => {
    const hostile = '3.清理闲置系统。8月底前，关停\u202e长期闲置\u200b的\u200b信息系统\u202e和网站。（牵头单位：市审计局）';
    const s = setup(PLAN.replace(/^3\..*$/m, hostile));
    start(s, 80, 24);
    const boxed = (x: string) => x.split('\n').filter((l) => /^[╭│┃╰┏┗]/.test(l));
    const intact = (x: string) => {
      const bad = boxed(x).filter((l) => displayWidth(l) !== 80 || !/[╮│┃╯┓┛]$/.test(l));
      return bad.length === 0 && !/[\u202e\u200b]/.test(x);
    };
    await wait((x) => listRows(x).length === 7, 'the list of 7 tasks');
    keys('-l', '关停');
    const list = await wait((x) => x.includes('搜索› 关停') && listRows(x).length === 1 && x.includes('shiyan.txt:5'), 'the one result and its preview');
    const check = (x: string, what: string) => {
      const bad = boxed(x).filter((l) => displayWidth(l) !== 80 || !/[╮│┃╯┓┛]$/.test(l));
      expect(bad, `${what}: lines whose right border moved\n${x}`).toEqual([]);
      expect(/[\u202e\u200b]/.test(x), `${what}: bidi / zero-width characters reached the terminal`).toBe(false);
      expect(boxed(x).length).toBeGreaterThan(5);
    };
    expect(list).toContain('关停');
    // tmux may capture mid-frame: a whole, intact frame must come within 3 s (the wait throws otherwise).
    check(await wait((x) => intact(x) && x.includes('搜索› 关停'), 'an intact frame of the list', 3000), 'list and preview');
    keys('Enter');
    await wait((x) => /详情 .*shiyan\.txt:5/.test(x) && x.includes('关停'), 'the detail view with the task');
    check(await wait((x) => intact(x) && /详情 /.test(x), 'an intact frame of the detail', 3000), 'detail');
    keys('Escape');
    await wait((x) => x.includes('搜索›') && !/详情 /.test(x), 'back from the detail');
    await quit(s, true);
  }, 60000);
});
