/**
 * What the browser suites of the assessment cycle share: a demo workspace (the 2017/18 year of
 * synthetic data and the demo's system of record), a real `stra serve` on it and Debian's
 * Chromium; a logged-in page per demo user; and a screenshot of each state, checked by axe-core.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/record/people.js';
import { launchBrowser, logIn, seriousA11yViolations } from '../browser.js';
import { repoRoot } from '../shared-data.js';
import { startServe, type ServerProcess } from './servers.js';
import { writeDemoWorkspace } from './demo-workspaces.js';

export const SCREENSHOTS = process.env.STRA_SCREENSHOTS ?? path.join(repoRoot, 'tmp', 'screenshots');

export interface BrowserDemo {
  readonly dir: string;
  readonly ws: string;
  readonly server: ServerProcess;
  readonly browser: Browser;
}

/** Writes the demo (from the month `from` to March 2018) into a new temporary workspace, serves it and launches Chromium. */
export async function openBrowserDemo(
  prefix: string,
  options: {
    from?: string;
    /** What goes into the workspace before it is served (the embedded store is the server's once it runs). */
    prepare?: (ws: string) => Promise<void>;
  } = {},
): Promise<BrowserDemo> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const ws = path.join(dir, 'ws');
  await writeDemoWorkspace(ws, options.from ?? '2017-04', '2018-03');
  await options.prepare?.(ws);
  const server = await startServe(ws, { DATABASE_URL: '' });
  const browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
  return { dir, ws, server, browser };
}

export async function closeBrowserDemo(demo: Partial<BrowserDemo>): Promise<void> {
  await demo.browser?.close();
  await demo.server?.stop();
  if (demo.dir) await rm(demo.dir, { recursive: true, force: true });
}

/** A new browser context logged in as a demo user (every demo user has the demo password). */
export async function demoSession(
  browser: Browser,
  server: ServerProcess,
  username: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: true,
    // The app is en-GB (Intl, navigator.language). <input type="date"> follows the system's locale
    // too: where en_GB is not installed (this CI's Chromium) it still reads mm/dd/yyyy.
    locale: 'en-GB',
  });
  const page = await context.newPage();
  await logIn(page, server.url, username, DEMO_PASSWORD);
  return { context, page };
}

/** Saves a full-page screenshot once the page is idle and expects no serious accessibility fault. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual(
    [],
  );
}
