// Whole-binary tests: what only a real process over real sockets can show — timeouts,
// graceful shutdown, event streams, TLS, the command line, backup and restore across
// both databases.
//   node tests/server/run.mjs --binary build-test/atrium --pg-dir DIR
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { rawExchange, request } from '../lib/http.mjs';
import { Report } from '../lib/report.mjs';
import { binary, option, root } from '../lib/options.mjs';
import { startServer } from '../lib/server.mjs';

const pgDir = option('pg-dir');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-server-'));
const report = new Report();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let databases = 0;

function sqliteUrl() {
  databases += 1;
  return `sqlite:${path.join(work, `db${databases}.db`)}`;
}

function postgresUrl() {
  databases += 1;
  return execFileSync(path.join(root, 'scripts/pg-test-server'), ['createdb', pgDir, `server_${process.pid}_${databases}`])
    .toString().trim();
}

function atrium(args, { input, env } = {}) {
  const result = spawnSync(binary, args, { input, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOk(result, what) {
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}): ${result.stdout}${result.stderr}`);
  return result;
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function withServer(url, args, body, options) {
  const server = await startServer(binary, url, args, options);
  try {
    await body(server);
  } finally {
    const stopped = await server.stop();
    assert(stopped.code === 0 && !stopped.sanitizerReport, `server did not stop cleanly: ${stopped.code}\n${stopped.output.slice(-2000)}`);
  }
}

function checksums(url, extra = []) {
  const out = expectOk(atrium(['checksum', '--database', url, ...extra]), 'checksum').stdout.trim();
  return Object.fromEntries(out.split('\n').map((line) => {
    const [table, rows, digest] = line.split(' ');
    return [table, { rows: Number(rows), digest }];
  }));
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// --- transport ---------------------------------------------------------------------

await report.check('a client trickling its request head is dropped, others are served meanwhile', async () => {
  // Generous margins: the bounds hold on a loaded machine, and still fail if slow
  // clients block others or are never dropped.
  await withServer(sqliteUrl(), ['--no-demo', '--header-timeout-ms', '1500'], async (server) => {
    const slow = net.connect({ host: '127.0.0.1', port: server.port });
    const closedAt = new Promise((resolve) => slow.on('close', () => resolve(Date.now())));
    slow.on('error', () => {});
    const started = Date.now();
    slow.write('GET /healthz HTTP/1.1\r\n');
    const trickle = setInterval(() => slow.write('X'), 100);
    const fast = await request(server.port, 'GET', '/healthz');
    assert(fast.status === 200, `a normal client got ${fast.status}`);
    assert(Date.now() - started < 1200, 'the normal client waited for the slow one');
    const closed = await Promise.race([closedAt, sleep(8000).then(() => null)]);
    clearInterval(trickle);
    assert(closed !== null, 'the trickling client was never dropped');
    assert(closed - started >= 1400 && closed - started < 6000, `dropped after ${closed - started} ms, expected ~1500`);
  });
});

await report.check('SIGTERM lets an in-flight request finish, then exits 0', async () => {
  const server = await startServer(binary, sqliteUrl(), ['--no-demo']);
  const socket = net.connect({ host: '127.0.0.1', port: server.port });
  let answer = '';
  socket.on('data', (data) => (answer += data));
  socket.on('error', () => {});
  const body = '{"username":"demo","password":"slow-body-password"}';
  socket.write(`POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
  socket.write(body.slice(0, 10));
  await sleep(300);
  server.child.kill('SIGTERM');
  await sleep(300);
  const refused = await new Promise((resolve) => {
    const probe = net.connect({ host: '127.0.0.1', port: server.port });
    probe.on('connect', () => { probe.destroy(); resolve(false); });
    probe.on('error', () => resolve(true));
  });
  socket.write(body.slice(10));
  const stopped = await server.stop();
  assert(refused, 'a new connection was accepted after SIGTERM');
  assert(/^HTTP\/1\.1 401/.test(answer), `the in-flight request got no answer: ${JSON.stringify(answer.slice(0, 200))}`);
  assert(stopped.code === 0 && !stopped.sanitizerReport, `exit ${stopped.code} ${stopped.signal}: ${stopped.output.slice(-1500)}`);
});

await report.check('the event stream sends the envelope, heartbeats, and closes on shutdown', async () => {
  const server = await startServer(binary, sqliteUrl(), ['--no-demo', '--sse-heartbeat-ms', '200']);
  const socket = net.connect({ host: '127.0.0.1', port: server.port });
  let received = '';
  socket.on('data', (data) => (received += data));
  const closed = new Promise((resolve) => socket.on('close', resolve));
  socket.write('GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n');
  await sleep(1500);
  const metrics = await request(server.port, 'GET', '/metrics');
  server.child.kill('SIGTERM');
  await Promise.race([closed, sleep(5000)]);
  const stopped = await server.stop();
  assert(/content-type: text\/event-stream/i.test(received), 'not an event stream');
  assert(received.includes('event: connected'), 'no connected event');
  const heartbeats = received.match(/event: heartbeat\r?\ndata: (\{.*\})/g) ?? [];
  assert(heartbeats.length >= 2, `expected at least 2 heartbeats in 1500 ms, got ${heartbeats.length}`);
  const envelope = JSON.parse(received.match(/event: heartbeat\ndata: (\{.*\})/)[1]);
  for (const key of ['type', 'entity', 'id', 'at', 'payload']) assert(key in envelope, `envelope lacks ${key}`);
  assert(envelope.type === 'heartbeat' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(envelope.at), JSON.stringify(envelope));
  assert(/atrium_event_streams 1\b/.test(metrics.body), 'metrics do not count the open stream');
  assert(stopped.code === 0, `exit ${stopped.code}`);
});

await report.check("a signed-in stream carries its user's notifications, and no one else's", async () => {
  const server = await startServer(binary, sqliteUrl(), ['--sse-heartbeat-ms', '200']);
  const json = (answer) => JSON.parse(answer.body.toString());
  const signIn = async (username) => {
    const answer = await request(server.port, 'POST', '/api/v1/auth/login', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'atrium-demo-2026' }),
    });
    assert(answer.status === 200, `${username} signs in: ${answer.status}`);
    const cookie = /atrium_session=([0-9a-f]{64})/.exec(answer.headers['set-cookie'])[1];
    return { cookie: `atrium_session=${cookie}`, csrf: json(answer).csrf_token };
  };
  const openStream = (cookie) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    const stream = { text: '', socket };
    socket.on('data', (data) => (stream.text += data));
    socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n${cookie ? `Cookie: ${cookie}\r\n` : ''}\r\n`);
    return stream;
  };
  try {
    const demo = await signIn('demo');
    const lead = await signIn('sales.lead');
    const me = json(await request(server.port, 'GET', '/api/v1/auth/me', { headers: { Cookie: demo.cookie } }));
    const demoStream = openStream(demo.cookie);
    const leadStream = openStream(lead.cookie);
    const anonymousStream = openStream(undefined);
    await sleep(500);
    const write = (method, target, body) => request(server.port, method, target, {
      headers: { Cookie: lead.cookie, 'X-CSRF-Token': lead.csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const task = json(await write('POST', '/api/v1/tasks', { title: 'Count the samples' }));
    const assigned = await write('PUT', `/api/v1/tasks/${task.id}/assignees`, { user_ids: [me.user.id] });
    assert(assigned.status === 200, `assigning: ${assigned.status} ${assigned.body}`);
    await sleep(1000);
    for (const stream of [demoStream, leadStream, anonymousStream]) stream.socket.destroy();
    const frames = demoStream.text.match(/event: notification\r?\ndata: (\{.*\})/g) ?? [];
    assert(frames.length === 1, `the assignee's stream got ${frames.length} notifications`);
    const envelope = JSON.parse(/data: (\{.*\})/.exec(frames[0])[1]);
    assert(envelope.payload.title === 'Lena Lead assigned you: Count the samples' && envelope.payload.record_id === task.id,
      JSON.stringify(envelope));
    assert(!leadStream.text.includes('event: notification'), "another user's stream got the notification");
    assert(!anonymousStream.text.includes('event: notification'), 'a stream without a session got the notification');
    assert(anonymousStream.text.includes('event: heartbeat'), 'the stream without a session got no heartbeat');
  } finally {
    const stopped = await server.stop();
    assert(stopped.code === 0 && !stopped.sanitizerReport, `exit ${stopped.code}: ${stopped.output.slice(-1500)}`);
  }
});

await report.check('a taken port is one line naming --port, exit 1', async () => {
  await withServer(sqliteUrl(), ['--no-demo'], async (server) => {
    const result = atrium(['serve', '--database', sqliteUrl(), '--no-demo', '--port', String(server.port)]);
    assert(result.code === 1, `exit ${result.code}`);
    const lines = result.stderr.trim().split('\n');
    assert(lines.length === 1 && lines[0].includes('--port') && lines[0].includes('in use'), `stderr: ${result.stderr}`);
  });
});

await report.check('HTTPS with --tls-cert/--tls-key, and the session cookie turns Secure with __Host-', async () => {
  const key = path.join(work, 'key.pem');
  const cert = path.join(work, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1',
    '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  await withServer(sqliteUrl(), ['--tls-cert', cert, '--tls-key', key], async (server) => {
    const call = (method, pathName, body) => new Promise((resolve, reject) => {
      const req = https.request({ host: '127.0.0.1', port: server.port, method, path: pathName, rejectUnauthorized: false,
        headers: body ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } : {} }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      });
      req.on('error', reject);
      req.end(body);
    });
    const health = await call('GET', '/healthz');
    assert(health.status === 200, `healthz over TLS: ${health.status}`);
    const login = await call('POST', '/api/v1/auth/login', '{"username":"demo","password":"atrium-demo-2026"}');
    assert(login.status === 200, `login over TLS: ${login.status} ${login.body}`);
    const cookie = String(login.headers['set-cookie']);
    assert(cookie.startsWith('__Host-atrium_session=') && cookie.includes('Secure') && cookie.includes('HttpOnly'), cookie);
    const plain = await rawExchange(server.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n').catch(() => ({ status: 0 }));
    assert(plain.status !== 200, 'plain HTTP was answered on the TLS port');
  });
});

// --- numbering ---------------------------------------------------------------------------

// The demo administrator's session cookie and CSRF token on a server at `base`.
async function signInAsDemo(base) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'demo', password: 'atrium-demo-2026' }),
  });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await login.json();
  return { cookie, csrf };
}

async function concurrentNumbers(url) {
  await withServer(url, [], async (server) => {
    const base = `http://127.0.0.1:${server.port}`;
    const { cookie, csrf } = await signInAsDemo(base);
    const create = (n) => fetch(`${base}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify({ name: `Concurrent ${n}` }),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const results = await Promise.all(Array.from({ length: 40 }, (_, n) => create(n)));
    const failed = results.filter((r) => r.status !== 201);
    assert(failed.length === 0, `creates failed: ${JSON.stringify(failed[0])}`);
    const counters = results.map((r) => Number(r.body.code.split('-').pop())).sort((a, b) => a - b);
    assert(counters.every((value, index) => value === index + 1), `not 1..40 without gaps: ${counters}`);
  });
}

await report.check('numbers from a series are unique and gap-free under concurrent creates (SQLite)', async () => {
  await concurrentNumbers(sqliteUrl());
});

if (pgDir) {
  await report.check('numbers from a series are unique and gap-free under concurrent creates (PostgreSQL)', async () => {
    await concurrentNumbers(postgresUrl());
  });
}

// --- quotations under load ----------------------------------------------------------------

// 16 clients at once each write quotations of 5 lines for one customer and the same
// products: every write succeeds, the numbers are unique and gap-free, and every total is
// exactly what the lines' list prices and the demo's 19% tax make.
async function concurrentQuotations(url) {
  await withServer(url, [], async (server) => {
    const base = `http://127.0.0.1:${server.port}`;
    const { cookie, csrf } = await signInAsDemo(base);
    const post = (resource, body) => fetch(`${base}/api/v1/${resource}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf },
      body: JSON.stringify(body),
    }).then(async (response) => ({ status: response.status, body: await response.json() }));
    const get = (resource) => fetch(`${base}/api/v1/${resource}`, { headers: { Cookie: cookie } }).then((r) => r.json());

    // Prices in cents; no product group, so only the demo's general 19% tax applies.
    const prices = [10000, 1234, 99, 25050, 777];
    const products = [];
    for (const [index, cents] of prices.entries()) {
      const created = await post('products', {
        name: `Load product ${index}`,
        list_price: { amount: (cents / 100).toFixed(2), currency: 'EUR' },
      });
      assert(created.status === 201, `product: ${JSON.stringify(created.body)}`);
      products.push(created.body.id);
    }
    const customer = await post('accounts', { name: 'Load Customer', currency: 'EUR' });
    assert(customer.status === 201, `account: ${JSON.stringify(customer.body)}`);

    const clients = 16;
    const perClient = 6;
    const expected = new Map();
    const failures = [];
    // Half the clients send each quotation with its lines in one request, half line by line.
    const client = async (c) => {
      for (let q = 0; q < perClient; q += 1) {
        const quantities = products.map((_, index) => ((c + q + index) % 7) + 1);
        let total = 0;
        for (const [index, quantity] of quantities.entries()) {
          const net = quantity * prices[index];
          total += net + Math.floor((net * 19 + 50) / 100);  // tax rounded half up to the cent
        }
        const together = c % 2 === 0;
        const lines = products.map((product, index) => ({ product_id: product, quantity: String(quantities[index]) }));
        const quotation = await post('quotations', together ? { account_id: customer.body.id, lines } : { account_id: customer.body.id });
        if (quotation.status !== 201) { failures.push(quotation.body); continue; }
        if (!together) {
          for (const line of lines) {
            const made = await post('quotation_lines', { quotation_id: quotation.body.id, ...line });
            if (made.status !== 201) failures.push(made.body);
          }
        }
        expected.set(quotation.body.id, { number: quotation.body.number, total });
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    assert(failures.length === 0, `${failures.length} writes failed, the first: ${JSON.stringify(failures[0])}`);

    const counters = [...expected.values()].map((q) => Number(q.number.split('-').pop())).sort((a, b) => a - b);
    assert(counters.length === clients * perClient && counters.every((value, index) => value === index + 1),
      `numbers not 1..${clients * perClient} without gaps: ${counters}`);
    for (const [id, { total }] of expected) {
      const quotation = await get(`quotations/${id}`);
      const want = (total / 100).toFixed(2);
      assert(quotation.total.amount === want && quotation.line_count === products.length,
        `quotation ${quotation.number}: total ${quotation.total.amount}, expected ${want}; ${quotation.line_count} lines`);
    }
  });
}

await report.check('16 clients writing quotations at once: no errors, gap-free numbers, exact totals (SQLite)', async () => {
  await concurrentQuotations(sqliteUrl());
});

if (pgDir) {
  await report.check('16 clients writing quotations at once: no errors, gap-free numbers, exact totals (PostgreSQL)', async () => {
    await concurrentQuotations(postgresUrl());
  });
}

// --- configuration -------------------------------------------------------------------

await report.check('the port comes from ATRIUM_PORT, a config file beats it, a flag beats both', async () => {
  const [envPort, filePort] = [await freePort(), await freePort()];
  const config = path.join(work, 'atrium.toml');
  fs.writeFileSync(config, `[serve]\nport = ${filePort}\n`);
  // startServer passes --port 0 itself; these runs need the port unset, so they go direct.
  const run = async (args, env) => {
    const child = spawn(binary, [...args, 'serve', '--database', sqliteUrl(), '--no-demo', '--no-access-log'], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    for (let i = 0; i < 300 && !/serving/.test(out); i += 1) await sleep(20);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    const found = out.match(/127\.0\.0\.1:(\d+)\//);
    if (!found) throw new Error(`no port in: ${out}`);
    return Number(found[1]);
  };
  assert((await run([], { ATRIUM_PORT: String(envPort) })) === envPort, 'ATRIUM_PORT ignored');
  assert((await run(['--config', config], { ATRIUM_PORT: String(envPort) })) === filePort, 'the config file did not beat the environment');
  const flagged = await (async () => {
    const server = await startServer(binary, sqliteUrl(), ['--no-demo'], { env: { ATRIUM_PORT: String(envPort), ATRIUM_CONFIG: config } });
    await server.stop();
    return server.port;
  })();
  assert(flagged !== envPort && flagged !== filePort, 'the --port flag did not win');
});

// --- command line --------------------------------------------------------------------

await report.check('version prints the version', async () => {
  const result = expectOk(atrium(['version']), 'version');
  assert(/^atrium \d+\.\d+\.\d+\n$/.test(result.stdout), result.stdout);
});

await report.check('migrate is idempotent', async () => {
  const url = sqliteUrl();
  const first = expectOk(atrium(['migrate', '--database', url]), 'migrate');
  const second = expectOk(atrium(['migrate', '--database', url]), 'migrate again');
  assert(/applied [1-9]\d* migration/.test(first.stdout), first.stdout);
  assert(/applied 0 migration/.test(second.stdout), second.stdout);
});

await report.check('user add reads the password from stdin, and that user can sign in', async () => {
  const url = sqliteUrl();
  expectOk(atrium(['user', 'add', '--database', url, '--username', 'Alice', '--password-stdin', '--admin'],
    { input: 'correct horse battery\n' }), 'user add');
  const duplicate = atrium(['user', 'add', '--database', url, '--username', 'alice', '--password-stdin'], { input: 'another long password\n' });
  assert(duplicate.code === 1 && duplicate.stderr.includes('UNIQUE_VIOLATION'), `duplicate: ${duplicate.stderr}`);
  const short = atrium(['user', 'add', '--database', url, '--username', 'bob', '--password-stdin'], { input: 'short\n' });
  assert(short.code === 1 && short.stderr.includes('PASSWORD_TOO_SHORT'), `short: ${short.stderr}`);
  const noFlag = atrium(['user', 'add', '--database', url, '--username', 'carol', '--password', 'x'.repeat(20)]);
  assert(noFlag.code !== 0, 'a password on the command line was accepted');
  await withServer(url, ['--no-demo'], async (server) => {
    const body = '{"username":"ALICE","password":"correct horse battery"}';
    const login = await request(server.port, 'POST', '/api/v1/auth/login', { headers: { 'Content-Type': 'application/json' }, body });
    assert(login.status === 200 && JSON.parse(login.body).user.is_admin === true, `login: ${login.status} ${login.body}`);
  });
});

await report.check('user add --role gives roles, and refuses an unknown one', async () => {
  const url = sqliteUrl();
  expectOk(atrium(['demo', '--database', url, '--users', '0', '--accounts', '30', '--contacts', '0', '--products', '0']), 'demo');
  const unknown = atrium(['user', 'add', '--database', url, '--username', 'nora', '--password-stdin', '--role', 'no-such-role'],
    { input: 'a long enough passphrase\n' });
  assert(unknown.code === 1 && unknown.stderr.includes('LINK_NOT_FOUND'), `unknown role: ${unknown.stderr}`);
  expectOk(atrium(['user', 'add', '--database', url, '--username', 'nora', '--password-stdin', '--role', 'sales'],
    { input: 'a long enough passphrase\n' }), 'user add --role');
  await withServer(url, ['--no-demo'], async (server) => {
    const login = await request(server.port, 'POST', '/api/v1/auth/login', { headers: { 'Content-Type': 'application/json' },
      body: '{"username":"nora","password":"a long enough passphrase"}' });
    assert(login.status === 200, `login: ${login.status} ${login.body}`);
    const cookie = login.headers['set-cookie'].split(';')[0];
    // The role's rule is `area in user.areas` and nora has no areas yet: no account.
    const list = await request(server.port, 'GET', '/api/v1/accounts?count=true', { headers: { Cookie: cookie } });
    assert(list.status === 200 && JSON.parse(list.body).total === 0, `accounts: ${list.status} ${list.body}`);
    const products = await request(server.port, 'GET', '/api/v1/products?count=true', { headers: { Cookie: cookie } });
    assert(products.status === 200, `products: ${products.status}`);
  });
});

await report.check('demo data is deterministic, ids included, and loads once', async () => {
  const [a, b] = [sqliteUrl(), sqliteUrl()];
  expectOk(atrium(['demo', '--database', a, '--users', '1200']), 'demo a');
  expectOk(atrium(['demo', '--database', b, '--users', '1200']), 'demo b');
  const again = expectOk(atrium(['demo', '--database', a, '--users', '1200']), 'demo again');
  assert(again.stdout.includes('nothing done'), again.stdout);
  // Password hashes are salted: equal inputs must give different hashes.
  const ignore = ['--ignore-column', 'users.password_hash'];
  const [sumA, sumB] = [checksums(a, ignore), checksums(b, ignore)];
  assert(checksums(a).users.digest !== checksums(b).users.digest, 'password hashes are not salted');
  // 1,200 generated, two administrators and the three people of the demo's access control
  assert(sumA.users.rows === 1205, `users: ${sumA.users.rows}`);
  assert(sumA.users.digest === sumB.users.digest, 'two demo loads differ');
});

await report.check('audit verify finds an edited and a deleted entry, and passes an intact trail', async () => {
  const url = sqliteUrl();
  expectOk(atrium(['demo', '--database', url, '--accounts', '20', '--contacts', '20', '--products', '5']), 'demo');
  const intact = atrium(['audit', 'verify', '--database', url]);
  assert(intact.code === 0 && intact.stdout.includes('intact'), `intact trail: ${intact.stdout}${intact.stderr}`);
  const file = url.slice('sqlite:'.length);
  execFileSync('sqlite3', [file, "UPDATE audit_log SET changes = replace(changes, '\"new\":\"', '\"new\":\"X') WHERE sequence = 10"]);
  const edited = atrium(['audit', 'verify', '--database', url]);
  assert(edited.code === 1 && /entry 10 of \w+ \w+ was altered/.test(edited.stdout), `edited: ${edited.stdout}`);
  execFileSync('sqlite3', [file, 'DELETE FROM audit_log WHERE sequence = 20']);
  const deleted = atrium(['audit', 'verify', '--database', url]);
  assert(deleted.code === 1 && /has no audit entries/.test(deleted.stdout), `deleted: ${deleted.stdout}`);
});

// --- authentication ------------------------------------------------------------------

const json = { 'Content-Type': 'application/json' };
const login = (port, username, password, extra = {}) =>
  request(port, 'POST', '/api/v1/auth/login', { headers: json, body: JSON.stringify({ username, password, ...extra }) });

// RFC 6238 with HMAC-SHA1, 30-second steps, 6 digits, as an authenticator app computes it.
function totp(secretBase32, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = crypto.createHmac('sha1', key).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 1000000;
  return String(value).padStart(6, '0');
}

await report.check('120 wrong passwords in a row: 401s, then 429 with Retry-After, never a 5xx', async () => {
  await withServer(sqliteUrl(), [], async (server) => {
    const statuses = [];
    for (let i = 0; i < 120; i += 1) {
      const answer = await login(server.port, 'demo', `wrong password number ${i}`);
      statuses.push(answer.status);
      if (answer.status === 429) {
        assert(/^\d+$/.test(answer.headers['retry-after'] ?? '') && Number(answer.headers['retry-after']) <= 900,
          `Retry-After: ${answer.headers['retry-after']}`);
        assert(JSON.parse(answer.body).error.code === 'TOO_MANY_ATTEMPTS', answer.body);
      }
    }
    const firstLocked = statuses.indexOf(429);
    assert(statuses.every((status) => status === 401 || status === 429), `statuses: ${statuses.join(' ')}`);
    assert(firstLocked === 10 && statuses.slice(firstLocked).every((status) => status === 429), `statuses: ${statuses.join(' ')}`);
    // Locked even with the right password, and without a session.
    const right = await login(server.port, 'demo', 'atrium-demo-2026');
    assert(right.status === 429 && !right.headers['set-cookie'], `right password while locked: ${right.status}`);
    // A parallel flood of unknown names from one address meets the per-address limit.
    const flood = await Promise.all(Array.from({ length: 60 }, (_, i) => login(server.port, `nobody${i}`, 'wrong password here')));
    const floodStatuses = flood.map((answer) => answer.status);
    assert(floodStatuses.every((status) => status === 401 || status === 429), `flood: ${floodStatuses.join(' ')}`);
    const after = await login(server.port, 'someone-new', 'wrong password here');
    assert(after.status === 429, `after the flood: ${after.status}`);
    const other = await login(server.port, 'manager', 'atrium-demo-2026');
    assert(other.status === 429, `the address is locked for every name: ${other.status}`);
  });
});

await report.check('TOTP: set up, enable, TOTP_REQUIRED without a code, a code works once, recovery codes once; audit verify passes', async () => {
  const url = sqliteUrl();
  await withServer(url, [], async (server) => {
    const first = await login(server.port, 'demo', 'atrium-demo-2026');
    const cookie = `atrium_session=${first.headers['set-cookie'].match(/atrium_session=([0-9a-f]+)/)[1]}`;
    const headers = { ...json, Cookie: cookie, 'X-CSRF-Token': JSON.parse(first.body).csrf_token };
    const setup = JSON.parse((await request(server.port, 'POST', '/api/v1/auth/totp/setup', { headers })).body);
    assert(/^[A-Z2-7]{32}$/.test(setup.secret) && setup.otpauth_uri.includes(`secret=${setup.secret}`), JSON.stringify(setup));
    const step = Math.floor(Date.now() / 30000);
    const enabled = await request(server.port, 'POST', '/api/v1/auth/totp/enable', { headers, body: JSON.stringify({ code: totp(setup.secret, step) }) });
    assert(enabled.status === 200, `enable: ${enabled.status} ${enabled.body}`);
    const recovery = JSON.parse(enabled.body).recovery_codes;
    assert(recovery.length === 10 && new Set(recovery).size === 10, enabled.body);

    const missing = await login(server.port, 'demo', 'atrium-demo-2026');
    assert(missing.status === 401 && JSON.parse(missing.body).error.code === 'TOTP_REQUIRED' && !missing.headers['set-cookie'],
      `without a code: ${missing.status} ${missing.body}`);
    const reused = await login(server.port, 'demo', 'atrium-demo-2026', { totp_code: totp(setup.secret, step) });
    assert(reused.status === 401 && !reused.headers['set-cookie'], `the enabling code again: ${reused.status}`);
    const wrongPassword = await login(server.port, 'demo', 'not the password', { totp_code: totp(setup.secret, step + 1) });
    assert(wrongPassword.status === 401 && JSON.parse(wrongPassword.body).error.code === 'INVALID_CREDENTIALS', wrongPassword.body);
    // The next step's code is inside the ±1 window and newer than the one used.
    const next = await login(server.port, 'demo', 'atrium-demo-2026', { totp_code: totp(setup.secret, step + 1) });
    assert(next.status === 200 && next.headers['set-cookie'], `a fresh code: ${next.status} ${next.body}`);
    const again = await login(server.port, 'demo', 'atrium-demo-2026', { totp_code: totp(setup.secret, step + 1) });
    assert(again.status === 401, `the same code twice: ${again.status}`);
    const byRecovery = await login(server.port, 'demo', 'atrium-demo-2026', { recovery_code: recovery[0].toUpperCase() });
    assert(byRecovery.status === 200, `a recovery code: ${byRecovery.status} ${byRecovery.body}`);
    const recoveryAgain = await login(server.port, 'demo', 'atrium-demo-2026', { recovery_code: recovery[0] });
    assert(recoveryAgain.status === 401, `a recovery code twice: ${recoveryAgain.status}`);
    const disabled = await request(server.port, 'POST', '/api/v1/auth/totp/disable', { headers, body: '{"password":"atrium-demo-2026"}' });
    assert(disabled.status === 204, `disable: ${disabled.status} ${disabled.body}`);
    const plain = await login(server.port, 'demo', 'atrium-demo-2026');
    assert(plain.status === 200, `after disabling: ${plain.status}`);
  });
  const verified = atrium(['audit', 'verify', '--database', url]);
  assert(verified.code === 0 && verified.stdout.includes('intact'), `audit verify: ${verified.stdout}${verified.stderr}`);
  const events = execFileSync('sqlite3', [url.slice('sqlite:'.length),
    "SELECT action FROM audit_log WHERE entity = 'auth' ORDER BY sequence"]).toString().trim().split('\n');
  for (const action of ['login_succeeded', 'totp_enabled', 'login_failed', 'totp_disabled']) {
    assert(events.includes(action), `no ${action} event in ${events.join(', ')}`);
  }
});

await report.check('no password, session token or API token appears in the output or the logs', async () => {
  const url = sqliteUrl();
  const password = 'Sekrit-Passphrase-7f3a91';
  expectOk(atrium(['user', 'add', '--database', url, '--username', 'grace', '--password-stdin'], { input: `${password}\n` }), 'user add');
  const secrets = [password];
  let output = '';
  const server = await startServer(binary, url, ['--no-demo', '--log-format', 'json'], { accessLog: true });
  try {
    await login(server.port, 'grace', `${password}-wrong`);
    const signedIn = await login(server.port, 'grace', password);
    assert(signedIn.status === 200, `login: ${signedIn.status}`);
    const session = signedIn.headers['set-cookie'].match(/atrium_session=([0-9a-f]+)/)[1];
    const csrf = JSON.parse(signedIn.body).csrf_token;
    secrets.push(session, csrf);
    const headers = { ...json, Cookie: `atrium_session=${session}`, 'X-CSRF-Token': csrf };
    const me = await request(server.port, 'GET', '/api/v1/auth/me', { headers });
    assert(me.status === 200, `me: ${me.status}`);
    const created = await request(server.port, 'POST', '/api/v1/auth/tokens', { headers, body: '{"name":"log check"}' });
    const token = JSON.parse(created.body).token;
    assert(created.status === 201 && /^atr_[A-Za-z0-9_-]{40,}$/.test(token), `token: ${created.status} ${created.body}`);
    secrets.push(token);
    const byToken = await request(server.port, 'GET', '/api/v1/auth/sessions', { headers: { Authorization: `Bearer ${token}` } });
    assert(byToken.status === 200, `bearer: ${byToken.status}`);
    await request(server.port, 'GET', '/api/v1/accounts', { headers: { Authorization: `Bearer ${token}x` } });
    const changed = await request(server.port, 'POST', '/api/v1/auth/password', { headers,
      body: JSON.stringify({ current_password: password, new_password: `${password}-new` }) });
    assert(changed.status === 200, `password change: ${changed.status} ${changed.body}`);
    secrets.push(`${password}-new`);
    output = server.output();
  } finally {
    const stopped = await server.stop();
    output = stopped.output;
  }
  assert(/"status":200/.test(output), `the access log was not on: ${output.slice(0, 500)}`);
  const files = fs.readdirSync(work).filter((name) => /\.(log|txt)$/.test(name)).map((name) => fs.readFileSync(path.join(work, name), 'utf8'));
  for (const text of [output, ...files]) {
    for (const secret of secrets) assert(!text.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the logs`);
  }
  // Nor in the audit trail.
  const audit = execFileSync('sqlite3', [url.slice('sqlite:'.length), 'SELECT changes FROM audit_log']).toString();
  for (const secret of secrets) assert(!audit.includes(secret), `a secret (${secret.slice(0, 6)}…) appears in the audit trail`);
});

await report.check('user add refuses a password from the common-password list', async () => {
  const url = sqliteUrl();
  const common = atrium(['user', 'add', '--database', url, '--username', 'winnie', '--password-stdin'], { input: 'WinnieThePooh\n' });
  assert(common.code === 1 && common.stderr.includes('PASSWORD_TOO_COMMON'), `common: ${common.code} ${common.stderr}`);
});

if (pgDir) {
  await report.check('parallel sign-ins and failures of one user on PostgreSQL keep one intact audit chain', async () => {
    const url = postgresUrl();
    await withServer(url, ['--threads', '4'], async (server) => {
      const answers = await Promise.all(Array.from({ length: 16 }, (_, i) =>
        login(server.port, 'demo', i % 4 === 0 ? `wrong password ${i}` : 'atrium-demo-2026')));
      const statuses = answers.map((answer) => answer.status);
      assert(statuses.filter((status) => status === 200).length === 12 && statuses.filter((status) => status === 401).length === 4,
        `statuses: ${statuses.join(' ')}`);
    });
    const verified = atrium(['audit', 'verify', '--database', url]);
    assert(verified.code === 0 && verified.stdout.includes('intact'), `audit verify: ${verified.stdout}${verified.stderr}`);
  });
}

// --- backup and restore --------------------------------------------------------------

await report.check('a backup taken while writes go on is consistent (whole transactions only)', async () => {
  const url = sqliteUrl();
  expectOk(atrium(['migrate', '--database', url]), 'migrate');
  const writer = spawn(binary, ['demo', '--database', url, '--users', '400000'], { stdio: 'ignore' });
  const writerDone = new Promise((resolve) => writer.on('exit', resolve));
  await sleep(1500);
  const file = path.join(work, 'online.backup');
  const backup = atrium(['backup', '--database', url, '--to', file]);
  const stillWriting = writer.exitCode === null;
  await writerDone;
  expectOk(backup, 'backup');
  assert(stillWriting, 'the writer finished before the backup: the test proves nothing');
  const sums = checksums(`sqlite:${file}`);
  // The demo writes the demo login, the manager and the three people of its access
  // control, then users in transactions of 5,000.
  assert(sums.users.rows > 5 && (sums.users.rows - 5) % 5000 === 0, `backup holds ${sums.users.rows} users: a torn transaction`);
  const again = atrium(['backup', '--database', url, '--to', file]);
  assert(again.code === 1 && again.stderr.includes('never overwrites'), 'a backup overwrote a file');
});

if (pgDir) {
  await report.check('SQLite → backup → PostgreSQL: every table compares equal', async () => {
    const source = sqliteUrl();
    expectOk(atrium(['demo', '--database', source, '--users', '300']), 'demo');
    expectOk(atrium(['user', 'add', '--database', source, '--username', 'zoe', '--password-stdin', '--name', 'Zoë Ωμέγα 東京 مرحبا'],
      { input: 'a sufficiently long one\n' }), 'user add');
    const file = path.join(work, 'to-pg.backup');
    expectOk(atrium(['backup', '--database', source, '--to', file]), 'backup');
    const target = postgresUrl();
    expectOk(atrium(['restore', '--database', target, '--from', file]), 'restore');
    const [from, to] = [checksums(source), checksums(target)];
    assert(Object.keys(from).length >= 4, `tables: ${Object.keys(from)}`);
    for (const [table, sum] of Object.entries(from)) {
      assert(to[table]?.digest === sum.digest && to[table].rows === sum.rows, `${table} differs: ${JSON.stringify(sum)} vs ${JSON.stringify(to[table])}`);
    }
    const refused = atrium(['restore', '--database', target, '--from', file]);
    assert(refused.code === 1 && refused.stderr.includes('empty database'), `restore into a full database: ${refused.stderr}`);
  });

  await report.check('PostgreSQL → backup → SQLite: every table compares equal', async () => {
    const source = postgresUrl();
    expectOk(atrium(['demo', '--database', source, '--users', '300']), 'demo');
    const file = path.join(work, 'from-pg.backup');
    expectOk(atrium(['backup', '--database', source, '--to', file]), 'backup');
    const target = sqliteUrl();
    expectOk(atrium(['restore', '--database', target, '--from', file]), 'restore');
    const [from, to] = [checksums(source), checksums(target)];
    for (const [table, sum] of Object.entries(from)) {
      assert(to[table]?.digest === sum.digest, `${table} differs`);
    }
  });
}

fs.rmSync(work, { recursive: true, force: true });
report.finish();
