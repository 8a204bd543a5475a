// Runs the API test files (tests/api/*.test) against a real `atrium serve`, one fresh
// database and server per file.
//
//   node tests/api/run.mjs --binary build-test/atrium --database sqlite [--filter NAME]
//   node tests/api/run.mjs --binary build-test/atrium --database postgresql --pg-dir DIR
//
// File format:
//   ### case name
//   METHOD /path            (or RAW, followed by the bytes to send, escapes \r \n \t \xHH)
//   Header: value
//                           (blank line, then the body; `@body N` sends N bytes of 'x')
//   >>> STATUS [ERROR_CODE]
//   Header: expected substring        (`!Header` means absent)
//   ~ text the body contains
//   !~ text the body must not contain
//   = text                            (the whole body, lines joined; escapes \r \n \t \uXXXX)
//   {"json": "fragment"}              (every key given must match; arrays by index)
//   $ name = json.path                (captures a value for later cases as {{name}})
//   $ name = header Set-Cookie /re(gex)/
//   until json.path = value           (repeats the request until it holds; fails after 60 s)
// `--jobs N` runs N files at once (default 3, or ATRIUM_TEST_JOBS).
// Directives on a line of their own: @demo (demo data), @test-clock (serve --test-clock).
// @extra-definitions: serve --extra-definitions tests/api/definitions (test-only entities).
// A body whose first line is `@escaped` is sent as the bytes of the lines after it, joined
// without line breaks, with the escapes of RAW (\r \n \t \xHH).
// Captured values are substituted into later request lines, headers and bodies.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { rawExchange, request } from '../lib/http.mjs';
import { binary, option, root } from '../lib/options.mjs';
import { Report } from '../lib/report.mjs';
import { startServer } from '../lib/server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const backend = option('database', 'sqlite');
const pgDir = option('pg-dir');
const filter = option('filter');

// Raw bytes with escapes, and generated filler: @@FILL:N@@ is N letters, @@CHUNKS:C:S@@
// is a chunked body of C chunks of S bytes and its terminating chunk.
function unescapeRaw(text) {
  const expanded = text
    .replace(/@@FILL:(\d+)@@/g, (_, n) => 'a'.repeat(Number(n)))
    .replace(/@@CHUNKS:(\d+):(\d+)@@/g, (_, count, size) =>
      `${Number(size).toString(16)}\\r\\n${'y'.repeat(Number(size))}\\r\\n`.repeat(Number(count)) + '0\\r\\n\\r\\n');
  return Buffer.from(
    expanded.replace(/\\r/g, '\r').replace(/\\n/g, '\n').replace(/\\t/g, '\t')
      .replace(/\\x([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

export function parseTestFile(text, file) {
  const cases = [];
  const directives = new Set();
  let current = null;
  let section = 'none';
  for (const [index, line] of text.split('\n').entries()) {
    if (line.startsWith('### ')) {
      current = { name: line.slice(4).trim(), file, line: index + 1, method: '', path: '', headers: {},
                  bodyLines: [], expect: { status: 0, code: null, headers: [], contains: [], jsonLines: [], captures: [], lacks: [], exact: [] } };
      cases.push(current);
      section = 'request-line';
      continue;
    }
    if (!current) {
      if (line.startsWith('@')) directives.add(line.trim());
      continue;
    }
    if (section !== 'body' && section !== 'raw' && line.startsWith('#')) continue;
    if (line.startsWith('>>> ')) {
      const [status, code] = line.slice(4).trim().split(/\s+/);
      current.expect.status = Number(status);
      current.expect.code = code ?? null;
      section = 'expect';
      continue;
    }
    switch (section) {
      case 'request-line': {
        if (!line.trim()) continue;
        const [method, target] = line.trim().split(/\s+/);
        current.method = method;
        current.path = target ?? '';
        section = method === 'RAW' ? 'raw' : 'headers';
        break;
      }
      case 'headers':
        if (!line.trim()) section = 'body';
        else {
          const colon = line.indexOf(':');
          current.headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
        }
        break;
      case 'body':
      case 'raw':
        current.bodyLines.push(line);
        break;
      case 'expect':
        if (!line.trim()) break;
        if (line.startsWith('~ ')) current.expect.contains.push(line.slice(2));
        else if (line.startsWith('!~ ')) current.expect.lacks.push(line.slice(3));
        else if (line.startsWith('= ')) current.expect.exact.push(line.slice(2));
        else if (line.startsWith('$ ')) current.expect.captures.push(line.slice(2).trim());
        else if (line.startsWith('until ')) current.expect.until = line.slice(6).trim();
        else if (/^!?[A-Za-z][A-Za-z0-9-]*:/.test(line) || /^![A-Za-z][A-Za-z0-9-]*$/.test(line.trim())) {
          current.expect.headers.push(line.trim());
        } else current.expect.jsonLines.push(line);
        break;
      default:
        break;
    }
  }
  return { cases, directives };
}

function matchFragment(expected, actual, where = '$') {
  if (expected === null || typeof expected !== 'object') {
    if (expected !== actual) throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) throw new Error(`${where}: expected an array, got ${JSON.stringify(actual)}`);
    expected.forEach((item, i) => matchFragment(item, actual[i], `${where}[${i}]`));
    return;
  }
  if (actual === null || typeof actual !== 'object') throw new Error(`${where}: expected an object, got ${JSON.stringify(actual)}`);
  for (const [key, value] of Object.entries(expected)) matchFragment(value, actual[key], `${where}.${key}`);
}

function substitute(text, variables) {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name) => {
    if (!(name in variables)) throw new Error(`{{${name}}} was never captured`);
    return variables[name];
  });
}

function capture(rule, answer, json, variables) {
  const equals = rule.indexOf('=');
  const name = rule.slice(0, equals).trim();
  const source = rule.slice(equals + 1).trim();
  const fromHeader = source.match(/^header\s+([\w-]+)\s+\/(.*)\/$/);
  if (fromHeader) {
    const found = (answer.headers[fromHeader[1].toLowerCase()] ?? '').match(new RegExp(fromHeader[2]));
    if (!found) throw new Error(`capture ${name}: header ${fromHeader[1]} does not match /${fromHeader[2]}/`);
    variables[name] = found[1] ?? found[0];
    return;
  }
  let value = json;
  for (const key of source.split('.')) value = value?.[key];
  if (value === undefined) throw new Error(`capture ${name}: nothing at ${source}`);
  variables[name] = String(value);
}

async function runCase(port, testCase, variables) {
  testCase = {
    ...testCase,
    path: substitute(testCase.path, variables),
    headers: Object.fromEntries(Object.entries(testCase.headers).map(([k, v]) => [k, substitute(v, variables)])),
    bodyLines: testCase.bodyLines.map((line) => substitute(line, variables)),
    expect: {
      ...testCase.expect,
      until: testCase.expect.until && substitute(testCase.expect.until, variables),
      headers: testCase.expect.headers.map((line) => substitute(line, variables)),
      contains: testCase.expect.contains.map((line) => substitute(line, variables)),
      lacks: testCase.expect.lacks.map((line) => substitute(line, variables)),
      exact: testCase.expect.exact.map((line) => substitute(line, variables)),
      jsonLines: testCase.expect.jsonLines.map((line) => substitute(line, variables)),
    },
  };
  let answer;
  if (testCase.method === 'RAW') {
    answer = await rawExchange(port, unescapeRaw(testCase.bodyLines.join('')));
  } else {
    const bodyText = testCase.bodyLines.join('\n').replace(/\n+$/, '');
    const generated = bodyText.match(/^@body (\d+)$/);
    const escaped = bodyText.startsWith('@escaped\n') ? unescapeRaw(bodyText.split('\n').slice(1).join('')) : null;
    // `@file path`: a file of the repository as the body, byte for byte (fixtures).
    const fromFile = bodyText.match(/^@file (\S+)$/);
    const body =
      escaped ??
      (generated
        ? Buffer.alloc(Number(generated[1]), 'x')
        : fromFile
          ? fs.readFileSync(path.join(here, '..', '..', fromFile[1]))
          : Buffer.from(bodyText));
    answer = await request(port, testCase.method, testCase.path, { headers: testCase.headers, body });
    if (testCase.expect.until) {
      const [wanted, value] = testCase.expect.until.split(/\s*=\s*/);
      const deadline = Date.now() + 60_000;
      const reached = () => {
        let found;
        try {
          found = JSON.parse(answer.body);
        } catch {
          return false;
        }
        for (const key of wanted.split('.')) found = found?.[key];
        return String(found) === value;
      };
      while (!reached() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await request(port, testCase.method, testCase.path, { headers: testCase.headers, body });
      }
      if (!reached()) throw new Error(`${wanted} never became ${value} within 60 s\n    body: ${answer.body.slice(0, 300)}`);
    }
  }
  const { expect } = testCase;
  const problems = [];
  if (answer.status !== expect.status) problems.push(`status ${answer.status}, expected ${expect.status}`);
  let json;
  try {
    json = answer.body ? JSON.parse(answer.body) : undefined;
  } catch {
    json = undefined;
  }
  if (expect.code) {
    if (json?.error?.code !== expect.code) problems.push(`error code ${json?.error?.code}, expected ${expect.code}`);
    if (typeof json?.error?.request_id !== 'string' || json.error.request_id !== answer.headers['x-request-id']) {
      problems.push('the error body must carry the request id of the X-Request-Id header');
    }
  }
  for (const rule of expect.headers) {
    if (rule.startsWith('!')) {
      if (answer.headers[rule.slice(1).toLowerCase()] !== undefined) problems.push(`header ${rule.slice(1)} should be absent`);
      continue;
    }
    const colon = rule.indexOf(':');
    const name = rule.slice(0, colon).trim().toLowerCase();
    const value = rule.slice(colon + 1).trim();
    if (!(answer.headers[name] ?? '').includes(value)) problems.push(`header ${name} is ${JSON.stringify(answer.headers[name])}, expected it to contain ${JSON.stringify(value)}`);
  }
  for (const text of expect.contains) {
    if (!answer.body.includes(text)) problems.push(`body lacks ${JSON.stringify(text)}`);
  }
  for (const text of expect.lacks ?? []) {
    if (answer.body.includes(text)) problems.push(`body contains ${JSON.stringify(text)}`);
  }
  if (expect.exact.length) {
    const whole = expect.exact.join('').replace(/\\(r|n|t|u[0-9a-fA-F]{4})/g, (_, escape) =>
      escape.startsWith('u') ? String.fromCharCode(parseInt(escape.slice(1), 16)) : { r: '\r', n: '\n', t: '\t' }[escape]);
    if (answer.body !== whole) problems.push(`body is ${JSON.stringify(answer.body)}, expected ${JSON.stringify(whole)}`);
  }
  if (expect.jsonLines.length) {
    const fragment = JSON.parse(expect.jsonLines.join('\n'));
    if (json === undefined) problems.push(`body is not JSON: ${answer.body.slice(0, 200)}`);
    else {
      try {
        matchFragment(fragment, json);
      } catch (error) {
        problems.push(error.message);
      }
    }
  }
  if (problems.length) throw new Error(`${problems.join('; ')}\n    body: ${answer.body.slice(0, 300)}`);
  for (const rule of expect.captures) capture(rule, answer, json, variables);
}

function freshDatabase(label) {
  if (backend === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'atrium-api-'));
    return { url: `sqlite:${path.join(dir, 'test.db')}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `api_${label.replace(/[^a-z0-9]/g, '_')}_${process.pid}`;
  const url = execFileSync(path.join(root, 'scripts/pg-test-server'), ['createdb', pgDir, name]).toString().trim();
  return { url, cleanup: () => {} };
}

// One test file against its own server and database; its lines go to `report`.
async function runFile(file, report) {
  const { cases, directives } = parseTestFile(fs.readFileSync(path.join(here, file), 'utf8'), file);
  const selected = cases.filter((testCase) => !filter || `${file} ${testCase.name}`.includes(filter));
  if (!selected.length) return;
  const started = Date.now();
  const database = freshDatabase(path.basename(file, '.test'));
  const args = directives.has('@demo') ? [] : ['--no-demo'];
  // The server's clock moves by POST /api/v1/test/clock: reminders, SLAs and due dates.
  if (directives.has('@test-clock')) args.push('--test-clock');
  // Test-only entities (tests/api/definitions) beside the built-in ones.
  if (directives.has('@extra-definitions')) args.push('--extra-definitions', path.join(here, 'definitions'));
  let server;
  try {
    server = await startServer(binary, database.url, [...args, '--sse-heartbeat-ms', '300']);
  } catch (error) {
    report.notOk(`${file}: server starts`, error.message);
    database.cleanup();
    return;
  }
  const variables = {};
  for (const testCase of selected) {
    const caseStarted = Date.now();
    await report.check(`${file}: ${testCase.name}`, () => runCase(server.port, testCase, variables));
    const seconds = (Date.now() - caseStarted) / 1000;
    if (seconds >= 2) report.note(`${file}: ${testCase.name}: ${seconds.toFixed(1)} s`);
  }
  const stopped = await server.stop();
  if (stopped.code === 0 && !stopped.sanitizerReport) report.ok(`${file}: server stops cleanly on SIGTERM`);
  else report.notOk(`${file}: server stops cleanly on SIGTERM`, `exit ${stopped.code} ${stopped.signal ?? ''}\n${stopped.output.slice(-3000)}`);
  database.cleanup();
  report.note(`${file}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Files are independent (a server and a database each), so `--jobs N` of them run side by
// side: most of a file's time is the server waiting on durable commits, jobs and clocks,
// not the processor.
async function main() {
  const report = new Report(`[${backend}] `);
  const files = fs.readdirSync(here).filter((file) => file.endsWith('.test')).sort();
  const jobs = Math.max(1, Number(option('jobs', process.env.ATRIUM_TEST_JOBS ?? '3')));
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const part = report.part();
      await runFile(file, part);
      report.merge(part);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  report.finish();
}

await main();
