// Lints the OpenAPI document a real server generates (GET /api/v1/openapi.json) with
// Redocly's recommended rules (tests/openapi/redocly.yaml): errors fail, warnings are shown.
//
//   node tests/openapi/lint.mjs --binary build-test/atrium
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { request } from '../lib/http.mjs';
import { binary, root } from '../lib/options.mjs';
import { Report } from '../lib/report.mjs';
import { startServer } from '../lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

// Runs the CLI installed in web/ (never a download), without telemetry or update checks.
function redoclyLint(file) {
  const args = ['--no-install', 'redocly', 'lint', '--config', path.join(here, 'redocly.yaml'), '--format', 'stylish', file];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  return new Promise((resolve) => {
    execFile('npx', args, { cwd: path.join(root, 'web'), env, maxBuffer: 64 * 1024 * 1024, timeout: 300000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}` }));
  });
}

const report = new Report('openapi: ');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-openapi-'));
let server = null;
try {
  if (!fs.existsSync(binary)) throw new Error(`no server binary at ${binary}`);
  server = await startServer(binary, `sqlite:${scratch}/x.db`, ['--no-demo']);
  await report.check('the document passes redocly lint with no errors', async () => {
    const answer = await request(server.port, 'GET', '/api/v1/openapi.json');
    if (answer.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${answer.status}: ${answer.body}`);
    const file = path.join(scratch, 'openapi.json');
    fs.writeFileSync(file, JSON.stringify(JSON.parse(answer.body), null, 2));
    const lint = await redoclyLint(file);
    const problems = lint.output.split('\n').filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line));
    const errors = problems.filter((line) => /\serror\s/.test(line)).length;
    const warnings = problems.length - errors;
    console.log(`# redocly: ${errors} errors, ${warnings} warnings`);
    for (const line of problems) console.log(`#   ${line.trim()}`);
    if (lint.code !== 0 || errors > 0) {
      throw new Error(`redocly lint failed (exit ${lint.code}):\n${lint.output.split('\n').slice(-40).join('\n')}`);
    }
  });
} catch (error) {
  report.notOk('the server starts', error?.stack ?? error);
} finally {
  if (server) {
    const stopped = await server.stop();
    if (stopped.code === 0 && !stopped.sanitizerReport) report.ok('the server stops cleanly');
    else report.notOk('the server stops cleanly', `exit ${stopped.code} ${stopped.signal ?? ''}\n${stopped.output}`);
  }
  fs.rmSync(scratch, { recursive: true, force: true });
}
report.finish();
