import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

describe('parseConfig', () => {
  it('gives embedded defaults on an empty environment', () => {
    const config = parseConfig({}, '/srv/zq');
    expect(config).toMatchObject({
      port: 8080,
      portExplicit: false,
      databaseUrl: null,
      dataDir: '/srv/zq/data',
      mqttUrl: null,
      mqttPort: 1883,
      demo: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('fails once, naming every bad variable', () => {
    try {
      parseConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        MQTT_PORT: 'abc',
        ZHANQIN_DEMO: 'perhaps',
        ZHANQIN_ADMIN_PASSWORD: 'short',
        LOG_LEVEL: 'loud',
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const names = (error as ConfigError).problems.map((p) => p.split(' ')[0]);
      expect(names).toEqual(
        expect.arrayContaining(['PORT', 'DATABASE_URL', 'MQTT_PORT', 'ZHANQIN_DEMO', 'ZHANQIN_ADMIN_PASSWORD', 'LOG_LEVEL']),
      );
    }
  });

  it('marks explicitly chosen ports so a busy one is an error rather than skipped', () => {
    expect(parseConfig({ PORT: '9000' }).portExplicit).toBe(true);
    expect(parseConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe('postgres://u@h:5432/db');
  });
});
