import type { Page } from 'playwright-core';
import { en } from '../../../apps/web/src/i18n/messages.en';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/giu;

/** `case.title`, `milestone.contacted`, `event.routed`…: a catalogue's prefix, a dot, a word. */
const PREFIXES = [...new Set(Object.keys(en).map((key) => key.split('.')[0] ?? ''))].filter((p) => p !== '');
const KEY = new RegExp(`(?<![\\w@/.-])(?:${PREFIXES.join('|')})\\.[A-Za-z_][\\w.]*`, 'gu');

/** What a person reads on the page: its text, and the titles, labels and placeholders the controls carry. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate<string>(`
    [document.body.innerText]
      .concat(Array.from(document.querySelectorAll('[title],[aria-label],[placeholder]')).flatMap((el) =>
        ['title', 'aria-label', 'placeholder'].map((name) => el.getAttribute(name) ?? '')))
      .join('\\n')
  `);
}

/** The raw things a text holds that no person should read: UUIDs and i18n keys of the catalogues. */
export function rawTextIn(text: string): string[] {
  return [...(text.match(UUID) ?? []), ...(text.match(KEY) ?? [])];
}

/** The raw things a page shows: in its text, titles, labels and placeholders. */
export async function rawTextOf(page: Page): Promise<string[]> {
  return rawTextIn(await readableText(page));
}

/** Fails when the page shows a UUID or a dotted i18n key (`milestone.contacted`) to a person. */
export async function expectNoRawText(page: Page): Promise<void> {
  expect(await rawTextOf(page)).toEqual([]);
}
