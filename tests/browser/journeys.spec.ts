import { expect, type Page, test } from '@playwright/test';
import type { Offer, Organization } from '@sinergi/shared/schemas';
import { apiLogin, signIn } from './accounts';

/**
 * The product's core journeys in the browser, against the real local stack: a UMKM finds and proposes
 * to a partner, the partner accepts, and an admin compares the round objectives and confirms one. Each project (mobile, desktop)
 * uses its own names, so the two runs never share accounts.
 */

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
  // And one this UMKM cannot take (medium enterprises only): it belongs under "why not".
  const closedTitle = `Mentoring usaha menengah ${suffix}`;
  const closedRes = await request.post('/api/offers', {
    headers: partner,
    data: {
      type: 'mentorship',
      title: closedTitle,
      topics: ['pemasaran digital', 'ekspor'],
      sizeClasses: ['menengah'],
      mode: 'online',
      capacity: 2,
      languages: ['id'],
    },
  });
  expect(closedRes.status()).toBe(201);

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
  // The core loads when the owner starts editing the needs.
  const needsPreview = page.getByRole('textbox', { name: /Kebutuhan \(pisahkan/ });
  await needsPreview.focus();
  const whatIf = page.getByTestId('what-if');
  await expect(whatIf).toHaveAttribute('data-ranking', apiRanking.slice(0, 10).join(','));
  await needsPreview.fill('fotografi produk, pengemasan, keuangan');
  await expect(page.getByText('Pratinjau dengan kebutuhan baru.')).toBeVisible();
  await expect
    .poll(async () => whatIf.getAttribute('data-ranking'))
    .not.toBe(apiRanking.slice(0, 10).join(','));
  // The server's list is untouched by the preview.
  await expect(matches).toHaveAttribute('data-ranking', apiRanking.join(','));

  // Why not: the excluded offers are read when the list is opened, each with its filter and reason.
  await page.getByText(/^Lihat \d+ penawaran yang tersaring/).click();
  const excluded = page.getByTestId('excluded');
  await expect(excluded).toBeVisible();
  await expect(excluded.locator('li').first()).toBeVisible();
  expect(await excluded.locator('li').count()).toBeLessThanOrEqual(50);
  await expect(matches).not.toContainText(closedTitle);

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

test('an admin compares the three objectives, confirms one; the partner sees the proposals', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(180_000);
  // Each project rounds its own type, so the two runs never change each other's round data.
  const type = testInfo.project.name.includes('mobile') ? 'distribution' : 'internship';
  const role = type === 'internship' ? 'university' : 'community';
  const suffix = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const partnerName = `mitra-putaran-${suffix}`;
  const offerTitle = `Program putaran ${suffix}`;
  // A fresh partner with one offer, and a fresh UMKM whose first wish is that offer, approved by the
  // partner: under `stable` it is certain to be proposed there.
  const partner = await apiLogin(request, role, partnerName);
  expect(
    (
      await request.post('/api/organizations', {
        headers: partner,
        data: { name: `Mitra ${suffix}`, province: '33' },
      })
    ).status(),
  ).toBe(201);
  const offerRes = await request.post('/api/offers', {
    headers: partner,
    data: { type, title: offerTitle, topics: ['pemasaran digital', 'keripik'], mode: 'online', capacity: 2 },
  });
  expect(offerRes.status()).toBe(201);
  const offer = (await offerRes.json()) as Offer;
  const umkm = await apiLogin(request, 'business', `umkm-putaran-${suffix}`);
  expect(
    (
      await request.post('/api/businesses', {
        headers: umkm,
        data: {
          name: `Keripik Putaran ${suffix}`,
          province: '53',
          sizeClass: 'mikro',
          sector: 'kuliner',
          products: ['keripik'],
        },
      })
    ).status(),
  ).toBe(201);
  const reqRes = await request.post('/api/requests', {
    headers: umkm,
    data: { type, needs: ['pemasaran digital', 'keripik'], mode: 'any' },
  });
  expect(reqRes.status()).toBe(201);
  const requestId = ((await reqRes.json()) as { id: string }).id;
  expect(
    (
      await request.put(`/api/rounds/preferences/requests/${requestId}`, {
        headers: umkm,
        data: { shortlist: [offer.id] },
      })
    ).status(),
  ).toBe(200);
  expect(
    (
      await request.put(`/api/rounds/preferences/offers/${offer.id}`, {
        headers: partner,
        data: { approved: [requestId] },
      })
    ).status(),
  ).toBe(200);

  await page.goto('/masuk');
  await page.getByRole('button', { name: 'Admin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Admin program/ })).toBeVisible();
  await page.getByLabel(/^Jenis/).selectOption(type);
  await page.getByRole('button', { name: /Bandingkan tiga tujuan/ }).click();
  const table = page.getByTestId('round-compare');
  for (const objective of ['stable', 'placements', 'welfare']) {
    await expect(table.getByTestId(`round-status-${objective}`)).toHaveAttribute('data-status', 'done', {
      timeout: 120_000,
    });
    await expect(table.getByTestId(`round-placed-${objective}`)).not.toHaveText('…');
  }
  // Stable respects stated wishes: no blocking pair against them.
  await expect(table.getByTestId('round-blocking-stable')).toHaveText(/^0 \//);
  await table.getByRole('button', { name: /Konfirmasi Stabil/ }).click();
  await expect(table.getByTestId('round-confirmed-stable')).toContainText('pengajuan dikirim', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('impact-table').getByRole('row').nth(1)).toBeVisible();

  // The partner sees the round's proposal for its offer.
  await signOut(page);
  await signIn(page, type === 'internship' ? /Universitas/ : /Komunitas/, partnerName);
  const proposal = page.getByTestId('partnership').filter({ hasText: offerTitle });
  await expect(proposal.first()).toHaveAttribute('data-status', 'proposed');
  await expect(proposal.filter({ hasText: `Keripik Putaran ${suffix}` })).toHaveCount(1);
});

test('pages for signed-in people ask to sign in first', async ({ page }) => {
  await page.goto('/umkm');
  await expect(page.getByText('Silakan masuk dahulu.')).toBeVisible();
  await page.getByRole('link', { name: /Masuk/ }).last().click();
  await expect(page.getByRole('heading', { level: 1, name: /Masuk/ })).toBeVisible();
});
