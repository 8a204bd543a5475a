// Quotations created per second at 16 clients (make bench): each quotation is one POST of
// the quotation with its five lines (the array `lines`), every line priced by the pricing
// function and the totals kept on the quotation, in one durable transaction. Runs on SQLite, then on a
// throwaway PostgreSQL when it can start one; writes bench/results/quotations.json and the
// quotations section of bench/RESULTS.md.
//
//   ATRIUM_BIN=build/atrium node bench/quotations.mjs
//   BENCH_CLIENTS (16), BENCH_SECONDS (20)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../tests/lib/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binary = path.resolve(root, process.env.ATRIUM_BIN ?? 'build/atrium');
const clients = Number(process.env.BENCH_CLIENTS ?? 16);
const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-quotations-'));
const log = (message) => console.error(`bench: ${message}`);

async function measure(label, databaseUrl) {
  execFileSync(binary, ['migrate', '--database', databaseUrl], { stdio: 'ignore' });
  execFileSync(binary, ['user', 'add', '--database', databaseUrl, '-u', 'bench', '--name', 'Bench', '--email',
    'bench@atrium.example', '--admin', '--password-stdin'], { input: 'bench-quotations-2026\n', stdio: ['pipe', 'ignore', 'inherit'] });
  const server = await startServer(binary, databaseUrl, ['--no-demo']);
  try {
    const base = `http://127.0.0.1:${server.port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-quotations-2026' }),
    });
    const headers = {
      'Content-Type': 'application/json',
      Cookie: login.headers.get('set-cookie').split(';')[0],
      'X-CSRF-Token': (await login.json()).csrf_token,
    };
    const post = async (resource, body) => {
      const response = await fetch(`${base}/${resource}`, { method: 'POST', headers, body: JSON.stringify(body) });
      const answer = await response.json();
      if (response.status !== 201) throw new Error(`${resource}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const products = [];
    for (const [index, price] of ['100.00', '12.34', '0.99', '250.50', '7.77'].entries()) {
      products.push((await post('products', { name: `Bench product ${index}`, list_price: { amount: price, currency: 'EUR' } })).id);
    }
    await post('tax_rules', { name: 'VAT', rate: '19' });
    const customer = (await post('accounts', { name: 'Bench Customer', currency: 'EUR' })).id;

    let created = 0;
    let errors = 0;
    const latencies = [];
    const end = Date.now() + seconds * 1000;
    const client = async (c) => {
      for (let n = 0; Date.now() < end; n += 1) {
        const started = process.hrtime.bigint();
        try {
          const lines = products.map((product, index) => ({ product_id: product, quantity: String(((c + n + index) % 9) + 1) }));
          const quotation = await post('quotations', { account_id: customer, lines });
          if (quotation.line_count !== products.length) throw new Error(`${quotation.line_count} lines saved`);
          created += 1;
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        } catch (error) {
          errors += 1;
          if (errors <= 3) log(`${label}: ${error.message}`);
        }
      }
    };
    const began = Date.now();
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    const elapsed = (Date.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
    const result = {
      database: label, clients, seconds: Number(elapsed.toFixed(1)), quotations: created, errors,
      quotations_per_second: Math.round(created / elapsed), lines_per_second: Math.round((created * products.length) / elapsed),
      p50_ms: Number(at(0.5).toFixed(1)), p99_ms: Number(at(0.99).toFixed(1)),
    };
    log(`${label}: ${result.quotations_per_second} quotations/s (${result.lines_per_second} lines/s), ${errors} errors, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms`);
    return result;
  } finally {
    await server.stop();
  }
}

const results = [await measure('SQLite', `sqlite:${path.join(work, 'bench.db')}`)];
// Beside the work folder, not in it: the postgres user must reach it (mkdtemp makes 0700).
const pgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-bench-pg-'));
try {
  const url = execFileSync(path.join(root, 'scripts/pg-test-server'), ['start', pgDir]).toString().trim();
  results.push(await measure('PostgreSQL', url));
} catch (error) {
  log(`PostgreSQL skipped: ${error.message.split('\n')[0]}`);
} finally {
  try { execFileSync(path.join(root, 'scripts/pg-test-server'), ['stop', pgDir], { stdio: 'ignore' }); } catch { /* not started */ }
  fs.rmSync(work, { recursive: true, force: true });
}

fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/quotations.json'),
  `${JSON.stringify({ date: new Date().toISOString(), cores: os.cpus().length, results }, null, 1)}\n`);
let commit = 'unknown';
try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(); } catch { /* no git */ }
const rows = results.map((r) => `| ${r.database} | ${r.clients} | ${r.quotations} | ${r.quotations_per_second} | ${r.lines_per_second} | ${r.errors} | ${r.p50_ms} | ${r.p99_ms} | ${r.database === 'SQLite' ? (r.quotations_per_second >= 1000 && r.errors === 0 ? 'met' : 'not met') : 'reported'} |`);
const section = `
Measured ${new Date().toISOString()} at commit ${commit} by \`bench/quotations.mjs\` with \`${path.relative(root, binary)}\`
(${os.cpus().length} cores, client and server on the same machine): ${clients} clients for ${seconds} s, each creating
quotations for one customer — each one POST of the quotation with its five lines, each line priced by the pricing
function (list price, tax rule) and the quotation's totals computed once, in one durable transaction. Goal (issue 8): at least 1,000
quotations/s on SQLite with 0 errors.

| database | clients | quotations | quotations/s | lines/s | errors | p50 ms (whole quotation) | p99 ms | goal |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |
${rows.join('\n')}
`;
const file = path.join(root, 'bench/RESULTS.md');
let text = fs.readFileSync(file, 'utf8');
if (!text.includes('<!-- quotations:begin -->')) text += '\n## Quotations\n\n<!-- quotations:begin -->\n<!-- quotations:end -->\n';
text = text.replace(/<!-- quotations:begin -->[\s\S]*?<!-- quotations:end -->/, () => `<!-- quotations:begin -->\n${section}\n<!-- quotations:end -->`);
fs.writeFileSync(file, text);
log('wrote bench/results/quotations.json and the quotations section of bench/RESULTS.md');
