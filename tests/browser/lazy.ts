import { expect, type Page } from '@playwright/test';

/**
 * Scrolls to every part of the page that loads when it comes near the viewport (`WhenVisible` in
 * web/components/ui.tsx: the admin’s map and chart) until none is left waiting, as
 * a reader scrolling down would. Call it once the page's data has loaded.
 */
export async function revealLazy(page: Page): Promise<void> {
  const slots = page.locator('.when-visible');
  await expect
    .poll(
      async () => {
        const n = await slots.count();
        if (n > 0)
          await slots
            .first()
            .scrollIntoViewIfNeeded({ timeout: 2_000 })
            .catch(() => undefined);
        return n;
      },
      { timeout: 30_000 },
    )
    .toBe(0);
}
