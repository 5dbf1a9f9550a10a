/**
 * Tokens an attacker can make, for the local (HS256) verifier: none may ever be accepted. Built with the
 * real secret where that is the point (wrong issuer, audience, expired, no expiry, unknown role), so the
 * verifier's checks, not only the signature, are what refuses them.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface ForgeInput {
  /** The app's real signing secret (LOCAL_JWT_SECRET). */
  secret: string;
  /** A real user's token, to tamper with. */
  victimToken: string;
  victimUserId: string;
}

export async function forgedTokens({ secret, victimToken, victimUserId }: ForgeInput) {
  const real = new TextEncoder().encode(secret);
  const now = Math.floor(Date.now() / 1000);
  const base = { iss: 'sinergi-local', aud: 'sinergi-api', sub: victimUserId, role: 'admin' };
  const sign = (claims: Record<string, unknown>, key = real, alg = 'HS256') =>
    new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const [header, payload] = victimToken.split('.') as [string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;

  return {
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...base, exp: now + 3600 })}.`,
    'alg none, no dot': `${b64({ alg: 'none' })}.${b64({ ...base, exp: now + 3600 })}`,
    'another secret': await sign({ ...base, exp: now + 3600 }, new TextEncoder().encode('not-the-secret')),
    'wrong issuer': await sign({ ...base, iss: 'evil', exp: now + 3600 }),
    'wrong audience': await sign({ ...base, aud: 'other-api', exp: now + 3600 }),
    expired: await sign({ ...base, exp: now - 60, iat: now - 7200 }),
    'no exp': await sign({ ...base, iat: now }),
    'no sub': await sign({ iss: base.iss, aud: base.aud, role: 'admin', exp: now + 3600 }),
    'unknown role': await sign({ ...base, role: 'superuser', exp: now + 3600 }),
    'HS512 with the real secret': await sign({ ...base, exp: now + 3600 }, real, 'HS512'),
    'RS256 with an embedded key': await new SignJWT({ ...base, exp: now + 3600 })
      .setProtectedHeader({ alg: 'RS256', jwk: await exportJWK(publicKey) })
      .sign(privateKey),
    // A valid signature over the victim's claims, with the role raised and the signature kept.
    'victim signature, role raised': `${header}.${b64({ ...claims, role: 'admin' })}.${victimToken.split('.')[2]}`,
    // The victim's signature over another user's subject.
    'victim signature, other sub': `${header}.${b64({ ...claims, sub: 'uSomeoneElse' })}.${victimToken.split('.')[2]}`,
    'signature stripped': `${header}.${payload}.`,
  } as Record<string, string>;
}
