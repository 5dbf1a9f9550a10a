import {
  type AllocationOptions,
  allocateRound,
  analyseTexts,
  type EligiblePairScore,
  type HardFilterName,
  rankOffers,
  rankRequests,
} from '@sinergi/shared/matching';
import {
  type CandidateList,
  type MatchList,
  type MatchQuery,
  type RoundCreate,
  type RoundResult,
  toCandidateRequest,
  toMatchOffer,
  toMatchRequest,
} from '@sinergi/shared/schemas';
import { type Decision, decidePropose, roundMayAssign } from '@sinergi/shared/workflow';
import { hidden, requireRole } from './access';
import { CapacityFullError, ConflictError, PairDeclinedError } from './errors';
import type { Identity, Offer, PartnershipRequest, Runtime } from './model';
import type { MatchCatalogs, Repository } from './ports';
import { withAverage } from './profiles';
import { carryOut } from './workflow';

/** Proposals of a round are stored this many at a time. */
const ROUND_WRITE_CONCURRENCY = 8;

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/**
 * One page of excluded entries (sorted by id, as the core returns them) after `query.excludedCursor`,
 * with counts per filter over all of them: the answer stays small whatever the catalogue's size.
 */
function excludedPage<E extends { readonly filter: HardFilterName }, T>(
  all: readonly E[],
  idOf: (e: E) => string,
  query: MatchQuery,
  shape: (e: E) => T,
) {
  const byFilter: Partial<Record<HardFilterName, number>> = {};
  for (const e of all) byFilter[e.filter] = (byFilter[e.filter] ?? 0) + 1;
  const cursor = query.excludedCursor;
  const from = cursor === undefined ? 0 : all.findIndex((e) => idOf(e) > cursor);
  const page = from < 0 ? [] : all.slice(from, from + query.excludedLimit);
  const last = page[page.length - 1];
  const more = from >= 0 && from + page.length < all.length;
  return {
    total: all.length,
    byFilter,
    items: page.map(shape),
    ...(more && last !== undefined ? { nextCursor: idOf(last) } : {}),
  };
}

/** A round's tie-breaking seed when the admin gave none: drawn from the round id (FNV-1a), so it is recorded. */
export function seedOf(roundId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < roundId.length; i++) h = Math.imul(h ^ roundId.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The parts of a ranked pair every match and candidate reports, in the API's shape. */
function scoreParts(m: EligiblePairScore & { readonly rank: number }) {
  return {
    rank: m.rank,
    score: m.score,
    fit: m.fit,
    forUmkm: m.forUmkm,
    forPartner: m.forPartner,
    impact: m.impact,
    components: m.components,
    reasons: [...m.reasons],
  };
}

/**
 * Matches, candidates and allocation rounds, scored in memory with the pure matching core. Matches and
 * candidates rank against the warm catalogues (`catalogs`: one version read per call, then only what
 * changed; functions/src/catalog); rounds read every open item of the type afresh.
 */
export function matchingService(repo: Repository, rt: Runtime, catalogs: MatchCatalogs) {
  return {
    /** Offers for one of the caller's requests, best first (owner or admin). */
    async matchesForRequest(who: Identity, requestId: string, query: MatchQuery): Promise<MatchList> {
      // The request and the catalogue's version are read at once (one round trip, not two).
      const read = repo.getRequest(requestId).then((r) => {
        if (!r || (r.ownerId !== who.userId && who.role !== 'admin')) throw hidden('request', requestId);
        return r;
      });
      const [request, byId] = await Promise.all([read, catalogs.offers(read.then((r) => r.type))]);
      const ranking = rankOffers(toMatchRequest(request), byId.prepared, {
        limit: query.limit,
        includeExcluded: query.explain === 'excluded',
      });
      return {
        items: ranking.ranked.map((m) => ({
          offerId: m.offerId,
          ...scoreParts(m),
          offer: withAverage(byId.get(m.offerId) as Offer),
        })),
        eligibleCount: ranking.eligibleCount,
        notUnderstood: analyseTexts(request.needs).notUnderstood,
        ...(ranking.excluded
          ? {
              excluded: excludedPage(
                ranking.excluded,
                (e) => e.offerId,
                query,
                (e) => {
                  const offer = byId.get(e.offerId) as Offer;
                  return { ...e, title: offer.title, organizationName: offer.organization.name };
                },
              ),
            }
          : {}),
      };
    },

    /** Open requests for one of the caller's offers, best first (owner or admin). */
    async candidatesForOffer(who: Identity, offerId: string, query: MatchQuery): Promise<CandidateList> {
      const read = repo.getOffer(offerId).then((o) => {
        if (!o || (o.ownerId !== who.userId && who.role !== 'admin')) throw hidden('offer', offerId);
        return o;
      });
      const [offer, byId] = await Promise.all([read, catalogs.requests(read.then((o) => o.type))]);
      const ranking = rankRequests(toMatchOffer(offer), byId.prepared, {
        limit: query.limit,
        includeExcluded: query.explain === 'excluded',
      });
      return {
        items: ranking.ranked.map((m) => ({
          requestId: m.requestId,
          ...scoreParts(m),
          request: toCandidateRequest(byId.get(m.requestId) as PartnershipRequest),
        })),
        eligibleCount: ranking.eligibleCount,
        ...(ranking.excluded
          ? {
              excluded: excludedPage(
                ranking.excluded,
                (e) => e.requestId,
                query,
                (e) => ({ ...e, businessName: (byId.get(e.requestId) as PartnershipRequest).business.name }),
              ),
            }
          : {}),
      };
    },

    /**
     * An allocation round (admins): the core's stable, capacity-respecting allocation of the open
     * requests of the type to its open offers, each assignment stored as a proposed partnership (source
     * "round") unless dryRun.
     *
     * Scarce slots are allocated for a whole round, so a round respects what is already pending:
     * - an offer takes at most its *free* slots, `remaining − pendingProposals` (proposals waiting for
     *   its answer would fill the rest if accepted);
     * - a request that already waits for an answer from an open offer of the type is left out
     *   (`skipped`); a request with an accepted partnership is `matched`, so not read at all.
     * Both are checked again atomically when each proposal is written (AllocationGuard): a request that
     * got a proposal since the round read it is `already-live`, an offer whose free slots went meanwhile
     * (another round, a direct proposal) is `no-free-slot`. So rounds in a row, or at once, never
     * propose one request twice nor more proposals than an offer has slots remaining.
     */
    async runRound(who: Identity, input: RoundCreate): Promise<RoundResult> {
      requireRole(who, ['admin'], 'run an allocation round');
      const [openRequests, offers] = await Promise.all([
        repo.listOpenRequests(input.type),
        repo.listOpenOffers(input.type),
      ]);
      const openOfferIds = new Set(offers.map((o) => o.id));
      // A proposal to a closed offer can never be accepted, so it does not hold its request back.
      const waiting = (r: PartnershipRequest) =>
        r.pendingProposals.some((pp) => openOfferIds.has(pp.offerId));
      const requests = openRequests.filter((r) => !waiting(r));
      const skipped = openRequests
        .filter(waiting)
        .map((r) => r.id)
        .sort();
      const freeSlots = (o: Offer) => Math.max(0, o.remaining - o.pendingProposals);
      const impact: AllocationOptions['impact'] =
        input.impactWeight === 0
          ? false
          : {
              ...(input.impactWeight !== undefined ? { weight: input.impactWeight } : {}),
              ...(input.impactCap !== undefined ? { cap: input.impactCap } : {}),
            };
      const requestById = new Map(requests.map((r) => [r.id, r]));
      const roundId = rt.newId();
      const seed = input.seed ?? seedOf(roundId);
      const result = allocateRound(
        requests.map(toMatchRequest),
        offers.map((o) => toMatchOffer({ ...o, remaining: freeSlots(o) })),
        {
          impact,
          seed,
          // A pair the partner declined is never assigned again (the workflow's pairNotDeclined).
          excludePair: (requestId, offerId) =>
            !roundMayAssign(requestById.get(requestId) as PartnershipRequest, offerId),
        },
      );
      const dryRun = input.dryRun === true;
      const offerById = new Map(offers.map((o) => [o.id, o]));
      const assignments: RoundResult['assignments'] = result.assignments.map((a) => ({
        requestId: a.requestId,
        offerId: a.offerId,
        businessName: (requestById.get(a.requestId) as PartnershipRequest).business.name,
        province: (requestById.get(a.requestId) as PartnershipRequest).business.province,
        offerTitle: (offerById.get(a.offerId) as Offer).title,
        fit: a.fit,
        score: a.score,
        impact: a.impact,
        outcome: 'dry-run' as const,
      }));
      if (!dryRun) {
        await forEachLimited(assignments, ROUND_WRITE_CONCURRENCY, async (a) => {
          const request = requestById.get(a.requestId) as PartnershipRequest;
          // A pair the partner declined is never proposed again, by a round either.
          if (!roundMayAssign(request, a.offerId)) {
            a.outcome = 'declined-before';
            return;
          }
          const offer = offerById.get(a.offerId) as Offer;
          const id = rt.newId();
          try {
            // Decided on the round's read (once): the request as read, the offer's free slots.
            const decision = await carryOut<Decision>(
              repo,
              async () =>
                decidePropose({
                  actor: { userId: who.userId, role: who.role },
                  request,
                  offer,
                  round: { roundId, pendingAsRead: request.pendingProposals },
                  id,
                  now: rt.now().toISOString(),
                  ...(rt.limits ? { limits: rt.limits } : {}),
                }),
              { limits: rt.limits, context: { round: { pendingAsRead: request.pendingProposals } } },
            );
            a.outcome = 'proposed';
            a.partnershipId = (decision as Decision).partnership.id;
          } catch (error) {
            if (error instanceof CapacityFullError) a.outcome = 'no-free-slot';
            else if (error instanceof PairDeclinedError) a.outcome = 'declined-before';
            else if (error instanceof ConflictError) a.outcome = 'already-live';
            else throw error;
          }
        });
      }
      return {
        roundId,
        type: input.type,
        dryRun,
        seed,
        assignments,
        unassigned: [...result.unassigned],
        report: result.report,
        ...(result.withoutImpact ? { withoutImpact: result.withoutImpact.report } : {}),
        skipped,
        proposed: assignments.filter((a) => a.outcome === 'proposed').length,
        alreadyLive: skipped.length + assignments.filter((a) => a.outcome === 'already-live').length,
      };
    },
  };
}
