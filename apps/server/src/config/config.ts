import path from 'node:path';

/** Frozen, validated configuration. `parseConfig` is the only reader of `process.env`. */
export type Config = Readonly<{
  /** HTTP port; `portExplicit` says whether the operator chose it (then a busy port is an error). */
  port: number;
  portExplicit: boolean;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  mqttUrl: string | null;
  mqttPort: number;
  mqttPortExplicit: boolean;
  adminPassword: string | null;
  demoPassword: string | null;
  /** Seed the Liupanshui demo data when the database is empty. */
  demo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Origins allowed by CORS; empty means CORS is closed. */
  corsOrigins: readonly string[];
  sessionTtlMinutes: number;
  bodyLimitBytes: number;
  /** Serve cookies with the Secure flag (behind HTTPS). */
  secureCookies: boolean;
  webDistDir: string;
  /** Failed logins per user name within the window before it is locked; an address gets four times as many. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  loginLockMinutes: number;
  /** Road graph for travel times: a GeoJSON/CSV path, null for the bundled schematic demo, 'none' for great-circle only. */
  roadGraph: string | null;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Reads and validates every variable at once and throws one ConfigError naming all bad ones. */
export function parseConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be 1/0, true/false, yes/no or on/off (got "${raw}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
        return null;
      }
      return raw;
    } catch {
      problems.push(`${name} is not a valid URL`);
      return null;
    }
  };
  const password = (name: string): string | null => {
    const raw = env[name];
    if (raw === undefined || raw === '') return null;
    if (raw.length < 10) problems.push(`${name} must be at least 10 characters`);
    return raw;
  };

  const logLevelRaw = env.LOG_LEVEL ?? 'info';
  const logLevel = (LOG_LEVELS as readonly string[]).includes(logLevelRaw)
    ? (logLevelRaw as Config['logLevel'])
    : (problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`), 'info' as const);

  const corsOrigins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    try {
      new URL(origin);
    } catch {
      problems.push(`CORS_ORIGINS contains an invalid origin "${origin}"`);
    }
  }

  const config: Config = Object.freeze({
    port: int('PORT', 8080, 0, 65535),
    portExplicit: env.PORT !== undefined && env.PORT !== '',
    host: env.HOST || '0.0.0.0',
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    dataDir: path.resolve(cwd, env.ZHANQIN_DATA_DIR || './data'),
    mqttUrl: url('MQTT_URL', ['mqtt:', 'mqtts:', 'ws:', 'wss:', 'tcp:']),
    mqttPort: int('MQTT_PORT', 1883, 0, 65535),
    mqttPortExplicit: env.MQTT_PORT !== undefined && env.MQTT_PORT !== '',
    adminPassword: password('ZHANQIN_ADMIN_PASSWORD'),
    demoPassword: password('ZHANQIN_DEMO_PASSWORD'),
    demo: bool('ZHANQIN_DEMO', true),
    logLevel,
    corsOrigins: Object.freeze(corsOrigins),
    sessionTtlMinutes: int('ZHANQIN_SESSION_TTL_MINUTES', 12 * 60, 5, 60 * 24 * 30),
    bodyLimitBytes: int('ZHANQIN_BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    secureCookies: bool('ZHANQIN_SECURE_COOKIES', false),
    loginMaxFailures: int('ZHANQIN_LOGIN_MAX_FAILURES', 5, 2, 1000),
    loginWindowMinutes: int('ZHANQIN_LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    loginLockMinutes: int('ZHANQIN_LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    roadGraph: env.ZHANQIN_ROAD_GRAPH || null,
    webDistDir: path.resolve(cwd, env.ZHANQIN_WEB_DIST || path.join(import.meta.dirname, '../../../web/dist')),
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
