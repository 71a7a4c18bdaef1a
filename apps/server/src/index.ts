export { runCli } from './cli.ts';
export { buildApp } from './http/app.ts';
export { parseConfig } from './config/config.ts';
export { openDatabase, openPglite, openPostgres } from './db/database.ts';
export { migrate } from './db/migrate.ts';
export { startServer } from './main.ts';
