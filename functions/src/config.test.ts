import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_JWT_SECRET, isLoopbackUrl, loadConfig, loadConfigForLocalStack } from './config';
import { worstCaseCallMs } from './store/client';

const oidc = {
  AUTH_MODE: 'oidc',
  OIDC_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc',
  OIDC_CLIENT_ID: 'client',
  OIDC_TOKEN_USE: 'access',
};

/** The variables a refused configuration names. */
function refused(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).variables;
  }
  throw new Error('the configuration was accepted');
}

describe('sign-in configuration fails closed', () => {
  it('refuses to start with no AUTH_MODE, naming it: there is no default', () => {
    expect(refused({})).toContain('AUTH_MODE');
    expect(refused({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })).toEqual(['AUTH_MODE']);
    expect(() => loadConfig({})).toThrow(/AUTH_MODE: is required and has no default/);
    expect(refused({ AUTH_MODE: 'cognito' })).toEqual(['AUTH_MODE']);
  });

  it('refuses local mode against a remote DynamoDB endpoint, or none (the AWS default), or inside Lambda', () => {
    expect(refused({ AUTH_MODE: 'local' })).toEqual(['DYNAMODB_ENDPOINT']);
    expect(
      refused({ AUTH_MODE: 'local', DYNAMODB_ENDPOINT: 'https://dynamodb.ap-southeast-3.amazonaws.com' }),
    ).toEqual(['DYNAMODB_ENDPOINT']);
    expect(refused({ AUTH_MODE: 'local', DYNAMODB_ENDPOINT: 'http://10.0.0.5:8000' })).toEqual([
      'DYNAMODB_ENDPOINT',
    ]);
    expect(
      refused({
        AUTH_MODE: 'local',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        AWS_LAMBDA_FUNCTION_NAME: 'api',
      }),
    ).toEqual(['AUTH_MODE']);
    for (const endpoint of ['http://127.0.0.1:8000', 'http://localhost:8000', 'http://[::1]:8000']) {
      expect(loadConfig({ AUTH_MODE: 'local', DYNAMODB_ENDPOINT: endpoint }).AUTH_MODE).toBe('local');
    }
  });

  it('refuses the public development secret, and any local secret, outside local mode', () => {
    expect(refused({ ...oidc, LOCAL_JWT_SECRET: DEV_JWT_SECRET })).toEqual(['LOCAL_JWT_SECRET']);
    expect(() => loadConfig({ ...oidc, LOCAL_JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /public development secret/,
    );
    expect(refused({ ...oidc, LOCAL_JWT_SECRET: 'x'.repeat(40) })).toEqual(['LOCAL_JWT_SECRET']);
  });

  it('names every missing or contradictory OpenID setting', () => {
    expect(refused({ AUTH_MODE: 'oidc' }).sort()).toEqual([
      'OIDC_CLIENT_ID',
      'OIDC_ISSUER',
      'OIDC_TOKEN_USE',
    ]);
    expect(refused({ ...oidc, OIDC_TOKEN_USE: 'both' })).toEqual(['OIDC_TOKEN_USE']);
    expect(refused({ ...oidc, OIDC_ISSUER: 'http://issuer.example.com' })).toEqual(['OIDC_ISSUER']);
    expect(
      refused({ AUTH_MODE: 'local', DYNAMODB_ENDPOINT: 'http://127.0.0.1:1', OIDC_CLIENT_ID: 'client' }),
    ).toEqual(['OIDC_CLIENT_ID']);
    expect(loadConfig(oidc)).toMatchObject({ AUTH_MODE: 'oidc', OIDC_GROUPS_CLAIM: 'cognito:groups' });
    // Plain http is fine for an issuer on loopback (the browser test's provider).
    expect(loadConfig({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000' }).OIDC_ISSUER).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('lets the local stack choose local mode, which still needs its loopback endpoint', () => {
    expect(loadConfigForLocalStack({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:1' }).AUTH_MODE).toBe('local');
    expect(() => loadConfigForLocalStack({})).toThrow(ConfigError);
    expect(loadConfigForLocalStack(oidc).AUTH_MODE).toBe('oidc');
  });

  it('tells loopback URLs from others', () => {
    expect(isLoopbackUrl('http://127.1.2.3:9')).toBe(true);
    expect(isLoopbackUrl('http://localhost.example.com')).toBe(false);
    expect(isLoopbackUrl('not a url')).toBe(false);
  });
});

describe('the DynamoDB retry budget', () => {
  it('stays well under API Gateway’s 29 s limit with the defaults and with the largest allowed timeouts per call', () => {
    const defaults = loadConfig(oidc);
    expect(worstCaseCallMs(defaults)).toBeLessThanOrEqual(13_000);
    // Two sequential calls (a read, then a transaction) still fit.
    expect(2 * worstCaseCallMs(defaults)).toBeLessThan(29_000);
  });
});
