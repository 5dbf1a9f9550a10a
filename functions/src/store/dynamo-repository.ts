import type { ChangePlan } from '@sinergi/shared/workflow';
import type { Repository } from '../domain/ports';
import { accountStore } from './accounts';
import { CatalogWriter } from './catalog-log';
import { Dynamo, type DynamoOptions } from './dynamo';
import { offerStore } from './offers';
import { counterStore, partnershipStore } from './partnerships';
import { writePlan } from './plan-writer';
import { profileStore } from './profiles';
import { requestStore } from './requests';

/**
 * The DynamoDB adapter of the storage port, one module per aggregate (accounts, profiles, offers,
 * requests, partnerships and counters) over one table whose keys, indexes and conditions come from
 * table.ts; never a Scan. The workflow's decisions arrive as change plans and are written by the
 * translator in plan-writer.ts, one transaction each. Every write that changes what a warm catalogue
 * shows carries its catalogue record in the same transaction (catalog-log.ts).
 */
export function dynamoRepository(options: DynamoOptions): Repository {
  const dynamo = new Dynamo(options);
  const catalog = new CatalogWriter(dynamo);
  return {
    ...accountStore(dynamo),
    ...profileStore(dynamo),
    ...offerStore(dynamo, catalog),
    ...requestStore(dynamo, catalog),
    ...partnershipStore(dynamo),
    ...counterStore(dynamo),
    writePlan: (plan: ChangePlan) => writePlan(catalog, plan),
  };
}
