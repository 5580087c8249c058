/**
 * The Chromium the PDF and chart pictures are printed with: Debian's /usr/bin/chromium (or
 * STRA_CHROMIUM) driven by playwright-core, launched headless with a fresh profile and no
 * network features (STACK.md). Why here and not in test/: the product prints PDFs at run time.
 * A missing browser is an error that says how to install it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { StraError } from '../errors.js';

export const CHROMIUM_PATH = process.env.STRA_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-extensions',
];

export interface PrintingBrowser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchPrintingBrowser(): Promise<PrintingBrowser> {
  if (!chromiumAvailable()) {
    throw new StraError(
      'STATE',
      `Chromium is needed to print PDF and to draw charts for Word, and ${CHROMIUM_PATH} does not exist: install it (apt-get install -y chromium) or set STRA_CHROMIUM to its path.`,
    );
  }
  const { chromium } = await import('playwright-core');
  const profile = await mkdtemp(path.join(os.tmpdir(), 'stra-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    headless: true,
    offline: true,
    javaScriptEnabled: false,
    deviceScaleFactor: 2,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}
