import type { Browser, Page } from 'playwright-core';
import { Stack } from '../../support/stack';
import { launchBrowser, seriousViolations } from './browser';
import { expectNoRawText } from './raw-text';
import { ensureWebBuild } from './web-build';
import { buildWebWorld, type WebWorld } from './web-world';

/** A browser spec's world: the built console served by a real API and worker, Chromium, and the seeded people. */
export interface WebStack {
  stack: Stack;
  browser: Browser;
  world: WebWorld;
  /** The console's address. */
  origin: string;
}

/**
 * Builds the console if it is stale, then starts the API (which reads index.html as it starts, so after the
 * build) and the worker, while Chromium launches; then seeds the world with `policy`'s deadlines, if given.
 */
export async function startWebStack(policy?: Parameters<typeof buildWebWorld>[1]): Promise<WebStack> {
  const stack = await Stack.create();
  const [browser] = await Promise.all([
    launchBrowser(),
    ensureWebBuild()
      .then(() => stack.startApi())
      .then(() => stack.startWorker()),
  ]);
  const world = await buildWebWorld(stack, policy);
  return { stack, browser, world, origin: `http://127.0.0.1:${stack.port}` };
}

/** What every page must be for a person: no serious or critical axe finding, no raw key or id on screen. */
export async function expectReadable(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await expectNoRawText(page);
}
