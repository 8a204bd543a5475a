// The durable job queue under kill -9: 10,000 jobs whose handler writes one row in the
// job's own completion transaction, the server (on PostgreSQL two of them sharing the
// work) killed without warning twice mid-way and restarted. Afterwards every job is done and every
// effect exists exactly once. Runs on SQLite, and on PostgreSQL when --pg-dir is given.
//   node tests/jobs/run.mjs --binary build-test/atrium [--pg-dir DIR] [--jobs 10000]
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { Report } from '../lib/report.mjs';
import { binary, option, root } from '../lib/options.mjs';
import { startServer } from '../lib/server.mjs';

const pgDir = option('pg-dir');
const jobCount = Number(option('jobs', '10000'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-jobs-'));
const report = new Report();
const run = promisify(execFile);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
// The test-only job kinds exist only with this; a short lease so that the jobs a killed
// process held come back within the test's time.
// A pause of 1 ms per job keeps the run long enough (seconds) to kill it mid-way.
const env = { ATRIUM_TEST_JOBS: '1', ATRIUM_TEST_JOB_PAUSE_US: '1000' };
const serverArgs = ['--no-demo', '--job-workers', '2', '--job-lease-seconds', '2'];

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function atrium(args) {
  const { stdout } = await run(binary, args, { env: { ...process.env, ...env }, timeout: 120000 });
  return stdout;
}

async function stats(url) {
  // Only the test's own jobs: the servers also run their recurring jobs (reminders, SLAs).
  const out = await atrium(['jobs', 'stats', '--database', url, '--kind', 'test.effect']);
  return Object.fromEntries(out.trim().split('\n').map((line) => {
    const [state, count] = line.split(' ');
    return [state, Number(count)];
  }));
}

// Polls the queue until `done` holds; returns the last counts.
async function waitFor(url, done, what, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await stats(url);
    if (done(counts)) return counts;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(counts)} after ${timeoutMs} ms`);
    await sleep(50);
  }
}

// PostgreSQL: two processes share the queue (SKIP LOCKED). SQLite is one process's
// embedded database: one server.
async function startServers(servers, url, count) {
  for (let i = 0; i < count; i += 1) servers.push(await startServer(binary, url, serverArgs, { env }));
}

async function killAll(servers) {
  for (const server of servers) server.child.kill('SIGKILL');
  for (const server of servers) await server.exited;
}

async function killDuringJobs(url, processes) {
  await atrium(['migrate', '--database', url]);
  const enqueued = await atrium(['jobs', 'enqueue-test', '--database', url, '--count', String(jobCount)]);
  assert(enqueued.includes(`enqueued ${jobCount} `), enqueued);
  // Enqueueing again changes nothing: the idempotency keys hold.
  assert((await atrium(['jobs', 'enqueue-test', '--database', url, '--count', String(jobCount)])).includes('enqueued 0 '),
    'enqueueing the same keys again added jobs');

  const kills = [];
  const servers = [];
  try {
    for (const fraction of [0.15, 0.45]) {
      await startServers(servers, url, processes);
      const before = (await stats(url)).done;
      assert(before < jobCount, `every job was done before the kill at ${fraction * 100}%: the test proves nothing`);
      const target = Math.max(before + 1, Math.floor(jobCount * fraction));
      const counts = await waitFor(url, (c) => c.done >= target, 'workers made no progress');
      await killAll(servers.splice(0));
      kills.push(counts);
    }
    // The kills happened with work outstanding, or the test proves nothing.
    for (const counts of kills) assert(counts.done < jobCount, `killed only after all jobs were done: ${JSON.stringify(counts)}`);

    await startServers(servers, url, processes);
    const final = await waitFor(url, (c) => c.done + c.failed + c.cancelled >= jobCount && c.running === 0 && c.pending === 0,
      'the queue did not drain after the restarts');
    for (const server of servers.splice(0)) {
      const stopped = await server.stop();
      assert(stopped.code === 0 && !stopped.sanitizerReport, `server did not stop cleanly: ${stopped.code}\n${stopped.output.slice(-2000)}`);
    }
    assert(final.done === jobCount && final.failed === 0, `not every job is done: ${JSON.stringify(final)}`);
    const effects = (await atrium(['jobs', 'test-effects', '--database', url])).trim();
    assert(effects === `effects ${jobCount} distinct ${jobCount}`,
      `expected every effect exactly once, got "${effects}" (killed at ${kills.map((c) => c.done).join(', ')} done)`);
    console.log(`# killed at ${kills.map((c) => `${c.done} done/${c.running} running`).join(', ')}; then ${effects}`);
  } finally {
    await killAll(servers);
  }
}

await report.check(`SQLite: kill -9 twice during ${jobCount} jobs, every effect exactly once`, async () => {
  await killDuringJobs(`sqlite:${path.join(work, 'jobs.db')}`, 1);
});

if (pgDir) {
  await report.check(`PostgreSQL: two processes, both killed with -9 twice during ${jobCount} jobs, every effect exactly once`, async () => {
    const url = execFileSync(path.join(root, 'scripts/pg-test-server'), ['createdb', pgDir, `jobs_${process.pid}`])
      .toString().trim();
    await killDuringJobs(url, 2);
  });
}

await report.check('test-only commands are refused without ATRIUM_TEST_JOBS=1', async () => {
  const url = `sqlite:${path.join(work, 'plain.db')}`;
  let failed = null;
  try {
    await run(binary, ['jobs', 'enqueue-test', '--database', url, '--count', '1'], { env: { ...process.env, ATRIUM_TEST_JOBS: '' } });
  } catch (error) {
    failed = error;
  }
  assert(failed && failed.code === 1 && failed.stderr.includes('ATRIUM_TEST_JOBS=1'), `not refused: ${failed?.stderr}`);
});

fs.rmSync(work, { recursive: true, force: true });
report.finish();
