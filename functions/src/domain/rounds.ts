/**
 * Allocation rounds as jobs (issue 11). An admin asks for a round (`create`: stored as `queued`, then
 * handed to the dispatcher — in-process locally, its own function in AWS); the worker (`run`) reads the
 * open requests and offers of the type, the stated preferences and the remembered declines, builds the
 * round graph in batches (progress stored between them), solves the chosen objective with the equity
 * policy and stores the summary and the assignments in pages. `confirm` turns a finished dry run into
 * proposed partnerships, once (idempotent), and refuses (409) when the data the round used has changed
 * since (a fingerprint of every request, offer, preference and decline it read). Each proposal a round
 * creates lapses after the programme window (`lapse`, run by a timer locally and a schedule in AWS):
 * still unanswered, it is cancelled, its slot returns and its UMKM can be placed again.
 */
import { createHash } from 'node:crypto';
import {
  graphBuilder,
  type Objective,
  type RoundSummary,
  runObjective,
  type StatedPreferences,
  tieKey,
} from '@sinergi/shared/matching';
import { DEFAULT_LAPSE_DAYS, type OfferType, toMatchOffer, toMatchRequest } from '@sinergi/shared/schemas';
import { type Decision, decideAction, decidePropose } from '@sinergi/shared/workflow';
import { found, ownedOrAdmin, requireRole } from './access';
import { CapacityFullError, ConflictError } from './errors';
import type { Identity, Offer, PartnershipRequest, Runtime } from './model';
import type { Repository } from './ports';
import { carryOut } from './workflow';

export type RoundStatus = 'queued' | 'running' | 'done' | 'failed';

export interface RoundInput {
  type: OfferType;
  objective: Objective;
  equity?: { target?: number; weight?: number };
  minFit?: number;
  seed?: number;
  dryRun: boolean;
  /** The programme's answer window in days (default: the service's, 7). */
  lapseDays?: number;
}

export interface RoundConfirmation {
  state: 'confirming' | 'confirmed';
  at: string;
  proposed?: number;
  alreadyLive?: number;
  noFreeSlot?: number;
}

export interface RoundRecord {
  id: string;
  type: OfferType;
  objective: Objective;
  equity: { target?: number; weight?: number };
  minFit: number;
  seed: number;
  dryRun: boolean;
  /** Days a proposal this round creates may wait for an answer before it lapses (older rounds: none). */
  lapseDays?: number;
  status: RoundStatus;
  /** In [0, 1]. */
  progress: number;
  stage: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Requests left out because they already wait for an answer. */
  skipped?: number;
  fingerprint?: string;
  summary?: RoundSummary;
  pages?: number;
  error?: string;
  confirmation?: RoundConfirmation;
}

/** One stored assignment, with what people read and what explains it. */
export interface StoredAssignment {
  requestId: string;
  offerId: string;
  businessName: string;
  province: string;
  sizeClass: string;
  offerTitle: string;
  organizationName: string;
  fit: number;
  statedRank: number | null;
  approved: boolean;
  priority: number;
  highPoverty: boolean;
}

export interface RequestPreference {
  requestId: string;
  shortlist: string[];
  declined: string[];
  updatedAt: string;
}
export interface OfferPreference {
  offerId: string;
  approved: string[];
  rejected: string[];
  updatedAt: string;
}
export interface DeclinedPair {
  requestId: string;
  offerId: string;
}

/** The rounds' storage port (store/dynamo-rounds.ts). */
export interface RoundStore {
  createRound(round: RoundRecord): Promise<void>;
  getRound(id: string): Promise<RoundRecord | undefined>;
  /** Returns false when `expect` does not hold (nothing written). */
  updateRound(
    id: string,
    changes: Partial<RoundRecord>,
    expect?: { field: keyof RoundRecord; value: unknown; absent?: boolean },
  ): Promise<boolean>;
  listRounds(type: OfferType, limit: number): Promise<RoundRecord[]>;
  putAssignmentPage(id: string, page: number, items: StoredAssignment[]): Promise<void>;
  getAssignmentPage(id: string, page: number): Promise<StoredAssignment[] | undefined>;
  putRequestPreference(type: OfferType, pref: RequestPreference): Promise<void>;
  putOfferPreference(type: OfferType, pref: OfferPreference): Promise<void>;
  listPreferences(type: OfferType): Promise<{ requests: RequestPreference[]; offers: OfferPreference[] }>;
  scheduleLapse(dueAt: string, partnershipId: string): Promise<void>;
  dueLapses(now: string, limit: number): Promise<{ dueAt: string; partnershipId: string }[]>;
  clearLapse(dueAt: string, partnershipId: string): Promise<void>;
}

/** Starts the work of a queued round somewhere: in-process locally, its own function in AWS. */
export type RoundDispatcher = (roundId: string) => Promise<void>;

/** What a round reads; the default reads the table. Tests of very large rounds give generated data. */
export interface RoundSource {
  load(type: OfferType): Promise<{ requests: PartnershipRequest[]; offers: Offer[]; skipped: number }>;
}

export const ASSIGNMENT_PAGE_SIZE = 500;
/** Requests added to the round graph between two progress writes. */
const GRAPH_BATCH = 5_000;
const ROUND_WRITE_CONCURRENCY = 8;
/** The default minimum fit of `placements` ("every pair at least a minimum fit"). */
export const PLACEMENTS_MIN_FIT = 0.3;

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Open requests not waiting for an answer, and open offers with their free slots. */
export function tableSource(repo: Repository): RoundSource {
  return {
    async load(type) {
      const [openRequests, offers] = await Promise.all([
        repo.listOpenRequests(type),
        repo.listOpenOffers(type),
      ]);
      const open = new Set(offers.map((o) => o.id));
      const waiting = (r: PartnershipRequest) => r.pendingProposals.some((pp) => open.has(pp.offerId));
      const requests = openRequests.filter((r) => !waiting(r));
      return { requests, offers, skipped: openRequests.length - requests.length };
    },
  };
}

const freeSlots = (o: Offer) => Math.max(0, o.remaining - o.pendingProposals);

/** A digest of everything a round read: any change to it makes the round's confirmation a 409. */
function fingerprint(
  requests: readonly PartnershipRequest[],
  offers: readonly Offer[],
  stated: StatedPreferences,
): string {
  const h = createHash('sha256');
  for (const r of [...requests].sort((a, b) => (a.id < b.id ? -1 : 1)))
    h.update(`R${r.id}|${r.updatedAt}|${r.status}|${r.pendingProposals.map((p) => p.offerId).join(',')}\n`);
  for (const o of [...offers].sort((a, b) => (a.id < b.id ? -1 : 1)))
    h.update(`O${o.id}|${o.updatedAt}|${o.remaining}|${o.pendingProposals}\n`);
  h.update(JSON.stringify(stated));
  return h.digest('base64url');
}

export function roundService(
  repo: Repository,
  store: RoundStore,
  rt: Runtime,
  options: { dispatch?: RoundDispatcher; source?: RoundSource; lapseDays?: number } = {},
) {
  const source = options.source ?? tableSource(repo);
  const lapseDays = options.lapseDays ?? DEFAULT_LAPSE_DAYS;

  async function readState(type: OfferType) {
    const [data, prefs] = await Promise.all([source.load(type), store.listPreferences(type)]);
    // Remembered declines ride on the request (the workflow's decline adds the offer): no extra read.
    const declined: DeclinedPair[] = data.requests.flatMap((r) =>
      (r.declinedOfferIds ?? []).map((offerId) => ({ requestId: r.id, offerId })),
    );
    const stated: StatedPreferences = {
      requests: prefs.requests
        .map((p) => ({ requestId: p.requestId, shortlist: p.shortlist, declined: p.declined }))
        .sort((a, b) => (a.requestId < b.requestId ? -1 : 1)),
      offers: prefs.offers
        .map((p) => ({ offerId: p.offerId, approved: p.approved, rejected: p.rejected }))
        .sort((a, b) => (a.offerId < b.offerId ? -1 : 1)),
      declinedPairs: [...declined].sort((a, b) =>
        a.requestId + a.offerId < b.requestId + b.offerId ? -1 : 1,
      ),
    };
    return { ...data, stated, fingerprint: fingerprint(data.requests, data.offers, stated) };
  }

  const service = {
    /** The programme's window: a round proposal lapses this many days after the round proposed it. */
    lapseDays,
    /** Queue a round (admins) and start its work; answers at once with the queued round. */
    async create(who: Identity, input: RoundInput): Promise<RoundRecord> {
      requireRole(who, ['admin'], 'run an allocation round');
      const now = rt.now().toISOString();
      const id = rt.newId();
      const round: RoundRecord = {
        id,
        type: input.type,
        objective: input.objective,
        equity: input.equity ?? { target: 1 },
        minFit: input.minFit ?? (input.objective === 'placements' ? PLACEMENTS_MIN_FIT : 0),
        seed: input.seed ?? tieKey(0, id) % 1_000_000,
        dryRun: input.dryRun,
        lapseDays: input.lapseDays ?? lapseDays,
        status: 'queued',
        progress: 0,
        stage: 'queued',
        createdAt: now,
        createdBy: who.userId,
        updatedAt: now,
      };
      await store.createRound(round);
      await options.dispatch?.(id);
      return round;
    },

    async get(who: Identity, id: string): Promise<RoundRecord> {
      requireRole(who, ['admin'], 'read allocation rounds');
      return found(await store.getRound(id), 'round', id);
    },

    async list(who: Identity, type: OfferType, limit: number): Promise<RoundRecord[]> {
      requireRole(who, ['admin'], 'read allocation rounds');
      return store.listRounds(type, limit);
    },

    /** One page of a finished round's assignments (page size {@link ASSIGNMENT_PAGE_SIZE}). */
    async assignments(who: Identity, id: string, page: number) {
      const round = await service.get(who, id);
      if (round.status !== 'done') throw new ConflictError(`round ${id} is ${round.status}, not done`);
      const pages = round.pages ?? 0;
      const items = page < pages ? ((await store.getAssignmentPage(id, page)) ?? []) : [];
      return { round, items, page, pages };
    },

    /** Every assignment of a finished round (for exports). */
    async allAssignments(who: Identity, id: string) {
      const round = await service.get(who, id);
      if (round.status !== 'done') throw new ConflictError(`round ${id} is ${round.status}, not done`);
      const items: StoredAssignment[] = [];
      for (let p = 0; p < (round.pages ?? 0); p++)
        items.push(...((await store.getAssignmentPage(id, p)) ?? []));
      return { round, items };
    },

    /** The worker: compute a queued round. Safe to call twice (a round already started is left alone). */
    async run(id: string): Promise<void> {
      const started = rt.now().toISOString();
      const claimed = await store.updateRound(
        id,
        { status: 'running', stage: 'loading', progress: 0.02, updatedAt: started },
        { field: 'status', value: 'queued' },
      );
      if (!claimed) return;
      const progress = (fraction: number, stage: string) =>
        store.updateRound(id, {
          progress: Math.round(fraction * 1000) / 1000,
          stage,
          updatedAt: rt.now().toISOString(),
        });
      try {
        const round = found(await store.getRound(id), 'round', id);
        const state = await readState(round.type);
        await progress(0.1, 'graph');
        const builder = graphBuilder(
          state.requests.map(toMatchRequest),
          state.offers.map((o) => toMatchOffer({ ...o, remaining: freeSlots(o) })),
          state.stated,
          { seed: round.seed },
        );
        for (let from = 0; from < builder.requestCount; from += GRAPH_BATCH) {
          builder.addRequests(from, from + GRAPH_BATCH);
          await progress(
            0.1 + (0.5 * Math.min(builder.requestCount, from + GRAPH_BATCH)) / builder.requestCount,
            'graph',
          );
        }
        const graph = builder.finish();
        await progress(0.6, 'solving');
        const result = runObjective(graph, round.objective, { minFit: round.minFit, equity: round.equity });
        await progress(0.9, 'storing');
        const requestById = new Map(state.requests.map((r) => [r.id, r]));
        const offerById = new Map(state.offers.map((o) => [o.id, o]));
        const stored: StoredAssignment[] = result.assignments.map((a) => {
          const r = requestById.get(a.requestId) as PartnershipRequest;
          const o = offerById.get(a.offerId) as Offer;
          return {
            ...a,
            businessName: r.business.name,
            province: r.business.province,
            sizeClass: r.business.sizeClass,
            offerTitle: o.title,
            organizationName: o.organization.name,
          };
        });
        const pages = Math.ceil(stored.length / ASSIGNMENT_PAGE_SIZE);
        const pageNumbers = Array.from({ length: pages }, (_, p) => p);
        await forEachLimited(pageNumbers, 4, (p) =>
          store.putAssignmentPage(
            id,
            p,
            stored.slice(p * ASSIGNMENT_PAGE_SIZE, (p + 1) * ASSIGNMENT_PAGE_SIZE),
          ),
        );
        await store.updateRound(id, {
          status: 'done',
          stage: 'done',
          progress: 1,
          summary: result.summary,
          pages,
          skipped: state.skipped,
          fingerprint: state.fingerprint,
          updatedAt: rt.now().toISOString(),
        });
        if (!round.dryRun) await service.confirmRound(round.createdBy, id);
      } catch (error) {
        await store.updateRound(id, {
          status: 'failed',
          stage: 'failed',
          error: error instanceof Error ? error.message : String(error),
          updatedAt: rt.now().toISOString(),
        });
      }
    },

    /** Admins: turn a finished round into proposals (once; 409 when its data changed). */
    async confirm(who: Identity, id: string): Promise<RoundRecord> {
      requireRole(who, ['admin'], 'confirm an allocation round');
      return service.confirmRound(who.userId, id);
    },

    async confirmRound(userId: string, id: string): Promise<RoundRecord> {
      const round = found(await store.getRound(id), 'round', id);
      if (round.confirmation?.state === 'confirmed') return round;
      if (round.confirmation?.state === 'confirming')
        throw new ConflictError(`round ${id} is being confirmed; ask again shortly`);
      if (round.status !== 'done') throw new ConflictError(`round ${id} is ${round.status}, not done`);
      const state = await readState(round.type);
      if (state.fingerprint !== round.fingerprint)
        throw new ConflictError(
          `the open requests, offers or preferences of ${round.type} changed since round ${id} ran: run it again`,
        );
      const at = rt.now().toISOString();
      const claimed = await store.updateRound(
        id,
        { confirmation: { state: 'confirming', at }, updatedAt: at },
        { field: 'confirmation', value: null, absent: true },
      );
      if (!claimed) {
        const again = found(await store.getRound(id), 'round', id);
        if (again.confirmation?.state === 'confirmed') return again;
        throw new ConflictError(`round ${id} is being confirmed; ask again shortly`);
      }
      const requestById = new Map(state.requests.map((r) => [r.id, r]));
      const offerById = new Map(state.offers.map((o) => [o.id, o]));
      const counts = { proposed: 0, alreadyLive: 0, noFreeSlot: 0 };
      // The round's own window (the programme's), else the service default for rounds stored before it.
      const windowDays = round.lapseDays ?? lapseDays;
      const dueAt = new Date(rt.now().getTime() + windowDays * 86_400_000).toISOString();
      for (let p = 0; p < (round.pages ?? 0); p++) {
        const items = (await store.getAssignmentPage(id, p)) ?? [];
        await forEachLimited(items, ROUND_WRITE_CONCURRENCY, async (a) => {
          const request = requestById.get(a.requestId) as PartnershipRequest;
          const offer = offerById.get(a.offerId) as Offer;
          try {
            // The workflow's propose-in-round row, decided on the round's read of the request.
            const decision = await carryOut<Decision>(
              repo,
              async () =>
                decidePropose({
                  actor: { userId, role: 'admin' },
                  request,
                  offer,
                  round: { roundId: id, pendingAsRead: request.pendingProposals },
                  id: rt.newId(),
                  now: rt.now().toISOString(),
                  ...(rt.limits ? { limits: rt.limits } : {}),
                }),
              { limits: rt.limits, context: { round: { pendingAsRead: request.pendingProposals } } },
            );
            await store.scheduleLapse(dueAt, (decision as Decision).partnership.id);
            counts.proposed++;
          } catch (error) {
            if (error instanceof CapacityFullError) counts.noFreeSlot++;
            else if (error instanceof ConflictError) counts.alreadyLive++;
            else throw error;
          }
        });
      }
      const confirmation: RoundConfirmation = { state: 'confirmed', at, ...counts };
      await store.updateRound(id, { confirmation, updatedAt: rt.now().toISOString() });
      return { ...found(await store.getRound(id), 'round', id), confirmation };
    },

    /**
     * Lapse the round proposals whose window has passed: a proposal still waiting is cancelled (its
     * offer's pending slot returns, its request can be placed again). Returns how many lapsed.
     */
    async lapse(limit = 100): Promise<number> {
      const now = rt.now().toISOString();
      const due = await store.dueLapses(now, limit);
      let lapsed = 0;
      for (const d of due) {
        try {
          // The workflow's lapse row (by `system`): fresh reads each attempt, one transaction. A proposal
          // answered or gone meanwhile is a conflict: nothing to lapse.
          await carryOut<Decision>(repo, async () => {
            const partnership = await repo.getPartnership(d.partnershipId);
            if (!partnership) throw new ConflictError(`partnership ${d.partnershipId} is gone`);
            const [request, offer] = await Promise.all([
              repo.getRequest(partnership.requestId),
              repo.getOffer(partnership.offerId),
            ]);
            return decideAction({
              actor: { userId: 'system', role: 'admin' },
              event: 'lapse',
              partnership,
              ...(request ? { request } : {}),
              ...(offer ? { offer } : {}),
              now: rt.now().toISOString(),
            });
          });
          lapsed++;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
        await store.clearLapse(d.dueAt, d.partnershipId);
      }
      return lapsed;
    },

    /** Admins: lapse what is due now (every due proposal, in batches). */
    async lapseNow(who: Identity): Promise<number> {
      requireRole(who, ['admin'], 'lapse round proposals');
      let total = 0;
      for (;;) {
        const before = (await store.dueLapses(rt.now().toISOString(), 1)).length;
        if (before === 0) return total;
        total += await service.lapse(100);
      }
    },

    /** A UMKM orders offers for one of its requests (and may decline some) ahead of a round. */
    async setRequestPreference(
      who: Identity,
      requestId: string,
      body: { shortlist: string[]; declined?: string[] },
    ) {
      const request = ownedOrAdmin(who, await repo.getRequest(requestId), 'request', requestId);
      const pref: RequestPreference = {
        requestId,
        shortlist: [...new Set(body.shortlist)],
        declined: [...new Set(body.declined ?? [])],
        updatedAt: rt.now().toISOString(),
      };
      await store.putRequestPreference(request.type, pref);
      return pref;
    },

    /** A partner approves or rejects candidates for one of its offers ahead of a round. */
    async setOfferPreference(
      who: Identity,
      offerId: string,
      body: { approved?: string[]; rejected?: string[] },
    ) {
      const offer = ownedOrAdmin(who, await repo.getOffer(offerId), 'offer', offerId);
      const rejected = [...new Set(body.rejected ?? [])];
      const pref: OfferPreference = {
        offerId,
        approved: [...new Set(body.approved ?? [])].filter((r) => !rejected.includes(r)),
        rejected,
        updatedAt: rt.now().toISOString(),
      };
      await store.putOfferPreference(offer.type, pref);
      return pref;
    },
  };
  return service;
}

export type RoundService = ReturnType<typeof roundService>;
