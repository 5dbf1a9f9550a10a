import { describe, expect, it } from 'vitest';
import { UnauthorizedError } from '../domain/errors';
import { devUserId, localTokens, roleFromGroups } from './tokens';

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

  it('takes the most privileged Sinergi group as the role', () => {
    expect(roleFromGroups(['business', 'admin'])).toBe('admin');
    expect(roleFromGroups(['university'])).toBe('university');
    expect(roleFromGroups(['staff'])).toBeUndefined();
    expect(roleFromGroups(undefined)).toBeUndefined();
  });
});
