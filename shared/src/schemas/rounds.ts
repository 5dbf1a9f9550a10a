/**
 * Allocation rounds as jobs (issue 11): what an admin asks for, what a round reports, its assignments
 * with reasons, and the stated preferences UMKM and partners give ahead of a round.
 */
import { z } from 'zod';
import { Id, OfferType, Timestamp } from './common';

export const RoundObjective = z.enum(['stable', 'placements', 'welfare']).meta({
  id: 'RoundObjective',
  description:
    'stable: stated wishes first, no blocking pair; placements: the most UMKM placed (each pair ≥ minFit); welfare: the most total fit',
});

/** The equity policy: a target ratio of placement rates (high-poverty ÷ rest; default 1), or a fixed weight. */
export const RoundEquity = z
  .strictObject({
    target: z.number().min(0).max(2).optional(),
    weight: z.number().min(0).max(64).optional(),
  })
  .meta({ id: 'RoundEquity' });

export const RoundJobCreate = z
  .strictObject({
    type: OfferType,
    /** Default `stable` (a body without it runs the same job as before: deferred acceptance). */
    objective: RoundObjective.default('stable'),
    equity: RoundEquity.optional(),
    /** Pairs below this fit are never assigned (default 0.3 for placements, else 0). */
    minFit: z.number().min(0).max(1).optional(),
    /** Tie-break seed; the same seed on the same data gives the same round. */
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** Compute and report only (confirm later); default false: the finished round proposes at once. */
    dryRun: z.boolean().default(false),
    /**
     * The programme's answer window: days a proposal this round creates may wait for the partner's
     * answer before it lapses (its slot returns, the UMKM can be placed again). Default 7.
     */
    lapseDays: z.number().int().min(1).max(60).optional(),
  })
  .meta({ id: 'RoundJobCreate' });

/** The answer window of a round's proposals when the admin sets none (days). */
export const DEFAULT_LAPSE_DAYS = 7;
export type RoundJobCreate = z.infer<typeof RoundJobCreate>;
export type RoundJobCreateInput = z.input<typeof RoundJobCreate>;

const GroupCount = z.object({ requests: z.number().int(), placed: z.number().int() });

export const RoundSummary = z
  .object({
    objective: RoundObjective,
    requests: z.number().int(),
    offers: z.number().int(),
    slots: z.number().int(),
    placed: z.number().int(),
    totalFit: z.number(),
    fillRate: z.number(),
    minFit: z.number(),
    blockingPairs: z.object({ stated: z.number().int(), score: z.number().int() }),
    partnersWithNothing: z.number().int(),
    groups: z.object({ highPoverty: GroupCount, rest: GroupCount }),
    sizeClasses: z.record(z.string(), GroupCount),
    equity: z.object({
      target: z.number().nullable(),
      weight: z.number(),
      reached: z.boolean(),
      totalFitWithout: z.number(),
      price: z.number(),
    }),
    bound: z
      .object({
        value: z.number(),
        upperBound: z.number(),
        gap: z.number(),
        maxPlacements: z.number().int().optional(),
      })
      .nullable(),
    edges: z.number().int(),
    completeGraph: z.boolean(),
    excludedPairs: z.number().int(),
  })
  .meta({ id: 'RoundSummary' });

export const RoundJob = z
  .object({
    id: Id,
    type: OfferType,
    objective: RoundObjective,
    equity: RoundEquity,
    minFit: z.number(),
    seed: z.number().int(),
    dryRun: z.boolean(),
    /** Days a proposal of this round may wait for an answer before it lapses (absent on older rounds: 7). */
    lapseDays: z.number().int().optional(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().min(0).max(1),
    stage: z.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    skipped: z.number().int().optional(),
    summary: RoundSummary.optional(),
    pages: z.number().int().optional(),
    error: z.string().optional(),
    confirmation: z
      .object({
        state: z.enum(['confirming', 'confirmed']),
        at: Timestamp,
        proposed: z.number().int().optional(),
        alreadyLive: z.number().int().optional(),
        noFreeSlot: z.number().int().optional(),
      })
      .optional(),
  })
  .meta({ id: 'RoundJob' });
export type RoundJob = z.infer<typeof RoundJob>;

export const RoundJobList = z.object({ items: z.array(RoundJob) }).meta({ id: 'RoundJobList' });

export const RoundListQuery = z.object({
  type: OfferType,
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const RoundAssignmentPageQuery = z.object({
  page: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const RoundJobAssignment = z.object({
  requestId: Id,
  offerId: Id,
  businessName: z.string(),
  province: z.string(),
  sizeClass: z.string(),
  offerTitle: z.string(),
  organizationName: z.string(),
  fit: z.number(),
  statedRank: z.number().int().nullable(),
  approved: z.boolean(),
  priority: z.number(),
  highPoverty: z.boolean(),
  /** Why this pair, Bahasa Indonesia first. */
  reasons: z.array(z.object({ id: z.string(), en: z.string() })),
});

export const RoundAssignmentPage = z
  .object({ items: z.array(RoundJobAssignment), page: z.number().int(), pages: z.number().int() })
  .meta({ id: 'RoundAssignmentPage' });

export const RequestPreferenceBody = z
  .strictObject({
    /** Offers in the UMKM's order of wish (first = most wanted). */
    shortlist: z.array(Id).max(20),
    /** Offers the UMKM does not want: never assigned to this request. */
    declined: z.array(Id).max(100).optional(),
  })
  .meta({ id: 'RequestPreference' });

export const OfferPreferenceBody = z
  .strictObject({
    approved: z.array(Id).max(500).optional(),
    /** Candidates never to be assigned to this offer. */
    rejected: z.array(Id).max(500).optional(),
  })
  .meta({ id: 'OfferPreference' });
