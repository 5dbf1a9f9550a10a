import { queryEverything, warmCatalogs } from './catalog';
import { createServices, type Services } from './domain';
import { withoutDerivedIds } from './domain/ids';
import type { Runtime } from './domain/model';
import type { RoundSource } from './domain/rounds';
import type { DynamoOptions } from './store/dynamo';
import { dynamoCatalogSources } from './store/dynamo-catalog';
import { dynamoRepository } from './store/dynamo-repository';
import { DynamoRoundStore } from './store/dynamo-rounds';

export interface ServiceOptions {
  /** `catalog` (default): match reads rank this instance's warm catalogues; `query`: every read afresh. */
  matchReads?: 'catalog' | 'query';
  rounds?: { dispatch?: 'in-process' | 'external'; lapseDays?: number; source?: RoundSource };
}

/**
 * The domain services over DynamoDB, as the app wires them (createApp builds them on the first request
 * that needs them): the repository, one set of warm catalogues per app (i.e. per function instance,
 * kept across invocations) and the rounds, dispatched in this process or left to the round worker.
 */
export function appServices(storage: DynamoOptions, runtime: Runtime, options: ServiceOptions): Services {
  const roundOptions = options.rounds ?? {};
  const repo = dynamoRepository(storage);
  const catalogs =
    options.matchReads === 'query' ? queryEverything(repo) : warmCatalogs(dynamoCatalogSources(storage));
  const services: Services = createServices(
    repo,
    runtime,
    {
      store: new DynamoRoundStore(storage),
      ...(roundOptions.dispatch === 'external'
        ? {}
        : {
            // The same worker code, in-process: it starts after the 202 has been answered.
            dispatch: async (id: string) => {
              setImmediate(() => void withoutDerivedIds(() => services.rounds.run(id)));
            },
          }),
      ...(roundOptions.source ? { source: roundOptions.source } : {}),
      ...(roundOptions.lapseDays !== undefined ? { lapseDays: roundOptions.lapseDays } : {}),
    },
    catalogs,
  );
  return services;
}
