import { z } from 'zod';
import { Id, LIMITS } from './common';
import { Offer } from './offer';
import { PartnershipRequest } from './request';

/** A sentence for people, Bahasa Indonesia first. */
export const Reason = z.object({ id: z.string(), en: z.string() }).meta({ id: 'Reason' });

export const HardFilter = z
  .enum(['type', 'capacity', 'dates', 'certification', 'mode', 'reach', 'sizeClass', 'sector'])
  .meta({ id: 'HardFilter' });

/**
 * One page of what a hard filter removed ("why not"), sorted by id, with counts per filter over all of
 * them: bounded at any catalogue size. Send `nextCursor` back as `excludedCursor` for the next page.
 */
const excludedPage = <T extends z.ZodType>(item: T) =>
  z.object({
    total: z.number().int(),
    byFilter: z.partialRecord(HardFilter, z.number().int()),
    items: z.array(item),
    nextCursor: Id.optional(),
  });

/** The matching core's pair score: numbers in [0, 1] with the parts and readable reasons. */
const pairScore = {
  rank: z.number().int(),
  score: z.number(),
  fit: z.number(),
  forUmkm: z.number(),
  forPartner: z.number(),
  impact: z.number(),
  components: z.record(z.string(), z.number()),
  reasons: z.array(Reason),
};

export const MatchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.matches).default(LIMITS.defaultMatches),
  /**
   * `excluded` adds the offers (or requests) a hard filter removed, with the reason ("why not"): one
   * page of them by id, with counts per filter over all of them.
   */
  explain: z.literal('excluded').optional(),
  /** Excluded entries per page (with `explain=excluded`). */
  excludedLimit: z.coerce.number().int().min(1).max(LIMITS.excluded).default(LIMITS.defaultExcluded),
  /** `excluded.nextCursor` of the previous page. */
  excludedCursor: Id.optional(),
});
export type MatchQuery = z.infer<typeof MatchQuery>;

export const Match = z.object({ offerId: Id, ...pairScore, offer: Offer }).meta({ id: 'Match' });
export type Match = z.infer<typeof Match>;

export const MatchList = z
  .object({
    items: z.array(Match),
    /** Eligible offers in total (may exceed `items.length`). */
    eligibleCount: z.number().int(),
    /**
     * Open offers of the request's type a hard filter removed, in total: what `explain=excluded` pages
     * through, counted without it (a read without `explain` ranks from the index, never scanning).
     */
    excludedCount: z.number().int(),
    /** Words of the request's needs the matching did not understand ("tidak dipahami"): not scored. */
    notUnderstood: z.array(z.string()).optional(),
    /** Offers a hard filter removed ("why not"), named so a person can tell which: one page. */
    excluded: excludedPage(
      z.object({
        offerId: Id,
        title: z.string(),
        organizationName: z.string(),
        filter: HardFilter,
        reason: Reason,
      }),
    ).optional(),
  })
  .meta({ id: 'MatchList' });
export type MatchList = z.infer<typeof MatchList>;

/**
 * A request as a partner sees it among its candidates: what it needs to decide (needs, the business
 * snapshot with its province and size class, mode, dates, languages, the note the UMKM chose to share)
 * and never the owner's user id, its business id, its other proposals waiting or its declines.
 */
export const CandidateRequest = PartnershipRequest.omit({
  ownerId: true,
  businessId: true,
  pendingProposals: true,
  declinedOfferIds: true,
}).meta({ id: 'CandidateRequest' });
export type CandidateRequest = z.infer<typeof CandidateRequest>;

/** The candidate view of a request (see CandidateRequest). */
export function toCandidateRequest(request: PartnershipRequest): CandidateRequest {
  const { ownerId: _o, businessId: _b, pendingProposals: _p, declinedOfferIds: _d, ...visible } = request;
  return visible;
}

export const Candidate = z
  .object({ requestId: Id, ...pairScore, request: CandidateRequest })
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const CandidateList = z
  .object({
    items: z.array(Candidate),
    eligibleCount: z.number().int(),
    /** Open requests of the offer's type a hard filter removed, in total (see MatchList). */
    excludedCount: z.number().int(),
    excluded: excludedPage(
      z.object({ requestId: Id, businessName: z.string(), filter: HardFilter, reason: Reason }),
    ).optional(),
  })
  .meta({ id: 'CandidateList' });
export type CandidateList = z.infer<typeof CandidateList>;
