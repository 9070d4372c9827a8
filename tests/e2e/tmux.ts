/**
 * A private tmux server for an end-to-end test: its socket lives in the test's own temp folder (tmux -S),
 * so closing it leaves nothing behind in /tmp/tmux-UID/ (kill-server alone leaves the socket file there).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const hasTmux = spawnSync('sh', ['-c', 'command -v tmux'], { stdio: 'ignore' }).status === 0;

export interface TmuxServer {
  socket: string;
  run(...args: string[]): SpawnSyncReturns<string>;
  screen(target?: string): string;
  /** Polls the screen until `pred` holds; throws (with the last screen) when `ms` pass first. */
  waitForScreen(pred: (s: string) => boolean, what: string, ms?: number, target?: string): Promise<string>;
  /** Kills the server and removes its socket. */
  close(): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tmuxServer(dir: string, session = 'app'): TmuxServer {
  const socket = join(dir, 'tmux.sock');
  const once = (...args: string[]) => spawnSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  // A session made right after the last one was killed can meet the server on its way out (it exits when
  // empty): new-session is tried again, up to three times, a moment apart. Its last result is returned.
  const run = (...args: string[]) => {
    let r = once(...args);
    for (let k = 0; k < 3 && args[0] === 'new-session' && r.status !== 0; k++) {
      spawnSync('sleep', ['0.2']);
      r = once(...args);
    }
    return r;
  };
  const screen = (target = session) => run('capture-pane', '-p', '-t', target).stdout ?? '';
  return {
    socket,
    run,
    screen,
    async waitForScreen(pred, what, ms = 20000, target = session) {
      const t0 = Date.now();
      let s = '';
      while (Date.now() - t0 < ms) {
        s = screen(target);
        if (pred(s)) return s;
        await sleep(50);
      }
      throw new Error(`timed out waiting for ${what}; screen:\n${s}`);
    },
    close() {
      if (existsSync(socket)) run('kill-server');
      rmSync(socket, { force: true });
    },
  };
}

/** Waits for `file` to exist (the shell writes the app's exit status there); throws after `ms`. */
export async function waitForFile(file: string, ms: number): Promise<void> {
  const t0 = Date.now();
  while (!existsSync(file)) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${file}`);
    await sleep(50);
  }
}
