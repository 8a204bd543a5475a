// The browser journeys (web/e2e) against a real `atrium serve` with demo data.
//   node tests/browser/run.mjs --binary build-test/atrium
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { binary, root } from '../lib/options.mjs';
import { startServer } from '../lib/server.mjs';


const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-browser-'));
const artifacts = path.join(root, 'build-test', 'test-results', 'screenshots');
fs.mkdirSync(artifacts, { recursive: true });
let failed = false;
// The journeys move the server's clock (a reminder that fires, an SLA that runs out).
const server = await startServer(binary, `sqlite:${path.join(dir, 'browser.db')}`, [
  '--web-root', path.join(root, 'web', 'dist'), '--test-clock',
]);
try {
  const code = await new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'test:e2e'], {
      cwd: path.join(root, 'web'),
      stdio: 'inherit',
      env: { ...process.env, ATRIUM_URL: `http://127.0.0.1:${server.port}`, ARTIFACTS_DIR: artifacts },
    });
    child.on('exit', resolve);
  });
  failed = code !== 0;
} finally {
  const stopped = await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  if (stopped.code !== 0 || stopped.sanitizerReport) {
    // Counted on its own line after the journeys' summary, which the suite reads last.
    console.log(`not ok - server stops cleanly: exit ${stopped.code}\n${stopped.output.slice(-2000)}`);
    failed = true;
  }
}
process.exitCode = failed ? 1 : 0;
