// A randomized consistency test: thousands of interleaved creates, patches, archives,
// restores and bulk writes against a real server, checked against a model of what the
// accounts must be. The seed is printed; the same seed replays the same run.
//   node tests/random/run.mjs --binary build-test/atrium --database sqlite|postgresql [--pg-dir DIR]
//                             [--seed N] [--operations 10000]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { Report } from '../lib/report.mjs';
import { binary, option, root } from '../lib/options.mjs';
import { startServer } from '../lib/server.mjs';

const backend = option('database', 'sqlite');
const seed = Number(option('seed', String(Date.now() % 1_000_000)));
const operations = Number(option('operations', '10000'));
const report = new Report(`[${backend}] `);
console.log(`# seed ${seed} (replay with --seed ${seed})`);

// mulberry32: small, fast, and the same sequence everywhere for a seed.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (items) => items[Math.floor(random() * items.length)];
const areas = ['north', 'south', 'east', 'west', 'central', 'export'];

function databaseUrl() {
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-random-'));
    return { url: `sqlite:${path.join(dir, 'random.db')}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const url = execFileSync(path.join(root, 'scripts/pg-test-server'), ['createdb', option('pg-dir'), `random_${process.pid}`])
    .toString().trim();
  return { url, cleanup: () => {} };
}

const database = databaseUrl();
// The demo's picklists and logins, without its records: every account is the model's.
execFileSync(binary, ['demo', '--database', database.url, '--users', '0', '--accounts', '0', '--contacts', '0',
  '--products', '0']);
const server = await startServer(binary, database.url, ['--no-demo']);
const base = `http://127.0.0.1:${server.port}`;
const login = await fetch(`${base}/api/v1/auth/login`, {
  method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'demo', password: 'atrium-demo-2026' }),
});
const cookie = login.headers.get('set-cookie').split(';')[0];
const { csrf_token: csrf } = await login.json();
const headers = { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrf };

async function call(method, pathName, body) {
  const response = await fetch(base + pathName, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// The model: what every account must be.
const model = new Map();  // id → {code, name, area, version, archived}
let serial = 0;
const problems = [];
function expect(condition, message) {
  if (!condition && problems.length < 20) problems.push(message);
}
function newAccount() {
  serial += 1;
  return { code: `R-${seed}-${serial}`, name: `Random ${serial} tok${serial}x`, area: pick(areas) };
}
function remember(record) {
  model.set(record.id, { code: record.code, name: record.name, area: record.area, version: record.version,
                         archived: record.archived_at !== null });
}
const live = () => [...model.entries()].filter(([, a]) => !a.archived);
const archived = () => [...model.entries()].filter(([, a]) => a.archived);

async function operate() {
  const roll = random();
  if (roll < 0.35 || model.size === 0) {
    const account = newAccount();
    const created = await call('POST', '/api/v1/accounts', account);
    expect(created.status === 201, `create answered ${created.status}`);
    if (created.status === 201) remember(created.body);
  } else if (roll < 0.6 && live().length) {
    const [id, current] = pick(live());
    const change = random() < 0.5 ? { area: pick(areas) } : { name: `${current.name.split(' tok')[0]} tok${id.slice(-6)}r${serial}` };
    // Now and then a stale version, which must be refused and change nothing.
    const stale = random() < 0.1;
    const patched = await call('PATCH', `/api/v1/accounts/${id}`, { ...change, version: stale ? current.version - 1 : current.version });
    if (stale) expect(patched.status === 412, `a stale patch answered ${patched.status}`);
    else {
      expect(patched.status === 200, `patch answered ${patched.status} ${JSON.stringify(patched.body)}`);
      if (patched.status === 200) remember(patched.body);
    }
  } else if (roll < 0.7 && live().length) {
    const [id] = pick(live());
    const done = await call('POST', `/api/v1/accounts/${id}/archive`);
    expect(done.status === 200, `archive answered ${done.status}`);
    if (done.status === 200) remember(done.body);
  } else if (roll < 0.75 && archived().length) {
    const [id] = pick(archived());
    const done = await call('POST', `/api/v1/accounts/${id}/restore`);
    expect(done.status === 200, `restore answered ${done.status}`);
    if (done.status === 200) remember(done.body);
  } else if (roll < 0.87) {
    const items = [];
    const count = 1 + Math.floor(random() * 5);
    const poisoned = random() < 0.2;
    for (let i = 0; i < count; i += 1) {
      if (random() < 0.5 && live().length) {
        const [id, current] = pick(live());
        if (items.some((item) => item.id === id)) continue;
        items.push({ op: 'update', id, version: current.version, data: { area: pick(areas) } });
      } else {
        items.push({ op: 'create', data: newAccount() });
      }
    }
    if (poisoned) items.push({ op: 'create', data: { name: '' } });  // fails: the whole batch must not land
    const done = await call('POST', '/api/v1/accounts/bulk', { items });
    if (poisoned) expect(done.status === 422, `a poisoned batch answered ${done.status}`);
    else {
      expect(done.status === 200, `bulk answered ${done.status} ${JSON.stringify(done.body)}`);
      if (done.status === 200) for (const record of done.body.data) remember(record);
    }
  } else {
    const [id, expected] = pick([...model.entries()]);
    const got = await call('GET', `/api/v1/accounts/${id}`);
    expect(got.status === 200 && got.body.version === expected.version && got.body.area === expected.area &&
      got.body.name === expected.name && (got.body.archived_at !== null) === expected.archived,
    `get ${id} disagrees with the model: ${JSON.stringify(got.body)} vs ${JSON.stringify(expected)}`);
  }
}

async function checkLists() {
  for (const area of areas) {
    const expected = live().filter(([, a]) => a.area === area).length;
    const listed = await call('GET', `/api/v1/accounts?filter=${encodeURIComponent(`area eq "${area}"`)}&count=true&limit=1`);
    expect(listed.body.total === expected, `count of ${area}: ${listed.body.total}, model ${expected}`);
  }
  // Every live account, page by page in name order, exactly once.
  const seen = [];
  let cursor = null;
  do {
    const page = await call('GET', `/api/v1/accounts?sort=name&limit=97&fields=name${cursor ? `&cursor=${cursor}` : ''}`);
    for (const record of page.body.data) seen.push(record.id);
    cursor = page.body.next_cursor;
  } while (cursor);
  const expectedIds = live().map(([id]) => id).sort();
  expect(JSON.stringify([...seen].sort()) === JSON.stringify(expectedIds),
    `paging saw ${seen.length} records, the model has ${expectedIds.length}`);
  expect(new Set(seen).size === seen.length, 'paging returned a record twice');
}

async function checkSearchAndHistory(sample) {
  for (const [id, account] of sample) {
    const token = account.name.split(' ').pop();
    const found = await call('GET', `/api/v1/search?q=${encodeURIComponent(token)}&entities=accounts&limit=50`);
    const hit = found.body.data.some((item) => item.id === id);
    expect(hit === !account.archived, `search for ${token}: found ${hit}, archived ${account.archived}`);
    const history = await call('GET', `/api/v1/accounts/${id}/history`);
    expect(history.body.data.length === account.version, `history of ${id}: ${history.body.data.length} entries, version ${account.version}`);
  }
}

const started = Date.now();
for (let n = 1; n <= operations; n += 1) {
  await operate();
  if (n % 2500 === 0) {
    await checkLists();
    await checkSearchAndHistory([...model.entries()].slice(-20));
  }
}
await checkLists();
await checkSearchAndHistory([...model.entries()].filter(() => random() < 0.05).slice(0, 100));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length === 0) report.ok(`${operations} random operations (seed ${seed}) agree with the model in ${seconds} s`);
else report.notOk(`${operations} random operations (seed ${seed})`, problems.join('\n'));

const verify = execFileSync(binary, ['audit', 'verify', '--database', database.url]).toString();
if (verify.includes('intact')) report.ok('the audit trail of the run verifies');
else report.notOk('the audit trail of the run verifies', verify);

const stopped = await server.stop();
if (stopped.code === 0 && !stopped.sanitizerReport) report.ok('the server stops cleanly');
else report.notOk('the server stops cleanly', stopped.output.slice(-2000));
database.cleanup();
report.finish();
