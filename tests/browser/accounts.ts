import { type APIRequestContext, expect, type Page } from '@playwright/test';
import type { DevLoginResponse } from '@sinergi/shared/schemas';

/** The bearer header of the demo account `name` with `role` (created on its first sign-in). */
export async function apiLogin(request: APIRequestContext, role: string, name: string) {
  const res = await request.post('/api/auth/dev-login', { data: { role, name } });
  expect(res.status()).toBe(200);
  const { token } = (await res.json()) as DevLoginResponse;
  return { authorization: `Bearer ${token}` };
}

/** Signs in through the sign-in form, once it is hydrated: the role's radio button, the name, "Masuk". */
export async function signIn(page: Page, roleName: RegExp, name: string) {
  await page.goto('/masuk');
  // The form's handlers are attached once React has hydrated (the language switch marks that).
  await expect(page.locator('[data-testid="lang-switch"][data-ready]')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('radio', { name: roleName }).check();
  await page.getByLabel(/^Nama/).fill(name);
  await page.getByRole('button', { name: /^Masuk/ }).click();
  await expect(page.getByTestId('who')).toContainText(name);
}
