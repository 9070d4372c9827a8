/** The e2e tests' tmux server leaves nothing behind: no server, no socket file. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasTmux, tmuxServer } from './tmux.js';

describe.skipIf(!hasTmux)('tmuxServer', () => {
  it('lives on a socket in the test folder; close() kills the server and removes the socket', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plans-e2e-'));
    try {
      const server = tmuxServer(dir);
      expect(server.socket.startsWith(dir)).toBe(true); // not /tmp/tmux-UID/…, which kill-server leaves behind
      expect(server.run('new-session', '-d', '-s', 'app', '-x', '80', '-y', '24', 'sleep 30').status).toBe(0);
      expect(server.run('has-session', '-t', 'app').status).toBe(0);
      expect(existsSync(server.socket)).toBe(true);
      server.close();
      expect(existsSync(server.socket)).toBe(false);
      expect(server.run('has-session', '-t', 'app').status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
