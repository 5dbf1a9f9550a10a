import type { SiteConfig } from '@sinergi/shared/schemas';
import type { Config } from '../config';

/**
 * The site's `/config.json` on the local server, from the API's own configuration (the CDK stack
 * writes the same file into the bucket on AWS): OpenID sign-in when the API verifies an issuer's
 * tokens, the demo sign-in in local mode.
 */
export function localSiteConfig(config: Config): SiteConfig {
  if (
    config.AUTH_MODE !== 'oidc' ||
    !config.OIDC_ISSUER ||
    !config.OIDC_CLIENT_ID ||
    !config.OIDC_TOKEN_USE
  ) {
    return { stage: 'local', auth: { mode: 'demo' } };
  }
  return {
    stage: 'local',
    auth: {
      mode: 'oidc',
      authority: config.OIDC_ISSUER,
      clientId: config.OIDC_CLIENT_ID,
      scope: 'openid email profile',
      tokenUse: config.OIDC_TOKEN_USE,
    },
  };
}

/** Origins the site's CSP must allow for sign-in (the issuer), none in demo mode. */
export function providerOrigins(config: Config): string[] {
  return config.AUTH_MODE === 'oidc' && config.OIDC_ISSUER ? [new URL(config.OIDC_ISSUER).origin] : [];
}
