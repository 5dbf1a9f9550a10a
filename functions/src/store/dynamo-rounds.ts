/**
 * The DynamoDB adapter of the rounds port (domain/rounds.ts): allocation rounds as jobs, their
 * assignment pages, stated preferences, remembered declines (read only: written by the partnership
 * workflow) and the lapse schedule of round proposals. Keys from table.ts; never a Scan.
 */
import type { OfferType } from '@sinergi/shared/schemas';
import type {
  OfferPreference,
  RequestPreference,
  RoundRecord,
  RoundStore,
  StoredAssignment,
} from '../domain/rounds';
import { ConditionFailedError, Dynamo, type DynamoOptions } from './dynamo';
import { keys, partitions } from './table';

const KEY_ATTRS = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'];

/**
 * What a queued round looks like in the table's stream (NEW_IMAGE): its sort key and status. The round
 * worker's event-source filter (infra/lib/constructs/rounds.ts) and the worker itself (round-worker.ts)
 * both match on it, so only the INSERT of a queued round invokes the worker.
 */
export const ROUND_QUEUED_IMAGE = { SK: keys.round('').SK, status: 'queued' } as const;
function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!KEY_ATTRS.includes(k)) out[k] = v;
  return out as T;
}

export class DynamoRoundStore implements RoundStore {
  private readonly dynamo: Dynamo;

  constructor(options: DynamoOptions) {
    this.dynamo = new Dynamo(options);
  }

  async createRound(round: RoundRecord): Promise<void> {
    await this.dynamo.put('putRound', {
      Item: { ...keys.round(round.id), ...keys.roundList(round.type, round.createdAt, round.id), ...round },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  }

  async getRound(id: string): Promise<RoundRecord | undefined> {
    const item = await this.dynamo.get('getRound', keys.round(id));
    return item ? strip<RoundRecord>(item) : undefined;
  }

  async updateRound(
    id: string,
    changes: Partial<RoundRecord>,
    expect?: { field: keyof RoundRecord; value: unknown; absent?: boolean },
  ): Promise<boolean> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets: string[] = [];
    Object.entries(changes).forEach(([k, v], i) => {
      names[`#f${i}`] = k;
      values[`:v${i}`] = v;
      sets.push(`#f${i} = :v${i}`);
    });
    let condition = 'attribute_exists(PK)';
    if (expect) {
      names['#c'] = expect.field;
      if (expect.absent) condition += ' AND (attribute_not_exists(#c) OR #c = :c)';
      else condition += ' AND #c = :c';
      values[':c'] = expect.value;
    }
    try {
      await this.dynamo.update('updateRound', {
        Key: keys.round(id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: condition,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionFailedError) return false;
      throw error;
    }
  }

  async listRounds(type: OfferType, limit: number): Promise<RoundRecord[]> {
    const out = await this.dynamo.query('listRoundsByType', {
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :pk',
      ExpressionAttributeValues: { ':pk': partitions.rounds(type) },
      ScanIndexForward: false,
      Limit: limit,
    });
    return (out.Items ?? []).map((i) => strip<RoundRecord>(i));
  }

  async putAssignmentPage(id: string, page: number, items: StoredAssignment[]): Promise<void> {
    await this.dynamo.put('putRoundPage', { Item: { ...keys.roundPage(id, page), items } });
  }

  async getAssignmentPage(id: string, page: number): Promise<StoredAssignment[] | undefined> {
    const item = await this.dynamo.get('getRoundPage', keys.roundPage(id, page), false);
    return item ? (item.items as StoredAssignment[]) : undefined;
  }

  async putRequestPreference(type: OfferType, pref: RequestPreference): Promise<void> {
    await this.dynamo.put('putPreference', {
      Item: { ...keys.requestPreference(type, pref.requestId), ...pref },
    });
  }

  async putOfferPreference(type: OfferType, pref: OfferPreference): Promise<void> {
    await this.dynamo.put('putPreference', {
      Item: { ...keys.offerPreference(type, pref.offerId), ...pref },
    });
  }

  async listPreferences(type: OfferType) {
    const items = await this.dynamo.queryAll('listPreferences', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partitions.preferences(type) },
    });
    const requests: RequestPreference[] = [];
    const offers: OfferPreference[] = [];
    for (const item of items) {
      if (String(item.SK).startsWith('REQUEST#')) requests.push(strip<RequestPreference>(item));
      else offers.push(strip<OfferPreference>(item));
    }
    return { requests, offers };
  }

  async scheduleLapse(dueAt: string, partnershipId: string): Promise<void> {
    await this.dynamo.put('putLapse', { Item: { ...keys.lapse(dueAt, partnershipId), partnershipId } });
  }

  async dueLapses(now: string, limit: number) {
    const out = await this.dynamo.query('listDueLapses', {
      KeyConditionExpression: 'PK = :pk AND SK <= :now',
      ExpressionAttributeValues: { ':pk': partitions.lapse, ':now': `${now}#~` },
      Limit: limit,
    });
    return (out.Items ?? []).map((i) => ({
      dueAt: String(i.SK).split('#')[0] as string,
      partnershipId: String(i.partnershipId),
    }));
  }

  async clearLapse(dueAt: string, partnershipId: string): Promise<void> {
    await this.dynamo.delete('deleteLapse', { Key: keys.lapse(dueAt, partnershipId) });
  }
}
