import type { Me } from '@sinergi/shared/schemas';
import type { Identity } from './model';
import type { Repository } from './ports';

export function accountService(repo: Repository) {
  return {
    /** The caller and the one profile (business or organization) their account owns. */
    async me(who: Identity): Promise<Me> {
      const account = await repo.getAccount(who.userId);
      return {
        user: { id: who.userId, role: who.role, ...(who.name ? { name: who.name } : {}) },
        ...(account?.businessId ? { businessId: account.businessId } : {}),
        ...(account?.organizationId ? { organizationId: account.organizationId } : {}),
      };
    },
  };
}
