import { z } from 'zod';

/**
 * The site's runtime configuration, `/config.json`: written by the CDK stack into the bucket on AWS and
 * answered by the local server, so one static build serves every stage. Without it (or with
 * `auth.mode: demo`) the site offers the demo sign-in of the local stack.
 */
export const SiteAuthConfig = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('demo') }),
  z.object({
    mode: z.literal('oidc'),
    /** The OpenID issuer (Cognito: https://cognito-idp.<region>.amazonaws.com/<pool id>). */
    authority: z.url(),
    /** The site's public client (code flow with PKCE, no secret). */
    clientId: z.string().min(1),
    scope: z.string().min(1),
    /** Which token the site sends to the API as its bearer token: the one the API accepts. */
    tokenUse: z.enum(['access', 'id']),
    /** The managed login's domain (Cognito), shown to people and used to sign out. */
    signInDomain: z.url().optional(),
    /** Where signing out ends the provider's session too (Cognito's /logout); else only the site forgets. */
    signOutUrl: z.url().optional(),
  }),
]);
export type SiteAuthConfig = z.infer<typeof SiteAuthConfig>;

export const SiteConfig = z
  .object({
    stage: z.string().min(1),
    auth: SiteAuthConfig,
    /** Cognito user pool id, for people reading the file (the site itself needs only `auth`). */
    userPoolId: z.string().optional(),
    region: z.string().optional(),
  })
  .meta({ id: 'SiteConfig' });
export type SiteConfig = z.infer<typeof SiteConfig>;
