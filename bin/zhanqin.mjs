#!/usr/bin/env node
// The `zhanqin` command: runs the server's TypeScript sources through tsx in this one process.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../apps/server/src/cli.ts');
const code = await runCli(process.argv.slice(2));
if (code !== undefined) process.exitCode = code;
