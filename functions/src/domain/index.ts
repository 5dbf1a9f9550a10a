import { queryEverything } from '../catalog';
import { accountService } from './accounts';
import { randomId } from './ids';
import { matchingService } from './matching';
import type { Runtime } from './model';
import { offerService, requestService } from './offers';
import { partnershipService } from './partnerships';
import type { MatchCatalogs, Repository } from './ports';
import { businessProfiles, organizationProfiles } from './profiles';
import { type RoundDispatcher, type RoundSource, type RoundStore, roundService } from './rounds';
import { statsService } from './stats';

export { randomId } from './ids';

export const defaultRuntime: Runtime = { now: () => new Date(), newId: randomId };

/** Every domain service over one repository. Routes call exactly one of these per request. */
export function createServices(
  repo: Repository,
  rt: Runtime = defaultRuntime,
  rounds?: { store: RoundStore; dispatch?: RoundDispatcher; source?: RoundSource; lapseDays?: number },
  /** What match and candidate reads rank against (the app: warm catalogues); default: read afresh. */
  catalogs: MatchCatalogs = queryEverything(repo),
) {
  const roundStore = rounds?.store;
  return {
    repo,
    accounts: accountService(repo),
    businesses: businessProfiles(repo, rt),
    organizations: organizationProfiles(repo, rt),
    offers: offerService(repo, rt),
    requests: requestService(repo, rt),
    partnerships: partnershipService(repo, rt),
    matching: matchingService(repo, catalogs),
    stats: statsService(repo),
    rounds: roundService(repo, roundStore ?? missingRoundStore(), rt, {
      ...(rounds?.dispatch ? { dispatch: rounds.dispatch } : {}),
      ...(rounds?.source ? { source: rounds.source } : {}),
      ...(rounds?.lapseDays !== undefined ? { lapseDays: rounds.lapseDays } : {}),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;

/** Services built without a round store (tests of other parts) fail loudly if a round is asked for. */
function missingRoundStore(): RoundStore {
  return new Proxy({} as RoundStore, {
    get: () => () => Promise.reject(new Error('no round store configured')),
  });
}
