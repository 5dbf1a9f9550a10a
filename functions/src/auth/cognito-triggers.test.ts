import { describe, expect, it } from 'vitest';
import { handler, selfServiceRole } from './cognito-triggers';

const event = (triggerSource: string, role?: string) => ({
  triggerSource,
  userPoolId: 'ap-southeast-3_x',
  userName: 'u',
  request: { userAttributes: role === undefined ? {} : { 'custom:role': role } },
  response: {},
});

describe('Cognito sign-up triggers', () => {
  it('lets people choose the business or a partner role, business by default, never admin', () => {
    expect(selfServiceRole(undefined)).toBe('business');
    expect(selfServiceRole('community')).toBe('community');
    expect(selfServiceRole('admin')).toBeUndefined();
    expect(selfServiceRole('root')).toBeUndefined();
  });

  it('refuses a self sign-up as admin, and lets an administrator create any user', async () => {
    await expect(handler(event('PreSignUp_SignUp', 'admin'))).rejects.toThrow(/cannot be chosen/);
    await expect(handler(event('PreSignUp_SignUp', 'corporate'))).resolves.toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
    });
    await expect(handler(event('PreSignUp_AdminCreateUser', 'admin'))).resolves.toBeDefined();
  });
});
