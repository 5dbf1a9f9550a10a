import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { TABLE_NAME_DEFAULT } from './store/table';

// zod/mini: the same core, checks and messages as the `zod` the schemas use, without its method-chaining
// layer, so a function instance parses its configuration at start-up without loading all of zod (the
// route groups load it when they are first built). Its English messages, as `zod` registers them.
z.config(en());

/**
 * The functions' configuration, parsed from the environment once by each entry point (Lambda handler,
 * local server) and passed down. Nothing else reads process.env.
 *
 * Sign-in fails closed: `AUTH_MODE` has no default, and every missing or contradictory setting stops the
 * process at start-up with a line naming the variable.
 *  - `local`: the app signs its own HS256 JWTs and offers /api/auth/dev-login. Only against a DynamoDB
 *    endpoint on this machine (loopback), never inside Lambda; the built-in secret is allowed only here.
 *  - `oidc`: verifies JWTs of one OpenID issuer (Cognito on AWS; any issuer locally) against its JWKS, for
 *    one client and exactly one token use (`access` or `id`). The role comes from a groups claim.
 */

/** The public development secret of local mode: in the repository, so it protects nothing. */
export const DEV_JWT_SECRET = 'sinergi-local-development-secret-not-for-production';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether a URL points at this machine (loopback), where plain http and local mode are allowed. */
export function isLoopbackUrl(url: string): boolean {
  try {
    return LOOPBACK.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The DynamoDB client's timeouts and attempts unless the environment says otherwise. */
export const DYNAMODB_DEFAULTS = {
  connectTimeoutMs: 1_000,
  requestTimeoutMs: 3_000,
  maxAttempts: 3,
} as const;

const ms = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(100), z.maximum(20_000)), fallback);

const ConfigSchema = z
  .object({
    TABLE_NAME: z._default(z.string().check(z.minLength(1)), TABLE_NAME_DEFAULT),
    AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-3'),
    /** Set locally to the DynamoDB Local endpoint; unset on AWS. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    /** Time to open a connection to DynamoDB, and for one whole request; the SDK retries within a budget. */
    DYNAMODB_CONNECT_TIMEOUT_MS: ms(DYNAMODB_DEFAULTS.connectTimeoutMs),
    DYNAMODB_REQUEST_TIMEOUT_MS: ms(DYNAMODB_DEFAULTS.requestTimeoutMs),
    /** SDK attempts per call (first try included) for timeouts, network errors and 5xx answers. */
    DYNAMODB_MAX_ATTEMPTS: z._default(
      z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5)),
      DYNAMODB_DEFAULTS.maxAttempts,
    ),
    AUTH_MODE: z.enum(['local', 'oidc'], {
      error: (issue) =>
        issue.input === undefined
          ? 'is required and has no default: `oidc` (deployed) or `local` (DynamoDB Local on this machine only)'
          : 'must be `oidc` or `local`',
    }),
    LOCAL_JWT_SECRET: z.optional(z.string().check(z.minLength(32))),
    /** Issuer URL exactly as in the tokens' `iss` (Cognito: https://cognito-idp.<region>.amazonaws.com/<pool>). */
    OIDC_ISSUER: z.optional(z.url()),
    /** The site's client id: `client_id` of access tokens, `aud` of ID tokens. */
    OIDC_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
    /** Exactly one token use is accepted. */
    OIDC_TOKEN_USE: z.optional(z.enum(['access', 'id'])),
    /** The JWKS; when unset, read from the issuer's /.well-known/openid-configuration. */
    OIDC_JWKS_URI: z.optional(z.url()),
    /** The claim listing the caller's groups, one per role. */
    OIDC_GROUPS_CLAIM: z._default(z.string().check(z.minLength(1)), 'cognito:groups'),
    /** Where /api/docs loads its script from; unset: the app serves the vendored file itself. */
    DOCS_SCRIPT_URL: z.optional(z.string().check(z.minLength(1))),
    /**
     * Per-user rate limits (RATE_LIMITS in shared): `on` everywhere people call the API. `off` only for
     * a local stack that tests drive with hundreds of calls of one user at once (the last-slot races).
     */
    RATE_LIMITS: z._default(z.enum(['on', 'off']), 'on'),
    /** Set by Lambda itself: local mode refuses to start there. */
    AWS_LAMBDA_FUNCTION_NAME: z.optional(z.string()),
  })
  .check(
    z.superRefine((c, ctx) => {
      const issue = (path: string, message: string) =>
        ctx.addIssue({ code: 'custom', path: [path], message });
      if (c.AUTH_MODE === 'local') {
        if (!c.DYNAMODB_ENDPOINT || !isLoopbackUrl(c.DYNAMODB_ENDPOINT)) {
          issue(
            'DYNAMODB_ENDPOINT',
            'AUTH_MODE=local runs only against a DynamoDB endpoint on this machine (localhost/127.x/[::1])',
          );
        }
        if (c.AWS_LAMBDA_FUNCTION_NAME) issue('AUTH_MODE', 'AUTH_MODE=local never runs inside AWS Lambda');
        for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_TOKEN_USE', 'OIDC_JWKS_URI'] as const) {
          if (c[name] !== undefined)
            issue(name, `contradicts AUTH_MODE=local (it belongs to AUTH_MODE=oidc)`);
        }
      }
      if (c.AUTH_MODE === 'oidc') {
        if (c.LOCAL_JWT_SECRET === DEV_JWT_SECRET) {
          issue('LOCAL_JWT_SECRET', 'the public development secret is refused outside AUTH_MODE=local');
        } else if (c.LOCAL_JWT_SECRET !== undefined) {
          issue('LOCAL_JWT_SECRET', 'contradicts AUTH_MODE=oidc (only local mode signs its own tokens)');
        }
        if (!c.OIDC_ISSUER) issue('OIDC_ISSUER', 'is required with AUTH_MODE=oidc');
        else if (!c.OIDC_ISSUER.startsWith('https://') && !isLoopbackUrl(c.OIDC_ISSUER)) {
          issue('OIDC_ISSUER', 'must be https (plain http only for an issuer on loopback)');
        }
        if (!c.OIDC_CLIENT_ID) issue('OIDC_CLIENT_ID', 'is required with AUTH_MODE=oidc');
        if (!c.OIDC_TOKEN_USE) issue('OIDC_TOKEN_USE', 'is required with AUTH_MODE=oidc: `access` or `id`');
        if (c.OIDC_JWKS_URI && !c.OIDC_JWKS_URI.startsWith('https://') && !isLoopbackUrl(c.OIDC_JWKS_URI)) {
          issue('OIDC_JWKS_URI', 'must be https (plain http only on loopback)');
        }
      }
    }),
  );

export type Config = z.infer<typeof ConfigSchema>;

/** The verified settings of each sign-in mode, for the code that builds the token verifier. */
export type AuthSettings =
  | { mode: 'local'; secret: string }
  | {
      mode: 'oidc';
      issuer: string;
      clientId: string;
      tokenUse: 'access' | 'id';
      groupsClaim: string;
      jwksUri?: string;
    };

export function authSettings(config: Config): AuthSettings {
  if (config.AUTH_MODE === 'local')
    return { mode: 'local', secret: config.LOCAL_JWT_SECRET ?? DEV_JWT_SECRET };
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_TOKEN_USE) {
    // Only reachable with a Config object not made by loadConfig (a test's spread): fail closed too.
    throw new ConfigError(
      'Invalid configuration: AUTH_MODE=oidc needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_TOKEN_USE',
    );
  }
  return {
    mode: 'oidc',
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    tokenUse: config.OIDC_TOKEN_USE,
    groupsClaim: config.OIDC_GROUPS_CLAIM,
    ...(config.OIDC_JWKS_URI ? { jwksUri: config.OIDC_JWKS_URI } : {}),
  };
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    /** The variables at fault, for the start-up log line. */
    readonly variables: string[] = [],
  ) {
    super(message);
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env, { jitless: true });
  if (!parsed.success) {
    const variables = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(env)'))];
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`, variables);
  }
  return parsed.data;
}

/**
 * The local stack's entry points (npm start, npm run dev, tests): local mode unless the environment
 * chooses another (the OpenID browser test runs the local stack with AUTH_MODE=oidc). The rules are the
 * same: local mode still needs the loopback DynamoDB endpoint.
 */
export function loadConfigForLocalStack(env: Record<string, string | undefined>): Config {
  return loadConfig({
    ...env,
    AUTH_MODE: env.AUTH_MODE ?? 'local',
    // DynamoDB Local (a JVM) on a busy laptop or CI can take seconds per call: the deployed function's
    // tight budget would cut it off mid-seed. Explicit settings still win.
    DYNAMODB_CONNECT_TIMEOUT_MS: env.DYNAMODB_CONNECT_TIMEOUT_MS ?? '5000',
    DYNAMODB_REQUEST_TIMEOUT_MS: env.DYNAMODB_REQUEST_TIMEOUT_MS ?? '20000',
  });
}
