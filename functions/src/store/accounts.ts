/** Accounts: one per user, linked to the one profile it owns. */
import type { Account } from '../domain/model';
import { ConditionFailedError, type Dynamo, type TransactItem } from './dynamo';
import { strip } from './items';
import { CONDITIONS, keys } from './table';

export function accountStore(dynamo: Dynamo) {
  return {
    async getAccount(userId: string): Promise<Account | undefined> {
      const item = await dynamo.get('getAccount', keys.account(userId));
      return item && strip<Account>(item);
    },

    async ensureAccount(account: Account): Promise<void> {
      try {
        await dynamo.put('ensureAccount', {
          Item: { ...keys.account(account.userId), entity: 'account', ...account },
          ConditionExpression: CONDITIONS.absent,
        });
      } catch (error) {
        if (!(error instanceof ConditionFailedError)) throw error;
      }
    },
  };
}

/** Links a new profile to its owner's account in the same transaction: one profile per account. */
export function linkAccount(
  userId: string,
  role: string,
  field: 'businessId' | 'organizationId',
  id: string,
  now: string,
): TransactItem {
  return {
    Update: {
      Key: keys.account(userId),
      UpdateExpression:
        'SET #field = :id, #role = if_not_exists(#role, :role), userId = :user, createdAt = if_not_exists(createdAt, :now), entity = :entity',
      ConditionExpression: CONDITIONS.notLinked,
      ExpressionAttributeNames: { '#field': field, '#role': 'role' },
      ExpressionAttributeValues: {
        ':id': id,
        ':role': role,
        ':user': userId,
        ':now': now,
        ':entity': 'account',
      },
    },
  };
}
