/**
 * What the web app's browser tests share: the app built from the current
 * source into a temporary directory, a real server on port 0 serving it, and
 * headless Chromium with one browser context per person (each its own
 * localStorage, so its own device). Skipped when Chromium is missing, unless
 * PARLEY_REQUIRE_BROWSER=1 (CI), where that fails.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, tempDir, type TestServer } from '@parley/testkit';
import { buildWebApp } from '../scripts/build.mjs';

const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';
const required = process.env.PARLEY_REQUIRE_BROWSER === '1';
const here = dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = join(here, '../../../docs/screenshots');

/** Deadline of one wait on the page: generous, the machine is loaded. */
export const UI_WAIT_MS = 60_000;

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

let built: Promise<string> | undefined;
function appDir(): Promise<string> {
  built ??= (async () => {
    const dir = join(tempDir('parley-web-'), 'dist');
    await buildWebApp({ outDir: dir, quiet: true });
    return dir;
  })();
  return built;
}

export interface World {
  server: TestServer;
  browser: Browser;
  /** Other hosts any page asked for (must stay empty). */
  foreignRequests: string[];
  /** What the Content-Security-Policy blocked in any page (must stay empty: the app needs nothing it forbids). */
  cspViolations: string[];
  /** A new person: a browser context (own storage = own device) with a page on the app. */
  person(viewport?: { width: number; height: number }, options?: PersonOptions): Promise<{ context: BrowserContext; page: Page }>;
}

export interface PersonOptions {
  /** Where the page is loaded from (a fault proxy in front of the server); default the server. */
  baseUrl?: string;
  /** Runs in every page of the context before the app (to stand in for browser APIs a test watches). */
  initScript?: () => void;
  /** Browser permissions granted to the app's origin (e.g. 'microphone'). */
  permissions?: string[];
}

export interface WebTestOptions {
  /** Extra Chromium switches (e.g. a fake microphone). */
  browserArgs?: string[];
}

export function webTest(name: string, fn: (w: World) => Promise<void>, testOptions: WebTestOptions = {}): void {
  test(`web app › ${name}`, { skip: !required && !existsSync(CHROMIUM) && `no browser at ${CHROMIUM}` }, async () => {
    const server = await startTestServer({ webAppDir: await appDir() });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', ...(testOptions.browserArgs ?? [])],
    });
    const origin = new URL(server.httpUrl).host;
    const foreignRequests: string[] = [];
    const cspViolations: string[] = [];
    const world: World = {
      server,
      browser,
      foreignRequests,
      cspViolations,
      async person(viewport = DESKTOP, options = {}) {
        const context = await browser.newContext({ viewport });
        if (options.initScript) await context.addInitScript(options.initScript);
        const base = options.baseUrl ?? server.httpUrl;
        if (options.permissions) await context.grantPermissions(options.permissions, { origin: new URL(base).origin });
        const allowed = new URL(base).host;
        context.setDefaultTimeout(UI_WAIT_MS);
        context.on('request', (r) => {
          const u = new URL(r.url());
          if (u.protocol !== 'data:' && u.protocol !== 'blob:' && u.host !== origin && u.host !== allowed) foreignRequests.push(r.url());
        });
        context.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
        });
        const page = await context.newPage();
        await page.goto(base + '/');
        return { context, page };
      },
    };
    try {
      await fn(world);
    } finally {
      await browser.close().catch(() => undefined);
      await server.stop();
    }
  });
}

export async function signUp(page: Page, userId: string, password = 'correct horse battery'): Promise<void> {
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByText('Online', { exact: true }).waitFor();
}

export async function signIn(page: Page, userId: string, password = 'correct horse battery'): Promise<void> {
  await page.getByRole('tab', { name: 'Sign in' }).click();
  await page.getByLabel('User id').fill(userId);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await page.getByText('Online', { exact: true }).waitFor();
}

/** `from` asks `to` to be friends, `to` accepts (two pages). */
export async function befriend(from: Page, fromId: string, to: Page, toId: string): Promise<void> {
  await from.getByRole('button', { name: /^People/ }).click();
  await from.getByLabel('Find someone by user id').fill(toId);
  await from.getByRole('button', { name: 'Add friend' }).click();
  await from.getByText(`Friend request sent to ${toId}.`).waitFor();
  await from.getByRole('button', { name: 'Close' }).click();
  await to.getByRole('button', { name: `People (1 friend requests)` }).click();
  await to.getByRole('button', { name: `Accept ${fromId}` }).click();
  await to.getByRole('button', { name: `Message ${fromId}` }).waitFor();
  await to.getByRole('button', { name: 'Close' }).click();
}

/** Opens a 1:1 chat with someone by their user id (from People), before any message. */
export async function startDirect(page: Page, userId: string): Promise<void> {
  await page.getByRole('button', { name: /^People/ }).click();
  await page.getByLabel('Find someone by user id').fill(userId);
  await page.getByRole('button', { name: 'Message', exact: true }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

/** Waits until the page is signed in and online (after a load or reload). */
export async function online(page: Page): Promise<void> {
  await page.getByText('Online', { exact: true }).waitFor();
}

/** Opens a conversation from the list by its title. */
export async function openChat(page: Page, title: string): Promise<void> {
  await page.locator('.conv', { has: page.locator('.conv-title', { hasText: new RegExp(`^${title}$`) }) }).click();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
}

export async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
}

/** The text bubbles of the open conversation, in order (sent and pending). */
export async function texts(page: Page): Promise<string[]> {
  return page.locator('.timeline [data-testid="text"]').allTextContents();
}

/** The unread badge of a conversation in the list ('' when none). */
export async function badge(page: Page, title: string): Promise<string> {
  const conv = page.locator('.conv', { has: page.locator('.conv-title', { hasText: new RegExp(`^${title}$`) }) });
  const b = conv.locator('[data-testid="unread"]');
  return (await b.count()) ? ((await b.textContent()) ?? '') : '';
}

/** The delivery state of the newest own message with this text. */
export async function tickOf(page: Page, text: string): Promise<string | null> {
  const row = page.locator('.row.mine', { has: page.locator('[data-testid="text"]', { hasText: text }) }).last();
  return row.locator('.ticks').getAttribute('data-state');
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

export async function until(page: Page, cond: () => Promise<boolean>, what: string, timeoutMs = UI_WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

export { rmSync };
