// Starts a real `atrium serve` on a free port and stops it the way an operator would.
import { spawn } from 'node:child_process';

// `accessLog: true` keeps the access log on (tests that read what the server logs).
export async function startServer(binary, databaseUrl, extraArgs = [], { env = {}, accessLog = false } = {}) {
  const args = ['serve', '--database', databaseUrl, '--port', '0', ...(accessLog ? [] : ['--no-access-log']), ...extraArgs];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (data) => (stdout += data));
  child.stderr.on('data', (data) => (stderr += data));
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}${stderr}`)), 30000);
    const poll = setInterval(() => {
      const found = stdout.match(/serving https?:\/\/127\.0\.0\.1:(\d+)\//);
      if (found) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    }, 10);
    exited.then(({ code }) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before serving: ${stdout}${stderr}`));
    });
  });
  return {
    port,
    child,
    output: () => stdout + stderr,
    exited,
    // SIGTERM, then the exit code and whether the sanitizers reported anything.
    async stop() {
      // One SIGTERM only: a second one during shutdown is an operator's "force quit".
      if (child.exitCode === null && child.signalCode === null && !child.killed) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 40000);
      const result = await exited;
      clearTimeout(timer);
      const sanitizerReport = /(ERROR: AddressSanitizer|ERROR: LeakSanitizer|runtime error:)/.test(stderr);
      return { ...result, sanitizerReport, output: stdout + stderr };
    },
  };
}
