'use client';

import type { Me, SiteAuthConfig } from '@sinergi/shared/schemas';
import { UserManager, WebStorageStateStore } from 'oidc-client-ts';

type OidcConfig = Extract<SiteAuthConfig, { mode: 'oidc' }>;

/**
 * Real sign-in through the OpenID provider named in config.json (Cognito's managed login on AWS):
 * authorization code with PKCE by oidc-client-ts, state and tokens in this tab's sessionStorage. The
 * token the API accepts (access or ID, as config.json says) becomes the session's bearer token.
 */
export const CALLBACK_PATH = '/masuk';

let manager: { key: string; um: UserManager } | undefined;

function userManager(config: OidcConfig): UserManager {
  const key = `${config.authority}|${config.clientId}`;
  if (manager?.key !== key) {
    const origin = window.location.origin;
    manager = {
      key,
      um: new UserManager({
        authority: config.authority,
        client_id: config.clientId,
        redirect_uri: `${origin}${CALLBACK_PATH}`,
        post_logout_redirect_uri: `${origin}/`,
        response_type: 'code',
        scope: config.scope,
        loadUserInfo: false,
        automaticSilentRenew: false,
        userStore: new WebStorageStateStore({ store: window.sessionStorage }),
        stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      }),
    };
  }
  return manager.um;
}

/** Off to the provider's sign-in page; it comes back to /masuk with a code. */
export function startSignIn(config: OidcConfig): Promise<void> {
  return userManager(config).signinRedirect();
}

/** Whether this URL is the provider's answer (a code or an error, with our state). */
export function isCallback(url: URL): boolean {
  return url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
}

/**
 * Exchanges the code (with the PKCE verifier kept since the redirect) for tokens, then asks the API
 * who this is: the API, not the browser, decides the role from the token's groups.
 */
export async function finishSignIn(
  config: OidcConfig,
  whoAmI: (token: string) => Promise<Me>,
): Promise<{ token: string; me: Me }> {
  const user = await userManager(config).signinRedirectCallback(window.location.href);
  const token = config.tokenUse === 'access' ? user.access_token : user.id_token;
  if (!token) throw new Error(`the provider returned no ${config.tokenUse} token`);
  window.history.replaceState(null, '', CALLBACK_PATH);
  return { token, me: await whoAmI(token) };
}

/** Forgets the tokens, and ends the provider's session when config.json names its sign-out page. */
export async function endSignIn(config: OidcConfig): Promise<void> {
  await userManager(config).removeUser();
  if (config.signOutUrl) {
    const url = new URL(config.signOutUrl);
    url.searchParams.set('client_id', config.clientId);
    url.searchParams.set('logout_uri', `${window.location.origin}/`);
    window.location.assign(url.toString());
  }
}
