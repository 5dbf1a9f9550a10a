import type { DevLoginBody, DevLoginResponse } from '@sinergi/shared/schemas';
import type { Runtime } from '../domain/model';
import type { Repository } from '../domain/ports';
import { devUserId, type localTokens } from './tokens';

/**
 * Local sign-in without passwords (AUTH_MODE=local only): the account is derived from (role, name), so
 * the same name logs into the same account again. A missing name means the role's demo account.
 */
export function devLogin(repo: Repository, tokens: ReturnType<typeof localTokens>, rt: Runtime) {
  return async (input: DevLoginBody): Promise<DevLoginResponse> => {
    const name = input.name ?? `Demo ${input.role}`;
    const userId = devUserId(input.role, name);
    await repo.ensureAccount({ userId, role: input.role, name, createdAt: rt.now().toISOString() });
    const token = await tokens.sign({ userId, role: input.role, name });
    return { token, user: { id: userId, role: input.role, name } };
  };
}
