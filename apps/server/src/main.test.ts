import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from './config/config.ts';
import { startServer, StartupError } from './main.ts';

describe('starting the server', () => {
  let dir = '';
  let blocker: Server;
  let busyPort = 0;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zq-main-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    busyPort = (blocker.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves to the next free port when the default one is taken, and says so', async () => {
    const config = {
      ...parseConfig({
        HOST: '127.0.0.1',
        ZHANQIN_DATA_DIR: path.join(dir, 'a'),
        ZHANQIN_DEMO: '0',
        LOG_LEVEL: 'silent',
        ZHANQIN_ADMIN_PASSWORD: 'Admin-Main-Pass-1',
      }),
      port: busyPort,
    };
    const printed: string[] = [];
    const running = await startServer(config, (line) => printed.push(line));
    try {
      expect(running.port).toBeGreaterThan(busyPort);
      expect(printed.join('\n')).toContain(`Port ${busyPort} is taken; using ${running.port} instead`);
      expect(printed.join('\n')).toContain('First administrator: admin / the value of ZHANQIN_ADMIN_PASSWORD');
      const health = await fetch(`${running.url}/api/v1/health`);
      expect(health.status).toBe(200);
    } finally {
      await running.close();
    }
  }, 60_000);

  it('fails with a message naming PORT when the chosen port is taken', async () => {
    const config = parseConfig({
      HOST: '127.0.0.1',
      PORT: String(busyPort),
      ZHANQIN_DATA_DIR: path.join(dir, 'b'),
      ZHANQIN_DEMO: '0',
      LOG_LEVEL: 'silent',
    });
    await expect(startServer(config, () => undefined)).rejects.toThrow(StartupError);
    await expect(startServer(config, () => undefined)).rejects.toThrow(/PORT=\d+ is already in use/);
  }, 60_000);

  it('prints a random first administrator password once when none is configured', async () => {
    const config = parseConfig({
      HOST: '127.0.0.1',
      PORT: '0',
      ZHANQIN_DATA_DIR: path.join(dir, 'c'),
      ZHANQIN_DEMO: '0',
      LOG_LEVEL: 'silent',
    });
    const printed: string[] = [];
    const first = await startServer(config, (line) => printed.push(line));
    await first.close();
    expect(printed.join('\n')).toMatch(/First administrator: admin \/ [A-Za-z0-9]{16} {3}\(shown once/);
    const again: string[] = [];
    const second = await startServer(config, (line) => again.push(line));
    await second.close();
    expect(again.join('\n')).not.toContain('First administrator');
  }, 60_000);
});
