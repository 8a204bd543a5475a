// Browser journeys against a running Atrium server, in the system's Chromium.
//
//   ATRIUM_URL=http://127.0.0.1:PORT node e2e/run.mjs
//
// ATRIUM_URL     base URL of the server under test (required)
// ARTIFACTS_DIR  where screenshots go (default: web/e2e/artifacts)
// CHROMIUM_PATH  the browser binary (default: /usr/bin/chromium)
//
// Prints `ok - name` or `not ok - name: reason` per case and ends with the line
// `N passed, N failed`; exits 1 when any case failed.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const baseUrl = (process.env.ATRIUM_URL ?? '').replace(/\/+$/, '');
const artifactsDir = resolve(process.env.ARTIFACTS_DIR ?? join(here, 'artifacts'));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CASE_TIMEOUT_MS = 45_000;
const STEP_TIMEOUT_MS = 15_000;

const SIGN_IN_UNAVAILABLE = 'Sign-in is not available on this server yet.';

class CaseFailure extends Error {}

function check(condition, message) {
  if (!condition) {
    throw new CaseFailure(message);
  }
}

/** Opens the login screen and waits until its form is usable. */
async function openLogin(page, path = '/login') {
  const response = await page.goto(baseUrl + path, { waitUntil: 'domcontentloaded' });
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel(/^Username/).waitFor({ state: 'visible' });
  return response;
}

function isLoginCall(request) {
  return new URL(request.url()).pathname === '/api/v1/auth/login' && request.method() === 'POST';
}

const cases = [
  {
    name: 'the app at / redirects to the login screen with labelled inputs',
    async run({ page, screenshot }) {
      await openLogin(page, '/');
      const username = page.getByLabel(/^Username/);
      const password = page.getByLabel(/^Password/);
      check(await username.isVisible(), 'no input labelled Username');
      check(await password.isVisible(), 'no input labelled Password');
      check((await password.getAttribute('type')) === 'password', 'the password input is not masked');
      check(
        await page.getByRole('button', { name: 'Sign in' }).isVisible(),
        'no "Sign in" button',
      );
      check(await page.getByText('Atrium', { exact: true }).first().isVisible(), 'no product name');
      await screenshot('login');
    },
  },
  {
    name: 'submitting empty credentials shows field errors without calling the server',
    async run({ page, screenshot }) {
      const loginCalls = [];
      page.on('request', (request) => {
        if (isLoginCall(request)) {
          loginCalls.push(request);
        }
      });
      await openLogin(page);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Enter your username.').waitFor();
      await page.getByText('Enter your password.').waitFor();
      const username = page.getByLabel(/^Username/);
      check((await username.getAttribute('aria-invalid')) === 'true', 'username not marked invalid');
      check(
        await username.evaluate((element) => element === document.activeElement),
        'focus did not move to the first invalid field',
      );
      check(loginCalls.length === 0, 'the empty form was sent to the server');
      await screenshot('login-empty-submit');
    },
  },
  {
    name: "submitting credentials shows the server's answer",
    async run({ page, screenshot }) {
      await openLogin(page);
      await page.getByLabel(/^Username/).fill('demo');
      await page.getByLabel(/^Password/).fill('wrong-password-123');
      const [response] = await Promise.all([
        page.waitForResponse((candidate) => isLoginCall(candidate.request())),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      const status = response.status();
      check(status !== 200, 'the server accepted the wrong password');
      const alert = page.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      const text = (await alert.innerText()).trim();
      if (status === 404) {
        check(text.includes(SIGN_IN_UNAVAILABLE), `expected "${SIGN_IN_UNAVAILABLE}", saw "${text}"`);
      } else {
        check(status >= 400, `unexpected status ${status}`);
        check(text !== '', `the ${status} answer left an empty alert`);
        check(!text.includes(SIGN_IN_UNAVAILABLE), `status ${status} was reported as unavailable`);
      }
      check(new URL(page.url()).pathname === '/login', 'left the login screen after a failure');
      await screenshot('login-rejected');
    },
  },
  {
    name: 'the login screen does not scroll sideways at 390x844',
    async run({ page, screenshot }) {
      await page.setViewportSize({ width: 390, height: 844 });
      await openLogin(page);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      check(scrollWidth <= innerWidth, `scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
      await screenshot('login-390x844');
    },
  },
  {
    name: 'the demo login opens the application frame, survives a reload, and signs out',
    async run({ page, context, screenshot }) {
      await openLogin(page);
      await page.getByLabel(/^Username/).fill('demo');
      await page.getByLabel(/^Password/).fill('atrium-demo-2026');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByRole('heading', { name: 'Welcome' }).waitFor();
      check(await page.getByRole('searchbox', { name: 'Search' }).isVisible(), 'no search box in the frame');
      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name === 'atrium_session');
      check(session !== undefined, 'no session cookie');
      check(session.httpOnly, 'the session cookie is readable by scripts');
      check(session.sameSite === 'Lax', `the session cookie is SameSite=${session.sameSite}`);
      await screenshot('frame');

      await page.reload({ waitUntil: 'domcontentloaded' });
      await page.getByRole('heading', { name: 'Welcome' }).waitFor();

      await page.setViewportSize({ width: 390, height: 844 });
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      check(scrollWidth <= innerWidth, `the frame scrolls sideways: ${scrollWidth} > ${innerWidth}`);
      await screenshot('frame-390x844');

      await page.getByRole('button', { name: /^Account menu for / }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL((url) => url.pathname === '/login');
      const me = await context.request.get(`${baseUrl}/api/v1/auth/me`);
      check(me.status() === 401, `after signing out, /api/v1/auth/me answered ${me.status()}`);
    },
  },
  {
    name: 'hashed assets are immutable and deep links get the app',
    async run({ page, context }) {
      const response = await page.goto(`${baseUrl}/accounts/123`, { waitUntil: 'domcontentloaded' });
      check(response !== null, 'no response for the deep link');
      check(response.status() === 200, `deep link answered ${response.status()}`);
      check(
        (response.headers()['content-type'] ?? '').includes('text/html'),
        `deep link answered ${response.headers()['content-type'] ?? 'no content type'}`,
      );
      check(
        !(response.headers()['cache-control'] ?? '').includes('immutable'),
        'index.html is marked immutable, so a new release would never reach cached browsers',
      );
      const html = await response.text();
      check(html.includes('<div id="root">'), 'the deep link did not serve index.html');

      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]);
      check(assets.some((path) => path.endsWith('.js')), 'index.html names no script under /assets/');
      for (const path of assets) {
        const asset = await context.request.get(baseUrl + path);
        check(asset.status() === 200, `${path} answered ${asset.status()}`);
        const cacheControl = asset.headers()['cache-control'] ?? '';
        check(cacheControl.includes('immutable'), `${path} has Cache-Control "${cacheControl}"`);
      }
      // The app itself then takes over and, without a session, asks to sign in.
      await page.waitForURL((url) => url.pathname === '/login');
    },
  },
];

function firstLine(error) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n').find((line) => line.trim() !== '') ?? 'failed';
}

function slug(index, name) {
  const words = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${String(index + 1).padStart(2, '0')}-${words.slice(0, 40)}`;
}

function withTimeout(promise, milliseconds) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${milliseconds / 1000} s`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  if (baseUrl === '') {
    console.log('not ok - configuration: ATRIUM_URL is not set (base URL of a running Atrium server)');
    console.log('0 passed, 1 failed');
    return 1;
  }
  await mkdir(artifactsDir, { recursive: true });
  const userDataDir = await mkdtemp(join(tmpdir(), 'atrium-e2e-'));
  let passed = 0;
  let failed = 0;
  let context;
  try {
    try {
      context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        viewport: { width: 1280, height: 800 },
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    } catch (error) {
      for (const testCase of cases) {
        console.log(`not ok - ${testCase.name}: browser did not start: ${firstLine(error)}`);
      }
      console.log(`0 passed, ${cases.length} failed`);
      return 1;
    }
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);

    for (const [index, testCase] of cases.entries()) {
      // Each case starts signed out in a fresh tab.
      await context.clearCookies();
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(firstLine(error)));
      const screenshot = (name) =>
        page.screenshot({ path: join(artifactsDir, `${String(index + 1).padStart(2, '0')}-${name}.png`) });
      try {
        await withTimeout(testCase.run({ page, context, screenshot }), CASE_TIMEOUT_MS);
        check(pageErrors.length === 0, `uncaught error in the page: ${pageErrors[0]}`);
        passed += 1;
        console.log(`ok - ${testCase.name}`);
      } catch (error) {
        failed += 1;
        console.log(`not ok - ${testCase.name}: ${firstLine(error)}`);
        await page
          .screenshot({ path: join(artifactsDir, `${slug(index, testCase.name)}-failure.png`) })
          .catch(() => undefined);
      } finally {
        await page.close().catch(() => undefined);
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
