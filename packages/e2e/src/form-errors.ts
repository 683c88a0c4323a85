import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The text of what `control` names in aria-describedby (its hint and the messages tied to it), or null. */
export async function describedBy(control: Locator): Promise<string | null> {
  const ids = (await control.getAttribute('aria-describedby'))?.split(' ').filter(Boolean) ?? [];
  if (ids.length === 0) return null;
  const page = control.page();
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.map((text) => text?.trim()).join(' ');
}

/**
 * The messages are shown at `control`: they are what its aria-describedby names (after the hint
 * it had before, if any), they are on the page, and an input is marked aria-invalid (`invalid`;
 * a fieldset or a button is not).
 */
export async function expectErrorAt(
  control: Locator,
  messages: string | readonly string[],
  { invalid = true, hint = '' }: { invalid?: boolean; hint?: string } = {},
): Promise<void> {
  const text = typeof messages === 'string' ? messages : messages.join(' ');
  await expect.poll(() => describedBy(control), { timeout: 10_000 }).toBe(hint ? `${hint} ${text}` : text);
  await control.page().getByText(text, { exact: true }).first().waitFor();
  if (invalid) expect(await control.getAttribute('aria-invalid')).toBe('true');
}

/** A control that shows no error: nothing tied to it but its hint (if any), not marked invalid. */
export async function expectNoErrorAt(control: Locator, hint: string | null = null): Promise<void> {
  expect(await describedBy(control)).toBe(hint);
  expect(await control.getAttribute('aria-invalid')).not.toBe('true');
}
