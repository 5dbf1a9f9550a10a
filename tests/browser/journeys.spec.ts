import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import type { DevLoginResponse, Offer, Organization } from '@sinergi/shared/schemas';

/**
 * The product's core journeys in the browser, against the real local stack: a UMKM finds and proposes
 * to a partner, the partner accepts, and an admin runs a dry-run round. Each project (mobile, desktop)
 * uses its own names, so the two runs never share accounts.
 */

async function apiLogin(request: APIRequestContext, role: string, name: string) {
  const res = await request.post('/api/auth/dev-login', { data: { role, name } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as DevLoginResponse;
  return { authorization: `Bearer ${token}` };
}

async function signIn(page: Page, roleName: RegExp, name: string) {
  await page.goto('/masuk');
  await page.getByRole('radio', { name: roleName }).check();
  await page.getByLabel(/^Nama/).fill(name);
  await page.getByRole('button', { name: /^Masuk/ }).click();
  await expect(page.getByTestId('who')).toContainText(name);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /Keluar/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Masuk/ })).toBeVisible();
}

test('a UMKM finds ranked partners, previews a what-if, proposes; the partner accepts', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(90_000);
  const suffix = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const partnerName = `mitra-uji-${suffix}`;
  const umkmName = `umkm-uji-${suffix}`;
  const offerTitle = `Mentoring ekspor digital ${suffix}`;

  // Prepare: a fresh corporate with one mentorship offer, so the test knows who must answer.
  const partner = await apiLogin(request, 'corporate', partnerName);
  const org = await request.post('/api/organizations', {
    headers: partner,
    data: { name: `PT Uji ${suffix}`, province: '31', city: 'Jakarta Selatan' },
  });
  expect(org.status()).toBe(201);
  expect(((await org.json()) as Organization).kind).toBe('corporate');
  const offerRes = await request.post('/api/offers', {
    headers: partner,
    data: {
      type: 'mentorship',
      title: offerTitle,
      topics: ['pemasaran digital', 'ekspor', 'e-commerce'],
      sectors: ['kuliner'],
      sizeClasses: ['mikro'],
      mode: 'online',
      capacity: 2,
      languages: ['id'],
    },
  });
  expect(offerRes.status()).toBe(201);
  const offer = (await offerRes.json()) as Offer;

  // Act: the UMKM signs in, creates its profile and a request.
  await signIn(page, /UMKM/, umkmName);
  await expect(page.getByRole('heading', { name: /Profil usaha/ })).toBeVisible();
  await page.getByLabel(/^Nama usaha/).fill(`Keripik Uji ${suffix}`);
  await page.getByLabel(/^Provinsi/).selectOption('33');
  await page.getByLabel(/^Sektor/).selectOption('kuliner');
  await page.getByLabel(/^Kelas usaha/).selectOption('mikro');
  await page.getByLabel(/^Produk/).fill('keripik singkong, sambal');
  await page.getByLabel(/^Sertifikasi/).fill('halal, PIRT');
  await page.getByRole('button', { name: /Simpan profil/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Keripik Uji/ })).toBeVisible();
  await page.getByLabel(/^Jenis kemitraan/).selectOption('mentorship');
  await page.getByLabel(/^Kebutuhan/).fill('pemasaran digital, ekspor');
  await page.getByRole('button', { name: /Buat permintaan/ }).click();

  // Assess: ranked matches with scores and reasons, Indonesian first.
  await expect(page.getByRole('heading', { level: 1, name: /Mitra yang cocok/ })).toBeVisible();
  const matches = page.getByTestId('matches');
  await expect(matches).toBeVisible();
  const first = page.getByTestId('match').first();
  await expect(first.locator('.reasons li').first()).toBeVisible();
  const ours = page.getByTestId('match').filter({ hasText: offerTitle });
  await expect(ours).toBeVisible();
  await expect(ours.locator('.reasons')).toContainText(/pemasaran digital/i);

  // The what-if preview, computed in the browser with the matching core, agrees with the API for the
  // unchanged needs, and re-ranks when the needs change.
  const apiRanking = ((await matches.getAttribute('data-ranking')) ?? '').split(',');
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toHaveAttribute('data-ranking', apiRanking.slice(0, 10).join(','));
  const needsPreview = page.getByRole('textbox', { name: /Kebutuhan \(pisahkan/ });
  await needsPreview.fill('fotografi produk, pengemasan, keuangan');
  await expect(page.getByText('Pratinjau dengan kebutuhan baru.')).toBeVisible();
  await expect
    .poll(async () => whatIf.getAttribute('data-ranking'))
    .not.toBe(apiRanking.slice(0, 10).join(','));
  // The server's list is untouched by the preview.
  await expect(matches).toHaveAttribute('data-ranking', apiRanking.join(','));

  // Propose to the partner's offer.
  await ours.getByRole('button', { name: /Ajukan kemitraan/ }).click();
  await expect(page.getByText(/Pengajuan terkirim/)).toBeVisible();
  await expect(ours.getByText('Sudah diajukan')).toBeVisible();

  // The partner signs in and accepts; the slot count is shown first.
  await signOut(page);
  await signIn(page, /Korporasi/, partnerName);
  const proposal = page
    .getByTestId('partnership')
    .filter({ hasText: offerTitle })
    .filter({ hasText: 'Keripik Uji' });
  await expect(proposal).toHaveAttribute('data-status', 'proposed');
  await expect(proposal.getByTestId('slots')).toContainText('Sisa kuota: 2 dari 2');
  await proposal.getByRole('button', { name: /Terima/ }).click();
  await expect(page.getByTestId('partnership').filter({ hasText: offerTitle })).toHaveAttribute(
    'data-status',
    'active',
  );
  const after = await request.get(`/api/offers/${offer.id}`, { headers: partner });
  expect(((await after.json()) as Offer).remaining).toBe(1);

  // The UMKM sees the partnership active.
  await signOut(page);
  await signIn(page, /UMKM/, umkmName);
  const mine = page.getByTestId('partnership').filter({ hasText: offerTitle });
  await expect(mine).toHaveAttribute('data-status', 'active');
  await expect(mine).toContainText('Aktif');
});

test('an admin runs a dry-run round and sees no blocking pairs', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/masuk');
  await page.getByRole('button', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Admin program/ })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /Uji coba/ })).toBeChecked();
  await page.getByLabel(/^Jenis/).selectOption('internship');
  await page.getByRole('button', { name: /Jalankan putaran/ }).click();
  await expect(page.getByTestId('round-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('round-result')).toContainText('Uji coba: tidak ada yang disimpan.');
  await expect(page.getByTestId('round-blockingPairs-value')).toHaveText('0');
  await expect(page.getByTestId('impact-table').getByRole('row').nth(1)).toBeVisible();
});

test('pages for signed-in people ask to sign in first', async ({ page }) => {
  await page.goto('/umkm');
  await expect(page.getByText('Silakan masuk dahulu.')).toBeVisible();
  await page.getByRole('link', { name: /Masuk/ }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: /Masuk/ })).toBeVisible();
});
