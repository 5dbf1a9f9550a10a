import { createHmac } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError } from '../domain/errors';
import {
  devUserId,
  localTokens,
  oidcVerifier,
  rememberingVerifier,
  roleFromGroups,
  type TokenVerifier,
} from './tokens';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('local tokens', () => {
  it('derives the same user id from the same (role, name), ignoring case and spacing', () => {
    expect(devUserId('business', 'Ibu Sari')).toBe(devUserId('business', '  ibu   SARI '));
    expect(devUserId('business', 'Ibu Sari')).not.toBe(devUserId('corporate', 'Ibu Sari'));
    expect(devUserId('business', 'Ibu Sari')).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('verifies what it signed and refuses another secret’s token', async () => {
    const tokens = localTokens(secret);
    const token = await tokens.sign({ userId: 'u1', role: 'admin', name: 'Admin' });
    expect(await tokens.verifier.verify(token)).toEqual({ userId: 'u1', role: 'admin', name: 'Admin' });
    const other = localTokens(`${secret}-other`);
    await expect(other.verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses a token without exp or without sub, even when correctly signed', async () => {
    const key = new TextEncoder().encode(secret);
    const base = () =>
      new SignJWT({ role: 'admin' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer('sinergi-local')
        .setAudience('sinergi-api')
        .setIssuedAt();
    const noExp = await base().setSubject('u1').sign(key);
    const noSub = await base().setExpirationTime('1h').sign(key);
    const ok = await base().setSubject('u1').setExpirationTime('1h').sign(key);
    const { verifier } = localTokens(secret);
    await expect(verifier.verify(noExp)).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(verifier.verify(noSub)).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await verifier.verify(ok)).userId).toBe('u1');
  });

  it('refuses every token jose would refuse: tampered, another algorithm, wrong issuer or audience, expired, not yet valid, malformed', async () => {
    const key = new TextEncoder().encode(secret);
    const now = Date.UTC(2026, 11, 1) / 1000;
    const sign = (edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
      edit(
        new SignJWT({ role: 'business' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('u1')
          .setIssuer('sinergi-local')
          .setAudience('sinergi-api')
          .setIssuedAt(now - 60)
          .setExpirationTime(now + 3600),
      ).sign(key);
    const { verifier } = localTokens(secret, { now: () => now * 1000 });
    const refused = async (token: string) =>
      expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);

    const ok = await sign();
    expect(await verifier.verify(ok)).toEqual({ userId: 'u1', role: 'business' });
    expect(
      (await verifier.verify(await sign((jwt) => jwt.setAudience(['other', 'sinergi-api'])))).userId,
    ).toBe('u1');
    const [head, body, signature] = ok.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    await refused(`${head}.${forged}.${signature}`);
    const none = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    await refused(`${none}.${body}.`);
    await refused(`${none}.${body}.${signature}`);
    // Signed with the right key, but with a header extension jose would refuse to process.
    const critical = Buffer.from(JSON.stringify({ alg: 'HS256', crit: ['x'], x: 1 })).toString('base64url');
    const criticalMac = createHmac('sha256', key).update(`${critical}.${body}`).digest('base64url');
    await refused(`${critical}.${body}.${criticalMac}`);
    await refused(await sign((jwt) => jwt.setIssuer('someone-else')));
    await refused(await sign((jwt) => jwt.setAudience('another-api')));
    await refused(await sign((jwt) => jwt.setExpirationTime(now - 1)));
    await refused(await sign((jwt) => jwt.setExpirationTime(now)));
    await refused(await sign((jwt) => jwt.setNotBefore(now + 60)));
    await refused(
      await new SignJWT({ role: 'business' })
        .setProtectedHeader({ alg: 'HS512' })
        .setSubject('u1')
        .setIssuer('sinergi-local')
        .setAudience('sinergi-api')
        .setExpirationTime(now + 3600)
        .sign(key),
    );
    await refused(`${head}.${body}`);
    await refused(`${head}.${body}.${signature}x`);
    await refused(`${head}.${body}.${signature.slice(0, -2)}`);
    await refused(`${head}!.${body}.${signature}`);
    await refused('');
  });

  it('takes the most privileged Sinergi group as the role', () => {
    expect(roleFromGroups(['business', 'admin'])).toBe('admin');
    expect(roleFromGroups(['university'])).toBe('university');
    expect(roleFromGroups('community other')).toBe('community');
    expect(roleFromGroups(['staff'])).toBeUndefined();
    expect(roleFromGroups(undefined)).toBeUndefined();
  });
});

describe('OpenID tokens (any issuer; Cognito shapes)', () => {
  const issuer = 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_test';
  const clientId = 'site-client';
  let sign: (
    claims: JWTPayload,
    options?: { typ?: string; exp?: string; iss?: string; other?: boolean },
  ) => Promise<string>;
  let access: TokenVerifier;
  let id: TokenVerifier;
  /** An access-token verifier on a clock the test moves. */
  let clocked: TokenVerifier;
  let clock = Date.now();

  beforeAll(async () => {
    const good = await generateKeyPair('RS256');
    const evil = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(good.publicKey)), kid: 'k1', alg: 'RS256' };
    const keys = createLocalJWKSet({ keys: [jwk] });
    sign = (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'k1', ...(o.typ ? { typ: o.typ } : {}) })
        .setIssuer(o.iss ?? issuer)
        .setSubject('7d1c2b5e-user')
        .setIssuedAt()
        .setExpirationTime(o.exp ?? '1h')
        .sign(o.other ? evil.privateKey : good.privateKey);
    const settings = { mode: 'oidc', issuer, clientId, groupsClaim: 'cognito:groups' } as const;
    access = oidcVerifier({ ...settings, tokenUse: 'access' }, { keys });
    id = oidcVerifier({ ...settings, tokenUse: 'id' }, { keys });
    clocked = oidcVerifier({ ...settings, tokenUse: 'access' }, { keys, now: () => clock });
  });

  const cognitoAccess = {
    token_use: 'access',
    client_id: clientId,
    'cognito:groups': ['business'],
    username: 'sari',
  };
  const cognitoId = { token_use: 'id', aud: clientId, 'cognito:groups': ['admin'], name: 'Admin' };

  it('accepts a Cognito access token for the client, the role from its groups', async () => {
    expect(await access.verify(await sign(cognitoAccess))).toEqual({
      userId: '7d1c2b5e-user',
      role: 'business',
      name: 'sari',
    });
  });

  it('accepts exactly one token use', async () => {
    await expect(access.verify(await sign(cognitoId))).rejects.toBeInstanceOf(UnauthorizedError);
    expect((await id.verify(await sign(cognitoId))).role).toBe('admin');
    await expect(id.verify(await sign(cognitoAccess))).rejects.toBeInstanceOf(UnauthorizedError);
    // RFC 9068 access tokens (typ at+jwt) from other issuers, and an ID token dressed as one.
    const rfc = { client_id: clientId, aud: 'https://api', 'cognito:groups': ['corporate'] };
    expect((await access.verify(await sign(rfc, { typ: 'at+jwt' }))).role).toBe('corporate');
    await expect(id.verify(await sign({ ...rfc, aud: clientId }, { typ: 'at+jwt' }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(access.verify(await sign({ ...rfc }))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('refuses another client, another issuer, another key, an expired token', async () => {
    await expect(access.verify(await sign({ ...cognitoAccess, client_id: 'other' }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(id.verify(await sign({ ...cognitoId, aud: 'other' }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(access.verify(await sign(cognitoAccess, { iss: `${issuer}x` }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(access.verify(await sign(cognitoAccess, { other: true }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
    await expect(access.verify(await sign(cognitoAccess, { exp: '-1m' }))).rejects.toBeInstanceOf(
      UnauthorizedError,
    );
  });

  it('answers 403 (not 401) to a valid token of an account in no Sinergi group', async () => {
    await expect(
      access.verify(await sign({ ...cognitoAccess, 'cognito:groups': ['staff'] })),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('stops answering a remembered token at its exp, by the clock of each call', async () => {
    const start = clock;
    const token = await sign(cognitoAccess, { exp: '10m' });
    expect((await clocked.verify(token)).role).toBe('business');
    clock += 9 * 60_000;
    expect((await clocked.verify(token)).role).toBe('business');
    clock += 2 * 60_000;
    await expect(clocked.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
    clock = start;
  });

  it('refuses HS256 tokens even with the right claims (no algorithm confusion)', async () => {
    const hs = await new SignJWT(cognitoAccess)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(issuer)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    await expect(access.verify(hs)).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('remembered tokens', () => {
  const identity = { userId: 'u1', role: 'business' } as const;

  it('verifies each distinct token once while it is valid, and never remembers a refusal', async () => {
    const calls: string[] = [];
    const verifier = rememberingVerifier(
      async (token) => {
        calls.push(token);
        if (token === 'bad') throw new UnauthorizedError('invalid or expired token');
        return { identity, exp: 2_000 };
      },
      { now: () => 1_000_000 },
    );
    expect(await verifier.verify('a')).toEqual(identity);
    expect(await verifier.verify('a')).toEqual(identity);
    expect(await verifier.verify('b')).toEqual(identity);
    await expect(verifier.verify('bad')).rejects.toBeInstanceOf(UnauthorizedError);
    await expect(verifier.verify('bad')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(calls).toEqual(['a', 'b', 'bad', 'bad']);
  });

  it('checks exp on every call, as jose does (valid while the current second is before it)', async () => {
    let now = 1_999_999;
    let calls = 0;
    const verifier = rememberingVerifier(
      async () => {
        calls++;
        return { identity, exp: 2_000 };
      },
      { now: () => now },
    );
    expect(await verifier.verify('t')).toEqual(identity);
    now = 2_000_000;
    await expect(verifier.verify('t')).rejects.toBeInstanceOf(UnauthorizedError);
    expect(calls).toBe(2);
  });

  it('forgets the oldest token beyond its size, and hands out an identity nobody can change', async () => {
    let calls = 0;
    const verifier = rememberingVerifier(
      async (token) => {
        calls++;
        return { identity: { userId: token, role: 'business' }, exp: 2_000 };
      },
      { now: () => 0, max: 2 },
    );
    await verifier.verify('a');
    await verifier.verify('b');
    await verifier.verify('c'); // forgets a
    await verifier.verify('b');
    expect(calls).toBe(3);
    const again = await verifier.verify('a');
    expect(calls).toBe(4);
    expect(Object.isFrozen(again)).toBe(true);
  });
});
