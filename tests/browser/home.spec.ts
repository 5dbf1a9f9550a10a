import { expect, type Page, test } from '@playwright/test';
import { StatsSummary } from '@sinergi/shared/schemas';

const idNumber = new Intl.NumberFormat('id-ID');

/** Every request the page makes must stay on our origin: no CDN, no font service, no analytics. */
function recordForeignRequests(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL) && !url.startsWith('data:')) foreign.push(url);
  });
  return foreign;
}

test('the home page shows the live figures the API reports, from seeded data', async ({
  page,
  request,
  baseURL,
}) => {
  const foreign = recordForeignRequests(page, baseURL ?? '');

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Kemitraan UMKM');
  await expect(page.getByTestId('figures')).toHaveAttribute('data-state', 'ready');

  const api = await request.get('/api/stats/summary');
  expect(api.status()).toBe(200);
  const stats = StatsSummary.parse(await api.json());

  const expected: Record<string, number> = {
    businesses: stats.businesses,
    organizations: stats.organizations,
    'offers-mentorship': stats.offers.mentorship,
    'offers-internship': stats.offers.internship,
    'offers-distribution': stats.offers.distribution,
    'provinces-covered': stats.provincesCovered,
    partnerships: stats.partnerships,
  };
  for (const [id, value] of Object.entries(expected)) {
    expect(value, `${id} comes from seeded data`).toBeGreaterThan(0);
    const figure = page.getByTestId(`figure-${id}`);
    await expect(figure).toHaveAttribute('data-value', String(value));
    await expect(figure.locator('.figure__value')).toHaveText(idNumber.format(value));
  }
  await expect(page.getByTestId('health')).toHaveAttribute('data-state', 'ok');
  expect(foreign).toEqual([]);
});

test('a failing API is stated plainly on the page, and a retry recovers', async ({ page }) => {
  let fail = true;
  await page.route('**/api/stats/summary', (route) =>
    fail
      ? route.fulfill({
          status: 500,
          contentType: 'application/problem+json',
          body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }),
        })
      : route.continue(),
  );

  await page.goto('/');
  // Next adds an empty role=alert route announcer; ours is the one with text.
  const alert = page.getByRole('alert').filter({ hasText: 'Angka langsung' });
  await expect(alert).toContainText('Angka langsung tidak dapat dimuat');
  await expect(alert).toContainText('HTTP 500');

  fail = false;
  await alert.getByRole('button', { name: /Coba lagi/ }).click();
  await expect(page.getByTestId('figures')).toHaveAttribute('data-state', 'ready');
});

test('an unreachable API shows the status line as down', async ({ page }) => {
  await page.route('**/api/health', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  await expect(page.getByTestId('health')).toHaveAttribute('data-state', 'down');
  await expect(page.getByTestId('health')).toContainText('API tidak menjawab');
});

test('the page is usable by keyboard: the skip link leads to the content', async ({ page, isMobile }) => {
  test.skip(isMobile, 'no keyboard on a phone');
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /Langsung ke isi/ });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
