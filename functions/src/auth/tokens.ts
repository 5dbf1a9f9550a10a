import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@sinergi/shared/schemas';
import type { JWTPayload, JWTVerifyGetKey } from 'jose';
import { type AuthSettings, authSettings, type Config } from '../config';
import { ForbiddenError, ServiceUnavailableError, UnauthorizedError } from '../domain/errors';
import type { Identity } from '../domain/model';

/** Turns a bearer token into the caller's identity, or throws UnauthorizedError. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

/** A token whose signature and claims were checked: who it names, and its `exp` (epoch seconds). */
interface Verified {
  identity: Identity;
  exp: number;
}

/** How many verified tokens an instance remembers (a few hundred bytes each). */
const REMEMBERED_TOKENS = 10_000;

/**
 * A verifier that checks each distinct token once, then answers from memory until the token's `exp`
 * (jose's own rule: valid while the current second is before it). A signed token says the same thing
 * on every call, so a remembered answer is the answer verifying again would give: only the clock can
 * change it, and the clock is checked on every call. Refusals are not remembered. The oldest entries go
 * first beyond `max`. This keeps the HMAC or RSA check (and jose's claim checks) off the hot path of an
 * instance that serves the same people again and again.
 */
export function rememberingVerifier(
  verifyOnce: (token: string) => Promise<Verified>,
  options: { now?: () => number; max?: number } = {},
): TokenVerifier {
  const now = options.now ?? Date.now;
  const max = options.max ?? REMEMBERED_TOKENS;
  const known = new Map<string, Verified>();
  const current = (v: Verified) => Math.floor(now() / 1000) < v.exp;
  return {
    async verify(token: string): Promise<Identity> {
      const hit = known.get(token);
      if (hit && current(hit)) return hit.identity;
      if (hit) known.delete(token);
      const verified = await verifyOnce(token);
      // jose checked `exp` against its own clock; the remembered answer follows ours from here on.
      if (!current(verified)) throw new UnauthorizedError('invalid or expired token');
      if (known.size >= max) known.delete(known.keys().next().value as string);
      // One identity object serves every call with this token: nobody may change it.
      known.set(token, { identity: Object.freeze(verified.identity), exp: verified.exp });
      return verified.identity;
    },
  };
}

/**
 * jose, imported on the first token to sign or verify: a cold start that serves no token never loads it.
 * Kept once imported: every `import()` goes through the module loader again, a cost on each call.
 */
let joseModule: Promise<typeof import('./jose')> | undefined;
const jose = () => {
  joseModule ??= import('./jose');
  return joseModule;
};

const ISSUER = 'sinergi-local';
const AUDIENCE = 'sinergi-api';
const LOCAL_TOKEN_HOURS = 12;

/**
 * The user id of a dev-login: derived from (role, name) so logging in again with the same name returns
 * the same account (the demo seed relies on it). Names compare trimmed, NFC-normalised, case-insensitive.
 */
export function devUserId(role: Role, name: string): string {
  const normalised = name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return `u${createHash('sha256').update(`${role}\n${normalised}`).digest('base64url').slice(0, 22)}`;
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** A base64url JSON part of a token as an object, or undefined when it is not one. */
function jsonPart(part: string): Record<string, unknown> | undefined {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The claims of an HS256 token {@link localTokens} signed, checked as jose's `jwtVerify` checks them
 * with this module's options, or undefined: a header naming HS256 and no extension (`crit`, `b64`), the
 * HMAC-SHA256 signature (compared in constant time), `iss`, `aud`, `exp` required and in the future,
 * `nbf` not in the future, `iat` a number, `sub` a string. node:crypto's HMAC runs in ~10 µs on the
 * calling thread, where WebCrypto's (jose 6 has no other) costs ~150 µs of CPU in an async job, paid
 * on the first call of every user an instance serves.
 */
export function verifyLocalToken(
  token: string,
  key: Uint8Array,
  nowSeconds: number,
): (Record<string, unknown> & { sub: string; exp: number }) | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [head, body, signature] = parts as [string, string, string];
  const header = jsonPart(head);
  if (header?.alg !== 'HS256' || 'crit' in header || 'b64' in header) return undefined;
  if (!BASE64URL.test(signature)) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const claims = jsonPart(body);
  if (claims === undefined || claims.iss !== ISSUER) return undefined;
  const { aud, exp, nbf, iat, sub } = claims;
  if (!(aud === AUDIENCE || (Array.isArray(aud) && aud.includes(AUDIENCE)))) return undefined;
  if (typeof exp !== 'number' || !Number.isFinite(exp) || exp <= nowSeconds) return undefined;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) return undefined;
  if (iat !== undefined && typeof iat !== 'number') return undefined;
  if (typeof sub !== 'string') return undefined;
  return { ...claims, sub, exp };
}

/** HS256 JWTs signed by the app itself, for local development (AUTH_MODE=local). */
export function localTokens(secret: string, options: { now?: () => number } = {}) {
  const key = new TextEncoder().encode(secret);
  const now = options.now ?? Date.now;
  return {
    async sign(identity: Identity): Promise<string> {
      const { SignJWT } = await jose();
      return new SignJWT({ role: identity.role, ...(identity.name ? { name: identity.name } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(identity.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${LOCAL_TOKEN_HOURS}h`)
        .sign(key);
    },
    verifier: rememberingVerifier(
      async (token: string): Promise<Verified> => {
        // A token without an expiry would be valid forever; without a subject it names nobody.
        const payload = verifyLocalToken(token, key, Math.floor(now() / 1000));
        if (payload === undefined) throw new UnauthorizedError('invalid or expired token');
        const role = payload.role;
        if (!ROLES.includes(role as Role)) throw new UnauthorizedError('token without a subject or role');
        return {
          identity: {
            userId: payload.sub,
            role: role as Role,
            ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
          },
          exp: payload.exp,
        };
      },
      { now },
    ),
  };
}

/** If a user is in several groups, the most privileged one decides. */
const ROLE_PRIORITY: readonly Role[] = ['admin', 'corporate', 'university', 'community', 'business'];

export function roleFromGroups(groups: unknown): Role | undefined {
  const list = typeof groups === 'string' ? groups.split(/[\s,]+/) : groups;
  if (!Array.isArray(list)) return undefined;
  return ROLE_PRIORITY.find((role) => list.includes(role));
}

type OidcSettings = Extract<AuthSettings, { mode: 'oidc' }>;
type Fetch = typeof fetch;

/** The issuer's JWKS address from its discovery document, which must name the same issuer. */
async function discoverJwksUri(issuer: string, fetchImpl: Fetch): Promise<string> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  const reply = await fetchImpl(url, { signal: AbortSignal.timeout(3_000) });
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}`);
  const doc = (await reply.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (doc.issuer !== issuer) throw new Error(`${url} names issuer ${String(doc.issuer)}, not ${issuer}`);
  if (typeof doc.jwks_uri !== 'string') throw new Error(`${url} has no jwks_uri`);
  return doc.jwks_uri;
}

/**
 * JWTs of one OpenID issuer (Cognito, or any other), verified against the issuer's JWKS: signature
 * (asymmetric algorithms only), `iss`, `exp` and `sub` present and valid, and exactly one token use:
 *  - `access`: `client_id` is the site's client, and the token says it is an access token: Cognito's
 *    `token_use: access`, or the RFC 9068 header `typ: at+jwt`;
 *  - `id`: `aud` is the site's client, and the token is not an access token (`token_use` absent or `id`).
 * The role is the most privileged Sinergi group in `groupsClaim`; a valid token in no group is a 403.
 */
export function oidcVerifier(
  settings: OidcSettings,
  options: { fetch?: Fetch; keys?: JWTVerifyGetKey; now?: () => number } = {},
): TokenVerifier {
  const fetchImpl = options.fetch ?? fetch;
  let jwks: Promise<JWTVerifyGetKey> | undefined = options.keys && Promise.resolve(options.keys);
  const keys = () => {
    jwks ??= (
      settings.jwksUri ? Promise.resolve(settings.jwksUri) : discoverJwksUri(settings.issuer, fetchImpl)
    )
      .then(async (uri) =>
        (await jose()).createRemoteJWKSet(new URL(uri), { timeoutDuration: 3_000, cooldownDuration: 30_000 }),
      )
      .catch((error) => {
        jwks = undefined; // try discovery again on the next call
        throw error;
      });
    return jwks;
  };
  const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

  return rememberingVerifier(
    async (token: string): Promise<Verified> => {
      let keySet: JWTVerifyGetKey;
      try {
        keySet = await keys();
      } catch (error) {
        throw new ServiceUnavailableError('the sign-in provider cannot be reached; retry shortly', {
          cause: error,
        });
      }
      const { jwtVerify } = await jose();
      let payload: JWTPayload;
      let typ: string | undefined;
      try {
        const verified = await jwtVerify(token, keySet, {
          issuer: settings.issuer,
          algorithms,
          requiredClaims: ['exp', 'sub'],
          ...(settings.tokenUse === 'id' ? { audience: settings.clientId } : {}),
        });
        payload = verified.payload;
        typ = verified.protectedHeader.typ?.toLowerCase();
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (code === 'ERR_JWKS_TIMEOUT') {
          throw new ServiceUnavailableError('the sign-in provider cannot be reached; retry shortly', {
            cause: error,
          });
        }
        throw new UnauthorizedError('invalid or expired token', { cause: error });
      }
      const tokenUse = payload.token_use;
      const isAccess = tokenUse === 'access' || typ === 'at+jwt' || typ === 'application/at+jwt';
      if (settings.tokenUse === 'access') {
        if (!isAccess || (tokenUse !== undefined && tokenUse !== 'access')) {
          throw new UnauthorizedError('an access token is expected');
        }
        if (payload.client_id !== settings.clientId) throw new UnauthorizedError('token for another client');
      } else if (isAccess || (tokenUse !== undefined && tokenUse !== 'id')) {
        throw new UnauthorizedError('an ID token is expected');
      }
      const role = roleFromGroups(payload[settings.groupsClaim]);
      if (!role) throw new ForbiddenError('this account is in no Sinergi role group');
      const name = payload.name ?? payload['cognito:username'] ?? payload.username ?? payload.email;
      return {
        identity: { userId: payload.sub as string, role, ...(typeof name === 'string' ? { name } : {}) },
        exp: payload.exp as number,
      };
    },
    { now: options.now },
  );
}

/** The verifier of the configured mode. */
export function createVerifier(config: Config): TokenVerifier {
  const settings = authSettings(config);
  return settings.mode === 'oidc' ? oidcVerifier(settings) : localTokens(settings.secret).verifier;
}
