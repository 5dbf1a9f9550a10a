import { createHash } from 'node:crypto';
import { ROLES, type Role } from '@sinergi/shared/schemas';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../config';
import { ForbiddenError, UnauthorizedError } from '../domain/errors';
import type { Identity } from '../domain/model';

/** Turns a bearer token into the caller's identity, or throws UnauthorizedError. */
export interface TokenVerifier {
  verify(token: string): Promise<Identity>;
}

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

/** HS256 JWTs signed by the app itself, for local development (AUTH_MODE=local). */
export function localTokens(secret: string) {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(identity: Identity): Promise<string> {
      return new SignJWT({ role: identity.role, ...(identity.name ? { name: identity.name } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(identity.userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${LOCAL_TOKEN_HOURS}h`)
        .sign(key);
    },
    verifier: {
      async verify(token: string): Promise<Identity> {
        try {
          const { payload } = await jwtVerify(token, key, {
            issuer: ISSUER,
            audience: AUDIENCE,
            algorithms: ['HS256'],
            // A token without an expiry would be valid forever: refuse it (and one without a subject).
            requiredClaims: ['exp', 'sub'],
          });
          const role = payload.role;
          if (typeof payload.sub !== 'string' || !ROLES.includes(role as Role)) {
            throw new UnauthorizedError('token without a subject or role');
          }
          return {
            userId: payload.sub,
            role: role as Role,
            ...(typeof payload.name === 'string' ? { name: payload.name } : {}),
          };
        } catch (error) {
          if (error instanceof UnauthorizedError) throw error;
          throw new UnauthorizedError('invalid or expired token', { cause: error });
        }
      },
    } satisfies TokenVerifier,
  };
}

/** If a Cognito user is in several groups, the most privileged one decides. */
const ROLE_PRIORITY: readonly Role[] = ['admin', 'corporate', 'university', 'community', 'business'];

export function roleFromGroups(groups: unknown): Role | undefined {
  if (!Array.isArray(groups)) return undefined;
  return ROLE_PRIORITY.find((role) => groups.includes(role));
}

/** Cognito ID or access tokens, verified against the user pool's JWKS; the role comes from `cognito:groups`. */
export function cognitoVerifier(userPoolId: string, clientId: string): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: null });
  return {
    async verify(token: string): Promise<Identity> {
      let payload: Awaited<ReturnType<typeof verifier.verify>>;
      try {
        payload = await verifier.verify(token);
      } catch (error) {
        throw new UnauthorizedError('invalid or expired token', { cause: error });
      }
      const role = roleFromGroups(payload['cognito:groups']);
      if (!role) throw new ForbiddenError('this account is in no Sinergi role group');
      const name = payload.name ?? payload['cognito:username'] ?? payload.username;
      return { userId: payload.sub, role, ...(typeof name === 'string' ? { name } : {}) };
    },
  };
}

export function createVerifier(config: Config): TokenVerifier {
  if (config.AUTH_MODE === 'cognito') {
    return cognitoVerifier(config.COGNITO_USER_POOL_ID ?? '', config.COGNITO_CLIENT_ID ?? '');
  }
  return localTokens(config.LOCAL_JWT_SECRET).verifier;
}
