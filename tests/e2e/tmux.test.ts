/** The e2e tests' tmux server leaves nothing behind: no server, no socket file (in its folder or /tmp/tmux-UID). */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, tmuxServer } from './tmux.js';

describe.skipIf(!hasTmux)('tmuxServer', () => {
  it('close() kills the server and removes its socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-e2e-'));
    const uidDir = join(process.env.TMUX_TMPDIR ?? '/tmp', `tmux-${process.getuid?.() ?? 0}`);
    const before = existsSync(uidDir) ? readdirSync(uidDir) : [];
    try {
      const server = tmuxServer(dir);
      expect(server.run('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', 'sleep 30').status).toBe(0);
      await server.waitForScreen(() => server.run('has-session', '-t', 'app').status === 0, 'the session');
      expect(existsSync(server.socket)).toBe(true);
      server.close();
      expect(existsSync(server.socket)).toBe(false);
      expect(server.run('has-session', '-t', 'app').status).not.toBe(0);
      const after = existsSync(uidDir) ? readdirSync(uidDir) : [];
      expect(after.filter((f) => !before.includes(f) && f.startsWith('plans-e2e-') && f.endsWith(String(process.pid)))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
