import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test';
import type { Offer } from '@sinergi/shared/schemas';
import { apiLogin, signIn } from './accounts';

/**
 * The inbox counts what the other side did: two UMKM propose and the partner's header count goes up by
 * two, its inbox lists both; the partner answers them in its own browser, its count goes back to zero,
 * and each UMKM's header counts the one answer it got (accepted, declined), which its inbox names.
 * Two browser contexts, one per side, each with its own session, against the real local stack.
 */

/** A UMKM with a profile and one mentorship request, made through the API; its request's id. */
async function umkmWithRequest(request: APIRequestContext, name: string, business: string) {
  const headers = await apiLogin(request, 'business', name);
  const created = await request.post('/api/businesses', {
    headers,
    data: { name: business, province: '33', sizeClass: 'mikro', sector: 'kuliner', products: ['keripik'] },
  });
  expect(created.status()).toBe(201);
  const req = await request.post('/api/requests', {
    headers,
    data: { type: 'mentorship', needs: ['pemasaran digital'], mode: 'any' },
  });
  expect(req.status()).toBe(201);
  return { headers, requestId: ((await req.json()) as { id: string }).id };
}

/** A page of its own (own sessionStorage), signed in through the sign-in form as `name`. */
async function signedIn(browser: Browser, baseURL: string, roleName: RegExp, name: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, roleName, name);
  return page;
}

/** The header's count once the inbox has been read for the page shown (the link carries it as data-count). */
async function headerCount(page: Page, expected: number) {
  await expect(page.getByTestId('inbox-link')).toHaveAttribute('data-count', String(expected));
  if (expected > 0) await expect(page.getByTestId('inbox-count')).toContainText(String(expected));
  else await expect(page.getByTestId('inbox-count')).toHaveCount(0);
}

/** Opens the inbox from the header link (a page change: the count is read again). */
async function openInbox(page: Page) {
  await page.getByTestId('inbox-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kotak masuk' })).toBeVisible();
}

test('the inbox counts what the other side did, in the header and on its page', async ({
  browser,
  request,
  baseURL,
}, testInfo) => {
  // Its pages are contexts of their own (no project device): one run of it is enough.
  test.skip(testInfo.project.name !== 'desktop', 'one run: the contexts are made here, not by the project');
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const suffix = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const partnerName = `mitra-kotak-${suffix}`;
  const offerTitle = `Mentoring kotak masuk ${suffix}`;
  const [first, second] = [`Keripik Satu ${suffix}`, `Sambal Dua ${suffix}`];

  // A fresh corporate with one offer, and two fresh UMKM with a request each: nobody has anything yet.
  const partner = await apiLogin(request, 'corporate', partnerName);
  const org = await request.post('/api/organizations', {
    headers: partner,
    data: { name: `PT Kotak ${suffix}`, province: '31' },
  });
  expect(org.status()).toBe(201);
  const offerRes = await request.post('/api/offers', {
    headers: partner,
    data: {
      type: 'mentorship',
      title: offerTitle,
      topics: ['pemasaran digital'],
      mode: 'online',
      capacity: 3,
    },
  });
  expect(offerRes.status()).toBe(201);
  const offer = (await offerRes.json()) as Offer;
  const umkm1 = await umkmWithRequest(request, `umkm-kotak-1-${suffix}`, first);
  const umkm2 = await umkmWithRequest(request, `umkm-kotak-2-${suffix}`, second);

  const partnerPage = await signedIn(browser, base, /Korporasi/, partnerName);
  const umkmPage = await signedIn(browser, base, /UMKM/, `umkm-kotak-1-${suffix}`);
  await headerCount(partnerPage, 0);
  await headerCount(umkmPage, 0);

  // The UMKM side acts: both propose to the partner's offer.
  for (const u of [umkm1, umkm2]) {
    const res = await request.post('/api/partnerships', {
      headers: u.headers,
      data: { requestId: u.requestId, offerId: offer.id },
    });
    expect(res.status()).toBe(201);
  }

  // The partner's header counts exactly those two; its inbox lists them, each waiting for an answer.
  await openInbox(partnerPage);
  await headerCount(partnerPage, 2);
  const partnerInbox = partnerPage.getByTestId('inbox');
  await expect(partnerInbox.getByRole('listitem')).toHaveCount(2);
  for (const name of [first, second]) {
    const item = partnerInbox.getByRole('listitem').filter({ hasText: name });
    await expect(item).toHaveAttribute('data-kind', 'received');
    await expect(item).toContainText(`${name} mengajukan kemitraan untuk "${offerTitle}".`);
    await expect(item).toContainText('Perlu jawaban');
  }
  // Their own proposals ask nothing of the UMKM: its count has not moved.
  await umkmPage.reload();
  await headerCount(umkmPage, 0);

  // The partner answers both from its page (accepts the first, declines the second).
  await partnerInbox.getByRole('link', { name: /Buka/ }).first().click();
  for (const [name, action, status] of [
    [first, /Terima/, 'active'],
    [second, /Tolak/, 'declined'],
  ] as const) {
    const proposal = partnerPage
      .getByTestId('partnership')
      .filter({ hasText: offerTitle })
      .filter({ hasText: name });
    await expect(proposal).toHaveAttribute('data-status', 'proposed');
    await proposal.getByRole('button', { name: action }).click();
    await expect(proposal).toHaveAttribute('data-status', status);
  }
  // Answered: nothing is left for the partner.
  await openInbox(partnerPage);
  await headerCount(partnerPage, 0);
  await expect(partnerPage.getByText('Tidak ada yang perlu dijawab.')).toBeVisible();

  // Each UMKM's header counts the one answer it got, and its inbox says what it was.
  await umkmPage.reload();
  await headerCount(umkmPage, 1);
  await openInbox(umkmPage);
  const accepted = umkmPage.getByTestId('inbox').getByRole('listitem');
  await expect(accepted).toHaveCount(1);
  await expect(accepted).toHaveAttribute('data-kind', 'accepted');
  await expect(accepted).toContainText(`PT Kotak ${suffix} menerima pengajuan Anda untuk "${offerTitle}".`);
  // An answer is news, not a question: reading the inbox leaves it there (for INBOX_RECENT_DAYS).
  await headerCount(umkmPage, 1);

  const otherPage = await signedIn(browser, base, /UMKM/, `umkm-kotak-2-${suffix}`);
  await headerCount(otherPage, 1);
  await openInbox(otherPage);
  const declined = otherPage.getByTestId('inbox').getByRole('listitem');
  await expect(declined).toHaveAttribute('data-kind', 'declined');
  await expect(declined).toContainText(`PT Kotak ${suffix} menolak pengajuan Anda untuk "${offerTitle}".`);

  for (const p of [partnerPage, umkmPage, otherPage]) await p.context().close();
});
