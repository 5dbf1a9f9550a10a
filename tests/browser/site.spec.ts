import AxeBuilder from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { DevLoginResponse } from '@sinergi/shared/schemas';
import { revealLazy } from './lazy';

/**
 * The site in one language at a time, at phone width, against the seeded demo accounts: each role's
 * journey in Bahasa Indonesia and one in English, the remembered language switch, the admin's map
 * against its table, and axe on every page. Screenshots of each journey at 360 px are saved under
 * test-results/screenshots/.
 */

const PHONE = { width: 360, height: 780 };

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

async function apiAs(request: APIRequestContext, role: string, name: string) {
  const res = await request.post('/api/auth/dev-login', { data: { role, name } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as DevLoginResponse;
  const headers = { authorization: `Bearer ${token}` };
  return async <T>(path: string) => {
    const r = await request.get(path, { headers });
    expect(r.status(), path).toBe(200);
    return (await r.json()) as T;
  };
}

/** Opens a page and waits until React has hydrated it (the language switch marks that). */
async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('[data-testid="lang-switch"][data-ready]')).toBeVisible({ timeout: 30_000 });
}

/** Signs in with a demo account button of the sign-in page (the label is the same in both languages). */
async function demoSignIn(page: Page, label: string) {
  await open(page, '/masuk');
  await page.getByRole('button', { name: label, exact: true }).click();
  await expect(page.getByTestId('who')).toBeVisible();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.beforeEach(async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'mobile', 'phone width only: one run of these journeys is enough');
  // Several page loads and full-page screenshots each, on a shared two-core machine.
  test.setTimeout(150_000);
  await page.setViewportSize(PHONE);
});

test('the language switch changes every word, <html lang>, and is remembered across pages', async ({
  page,
}) => {
  await open(page, '/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kemitraan UMKM');
  await expect(page.getByText('Partnerships for Indonesian small business')).toHaveCount(0);

  await page.getByTestId('lang-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Partnerships for Indonesian small business',
  );
  await expect(page.getByText('Angka langsung')).toHaveCount(0);
  await shot(page, 'en-home');

  // Another page, and a full reload: still English, from the first paint's <html lang> on.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expect(page.getByText('Peran')).toHaveCount(0);

  await page.getByTestId('lang-switch').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Masuk');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
});

test('a UMKM in English sees its ranked matches with the reasons in English only', async ({
  page,
  request,
}) => {
  const get = await apiAs(request, 'business', 'umkm-0001');
  const requests = await get<{
    items: { id: string; status: string; pendingProposals: { offerId: string }[] }[];
  }>('/api/requests?limit=100');
  let requestId = '';
  let reasons: { id: string; en: string }[] = [];
  // An open request with a match it has not proposed to yet, so that the "Propose" button shows.
  for (const r of requests.items.filter((x) => x.status === 'open')) {
    const m = await get<{ items: { offerId: string; reasons: { id: string; en: string }[] }[] }>(
      `/api/requests/${r.id}/matches?limit=5`,
    );
    const pending = new Set(r.pendingProposals.map((p) => p.offerId));
    if (m.items.some((x) => !pending.has(x.offerId))) {
      requestId = r.id;
      reasons = m.items[0]?.reasons ?? [];
      break;
    }
  }
  expect(requestId, 'umkm-0001 has an open request with a match to propose to').not.toBe('');

  await open(page, '/');
  await page.getByTestId('lang-switch').click();
  await demoSignIn(page, 'UMKM umkm-0001');
  await expect(page.getByRole('heading', { level: 2, name: 'My requests' })).toBeVisible();
  await shot(page, 'en-umkm-home');
  await page.goto(`/umkm/permintaan?id=${encodeURIComponent(requestId)}`);
  // Ranking every open offer takes a while on a loaded machine: wait for the answer, not a fixed 5 s.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ranked matches', { timeout: 30_000 });
  const first = page.getByTestId('match').first().locator('.reasons li');
  await expect(first.first()).toHaveText(reasons[0]?.en ?? '');
  if (reasons[0] && reasons[0].id !== reasons[0].en)
    await expect(page.getByText(reasons[0].id)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Propose' }).first()).toBeVisible();
  await shot(page, 'en-umkm-matches');
});

test('UMKM journey (Bahasa Indonesia): requests, ranked matches with reasons, partnerships', async ({
  page,
}) => {
  await demoSignIn(page, 'UMKM umkm-0001');
  await expect(page.getByRole('heading', { level: 2, name: 'Permintaan saya' })).toBeVisible();
  await expect(page.getByTestId('partnership').filter({ hasText: 'Aktif' }).first()).toBeVisible();
  await expect(page.getByTestId('partnership').filter({ hasText: 'Selesai' }).first()).toBeVisible();
  await shot(page, 'id-umkm-home');
  await page
    .getByRole('link', { name: /Lihat mitra yang cocok/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitra yang cocok', { timeout: 30_000 });
  await page.getByRole('textbox', { name: /Kebutuhan \(pisahkan/ }).focus();
  await expect(page.getByTestId('what-if')).toBeVisible();
  await shot(page, 'id-umkm-matches');
});

test('partner journeys (Bahasa Indonesia): incoming proposals, active and rated partnerships', async ({
  page,
}) => {
  for (const [label, file] of [
    ['Korporasi corporate-001', 'id-corporate'],
    ['Universitas university-001', 'id-university'],
    ['Komunitas community-001', 'id-community'],
  ] as const) {
    await demoSignIn(page, label);
    await expect(page.getByRole('heading', { level: 2, name: 'Pengajuan masuk' })).toBeVisible();
    await expect(page.locator('[data-testid="partnership"][data-status="proposed"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="partnership"][data-status="active"]').first()).toBeVisible();
    await expect(page.locator('[data-testid="partnership"][data-status="completed"]').first()).toBeVisible();
    await shot(page, file);
    await page.getByRole('button', { name: 'Keluar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
  }
});

test('admin journey: the map shows the same figures as the table, for both measures', async ({ page }) => {
  await demoSignIn(page, 'Admin');
  const table = page.getByTestId('impact-table');
  await expect(table.locator('tbody tr')).toHaveCount(38);
  await revealLazy(page);
  const map = page.getByTestId('province-map');
  await expect(map.locator('path[data-province]')).toHaveCount(38);

  for (const measure of ['per100', 'povertyRatePct'] as const) {
    if (measure === 'povertyRatePct') await page.getByRole('radio', { name: 'Kemiskinan (BPS) %' }).check();
    await expect(map).toHaveAttribute('data-measure', measure);
    const fromTable = await table
      .locator('tbody tr')
      .evaluateAll(
        (rows, m) =>
          rows.map((r) => [
            r.getAttribute('data-province'),
            r.querySelector(`td[data-measure="${m}"]`)?.textContent?.trim(),
          ]),
        measure,
      );
    const fromMap = await map
      .locator('path[data-province]')
      .evaluateAll((paths) =>
        paths.map((p) => [p.getAttribute('data-province'), p.getAttribute('data-value')]),
      );
    const sort = (a: (string | null | undefined)[][]) =>
      [...a].sort((x, y) => String(x[0]).localeCompare(String(y[0])));
    expect(sort(fromMap)).toEqual(sort(fromTable));
  }

  // Filtered by offer type or by size class, the map and the table still show the same figures, and
  // they are the filtered ones: the table's column sums to the API's national figure for the filter.
  await page.getByRole('radio', { name: 'Kemitraan per 100 UMKM' }).check();
  const impact = (await (await page.request.get('/api/stats/impact')).json()) as {
    byType: Record<string, number>;
    bySizeClass: Record<string, number>;
  };
  for (const [value, label, expected] of [
    ['type:internship', 'Magang', impact.byType.internship],
    ['size:kecil', 'Kecil', impact.bySizeClass.kecil],
  ] as const) {
    await page.getByTestId('impact-filter').selectOption({ label });
    await expect(table).toHaveAttribute('data-filter', value);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((r) => ({
        province: r.getAttribute('data-province'),
        per100: r.querySelector('td[data-measure="per100"]')?.textContent?.trim(),
        partnerships: Number(
          r.querySelector('td[data-measure="partnerships"]')?.textContent?.replace(/\D/g, ''),
        ),
      })),
    );
    expect(rows.reduce((s, r) => s + r.partnerships, 0)).toBe(expected);
    const fromMap = await map
      .locator('path[data-province]')
      .evaluateAll((paths) =>
        paths.map((p) => [p.getAttribute('data-province'), p.getAttribute('data-value')]),
      );
    const byCode = new Map(fromMap.map(([code, v]) => [code, v]));
    for (const r of rows) expect(byCode.get(r.province), `${value} ${r.province}`).toBe(r.per100);
  }
  await page.getByTestId('impact-filter').selectOption({ label: 'Semua' });

  // Tap a province: its figures are shown beside the map.
  await map.locator('path[data-province="31"]').dispatchEvent('pointerdown');
  await expect(page.getByTestId('map-selected')).toContainText('DKI Jakarta');
  await expect(page.getByTestId('poverty-chart').locator('circle').first()).toBeVisible();
  const csv = page.getByRole('link', { name: 'Unduh CSV' });
  const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
  expect(download.suggestedFilename()).toBe('sinergi-dampak-provinsi.csv');
  await shot(page, 'id-admin');
});

test('figures follow the language: the admin in English reads decimals with a point, in Bahasa Indonesia with a comma', async ({
  page,
}) => {
  await open(page, '/');
  await page.getByTestId('lang-switch').click();
  await demoSignIn(page, 'Admin');
  const jakarta = page.getByTestId('impact-table').locator('tr[data-province="31"]');
  const poverty = jakarta.locator('td[data-measure="povertyRatePct"]');
  await expect(poverty).toHaveText(/^\d+\.\d$/);
  const value = await poverty.textContent();
  // The map's figure (partnerships per 100 UMKM) as the table writes it, in the same language.
  const per100 = await jakarta.locator('td[data-measure="per100"]').textContent();
  expect(per100).toMatch(/^(\d+\.\d|—)$/);
  await revealLazy(page);
  await expect(page.getByTestId('province-map').locator('path[data-province="31"]')).toHaveAttribute(
    'data-value',
    per100 ?? '',
  );
  await page.getByTestId('lang-switch').click();
  await expect(poverty).toHaveText(/^\d+,\d$/);
  await expect(poverty).toHaveText((value ?? '').replace('.', ','));
});

const AXE_PAGES: { account?: string; path: string; needs?: 'request' | 'offer' }[] = [
  { path: '/' },
  { path: '/masuk' },
  { path: '/tidak-ada' },
  { account: 'UMKM umkm-0001', path: '/umkm' },
  { account: 'UMKM umkm-0001', path: '/umkm/permintaan', needs: 'request' },
  { account: 'UMKM umkm-0001', path: '/kotak-masuk' },
  { account: 'Korporasi corporate-001', path: '/mitra' },
  { account: 'Korporasi corporate-001', path: '/mitra/penawaran', needs: 'offer' },
  { account: 'Admin', path: '/admin' },
];

for (const target of AXE_PAGES) {
  test(`axe: no serious or critical violation on ${target.path}${target.account ? ` as ${target.account}` : ''}, in both languages`, async ({
    page,
    request,
  }) => {
    let query = '';
    if (target.needs === 'request') {
      const umkm = await apiAs(request, 'business', 'umkm-0001');
      query = `?id=${(await umkm<{ items: { id: string }[] }>('/api/requests?limit=1')).items[0]?.id ?? ''}`;
    } else if (target.needs === 'offer') {
      const partner = await apiAs(request, 'corporate', 'corporate-001');
      const me = await partner<{ organizationId: string }>('/api/auth/me');
      const offers = await partner<{ items: { id: string }[] }>(
        `/api/offers?organizationId=${me.organizationId}&limit=1`,
      );
      query = `?id=${offers.items[0]?.id ?? ''}`;
    }
    if (target.account) await demoSignIn(page, target.account);
    const found: string[] = [];
    for (const lang of ['id', 'en'] as const) {
      await open(page, `${target.path}${query}`);
      if ((await page.locator('html').getAttribute('lang')) !== lang)
        await page.getByTestId('lang-switch').click();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await page.waitForLoadState('networkidle');
      // The parts that load when scrolled to (the map and the chart) are checked too.
      await revealLazy(page);
      if (target.needs === 'request') {
        // The what-if preview's list appears once its core loads, when the needs are edited.
        await page.locator('.whatif input').focus();
        await expect(page.getByTestId('what-if')).toBeVisible();
      }
      await page.waitForLoadState('networkidle');
      for (const v of await seriousViolations(page)) found.push(`${lang}: ${v}`);
    }
    expect(found).toEqual([]);
  });
}
