/**
 * The real sign-in, end to end without AWS: a certified OpenID provider (`oidc-provider`) on loopback,
 * the local stack in AUTH_MODE=oidc trusting it, and the site signing in through it with the
 * authorization code flow and PKCE (oidc-client-ts), exactly as it does through Cognito's managed
 * login when deployed. Then the API is called with the provider's access token, and refused with a
 * token of a wrong issuer and with an expired one (both signed with the provider's own key, so only
 * the issuer or the expiry is wrong).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import { freePort } from '../../functions/src/local/dynamodb-local';
import { type LocalStack, startLocalStack } from '../../functions/src/local/server';

const CLIENT_ID = 'sinergi-site';
const RESOURCE = 'https://api.sinergi.test';

let provider: Server;
let issuer: string;
let stack: LocalStack;
let privateJwk: JWK;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  privateJwk = { ...(await exportJWK(privateKey)), kid: 'loopback-1', alg: 'RS256', use: 'sig' };
  const providerPort = await freePort();
  const sitePort = await freePort();
  issuer = `http://127.0.0.1:${providerPort}`;
  const site = `http://127.0.0.1:${sitePort}`;

  const oidc = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${site}/masuk`],
        post_logout_redirect_uris: [`${site}/`],
      },
    ],
    jwks: { keys: [privateJwk] },
    // Any login name is an account; its groups claim makes it a UMKM.
    findAccount: async (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub, name: `Ibu ${sub}` }),
    }),
    claims: { openid: ['sub'], profile: ['name'] },
    extraTokenClaims: async () => ({ groups: ['business'] }),
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'openid profile email',
          audience: RESOURCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: 600,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    clientBasedCORS: (_ctx: unknown, origin: string) => origin === site,
    cookies: { keys: ['loopback-test-cookie-key'] },
  });
  provider = createServer(oidc.callback());
  await new Promise<void>((resolve) => provider.listen(providerPort, '127.0.0.1', resolve));
  expect((provider.address() as AddressInfo).port).toBe(providerPort);

  stack = await startLocalStack({
    port: sitePort,
    host: '127.0.0.1',
    seed: false,
    // The Playwright web server (the first local stack) has built web/out already.
    buildSite: false,
    env: {
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_TOKEN_USE: 'access',
      OIDC_GROUPS_CLAIM: 'groups',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    log: () => undefined,
  });
});

test.afterAll(async () => {
  await stack?.stop();
  provider?.close();
});

/** A token signed with the provider's own key, with the claims the API checks. */
async function mint(claims: { iss: string; exp: number }) {
  const key = await importJWK(privateJwk, 'RS256');
  return new SignJWT({ client_id: CLIENT_ID, aud: RESOURCE, groups: ['business'], scope: 'openid' })
    .setProtectedHeader({ alg: 'RS256', kid: privateJwk.kid as string, typ: 'at+jwt' })
    .setIssuer(claims.iss)
    .setSubject('minted-user')
    .setIssuedAt(claims.exp - 600)
    .setExpirationTime(claims.exp)
    .sign(key);
}

test('signs in with code + PKCE through a real OpenID provider, then the API accepts only good tokens', async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one browser is enough for the protocol');
  const site = stack.url;

  const config = await request.get(`${site}/config.json`);
  expect(await config.json()).toMatchObject({
    auth: { mode: 'oidc', authority: issuer, clientId: CLIENT_ID },
  });

  await page.goto(`${site}/masuk`);
  await page.getByRole('button', { name: /Masuk/ }).click();

  // The provider's own pages: the request carried a PKCE challenge (S256), or it would refuse.
  await page.waitForURL((url) => url.origin === issuer);
  await page.locator('input[name="login"]').fill('sari');
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Back at /masuk with a code; the site exchanges it (with the verifier) and lands on the UMKM home.
  await page.waitForURL(`${site}/umkm`, { timeout: 20_000 });
  const session = await page.evaluate(() => sessionStorage.getItem('sinergi.session'));
  const { token, user } = JSON.parse(session as string) as {
    token: string;
    user: { id: string; role: string };
  };
  expect(user).toMatchObject({ id: 'sari', role: 'business' });
  const [header] = token.split('.');
  expect(JSON.parse(Buffer.from(header as string, 'base64url').toString())).toMatchObject({ typ: 'at+jwt' });

  const me = await request.get(`${site}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ user: { id: 'sari', role: 'business' } });
  expect(me.headers()['cache-control']).toBe('private, no-store');

  const now = Math.floor(Date.now() / 1000);
  const control = await mint({ iss: issuer, exp: now + 300 });
  const wrongIssuer = await mint({ iss: 'http://127.0.0.1:1', exp: now + 300 });
  const expired = await mint({ iss: issuer, exp: now - 60 });
  const call = (t: string) =>
    request.get(`${site}/api/auth/me`, { headers: { authorization: `Bearer ${t}` } });
  expect((await call(control)).status()).toBe(200);
  expect((await call(wrongIssuer)).status()).toBe(401);
  expect((await call(expired)).status()).toBe(401);

  // No dev-login in this mode.
  const devLogin = await request.post(`${site}/api/auth/dev-login`, { data: { role: 'admin' } });
  expect(devLogin.status()).toBe(404);
});
