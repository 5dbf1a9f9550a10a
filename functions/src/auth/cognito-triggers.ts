import {
  AdminAddUserToGroupCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Role } from '@sinergi/shared/schemas';

/**
 * Cognito triggers of the user pool (infra/lib/constructs/auth.ts), one small function:
 *  - PreSignUp: a person may sign up only for the business (UMKM) or a partner role, named in the
 *    immutable attribute `custom:role`; none means `business` (the managed login page has no role
 *    field). `admin` and anything else are refused: admin is granted by an administrator.
 *  - PostConfirmation: once the email is verified, the account joins the group of its role. The API
 *    reads the role from the token's `cognito:groups`, never from the attribute.
 */
export const SELF_SERVICE_ROLES: readonly Role[] = ['business', 'corporate', 'university', 'community'];

export function selfServiceRole(attribute: string | undefined): Role | undefined {
  const role = (attribute ?? 'business') as Role;
  return SELF_SERVICE_ROLES.includes(role) ? role : undefined;
}

interface TriggerEvent {
  triggerSource: string;
  userPoolId: string;
  userName: string;
  request: { userAttributes: Record<string, string | undefined> };
  response: Record<string, unknown>;
}

let client: CognitoIdentityProviderClient | undefined;

export async function handler(event: TriggerEvent): Promise<TriggerEvent> {
  const role = selfServiceRole(event.request.userAttributes['custom:role']);
  if (event.triggerSource.startsWith('PreSignUp_')) {
    if (event.triggerSource === 'PreSignUp_AdminCreateUser') return event;
    if (!role)
      throw new Error('Peran ini tidak bisa dipilih sendiri / This role cannot be chosen at sign-up');
    return event;
  }
  if (event.triggerSource === 'PostConfirmation_ConfirmSignUp' && role) {
    client ??= new CognitoIdentityProviderClient({});
    await client.send(
      new AdminAddUserToGroupCommand({
        UserPoolId: event.userPoolId,
        Username: event.userName,
        GroupName: role,
      }),
    );
  }
  return event;
}
