/**
 * # The Sinergi matching core (`@sinergi/shared/matching`)
 *
 * Pure TypeScript — no I/O, no `process.env`, no clock, no randomness — shared by the API (ranking,
 * rounds) and the site (previews, explanations). It answers three questions:
 *
 * 1. **How good is this offer for this request, and why (not)?** — {@link scorePair}
 * 2. **Which offers should this UMKM see / which UMKM should this partner see?** — {@link rankOffers},
 *    {@link rankRequests}
 * 3. **Who gets the scarce places in a round?** — {@link allocateRound}, audited by {@link countBlockingPairs}
 *
 * ## The model
 *
 * A *request* (one UMKM asking for mentorship, interns or distribution) meets an *offer* (a corporate
 * mentorship programme, a university internship programme, a community distributor).
 *
 * **Hard filters** decide eligibility, in this order, and the first that fails is reported with a
 * bilingual reason: `type` (request and offer of the same kind), `capacity` (places remaining),
 * `dates` (the periods overlap at all), `certification` (every certification the partner requires —
 * halal, P-IRT, BPOM… — is held, compared as reference keys (`reference/certifications.data.ts`) so
 * "Sertifikat Halal MUI" satisfies "halal (wajib)" and BPOM MD satisfies BPOM; a stored requirement that
 * names no reference entry never excludes anyone), `mode` (an offline-only offer needs a UMKM that can meet offline), `reach` (an offline-only
 * offer serves the UMKM's province, or the UMKM can travel to the partner's), `sizeClass` and `sector`
 * (the partner's explicit target lists).
 *
 * **Soft components**, each in [0, 1], split by whose interest they measure:
 *
 * | side | component | meaning |
 * |---|---|---|
 * | UMKM | `topic` | share of the UMKM's needs the offer's topics cover (related concepts: half credit) |
 * | UMKM | `location` | online: 1 (0.75 if the programme targets other provinces); offline: same city 1, same province 0.85, same island group 0.6, farther `0.5·e^(−km/1000)`; hybrid: the mean |
 * | UMKM | `dates` | share of the requested period the offer covers |
 * | UMKM | `language` | 1 if a language is shared, else 0.3 |
 * | UMKM | `track` | partner's mean rating, shrunk toward 3.5 with the weight of 5 ratings, scaled to [0, 1] |
 * | partner | `partnerTopic` | how many of the offer's topics the UMKM's needs/products/sector speak to (saturates at 2) |
 * | partner | `sector` | finest shared KBLI level: 5-digit 1, 4-digit 0.9, 3-digit 0.85, division/sector 0.75, section 0.4, none 0.1; no preference 0.6 |
 * | partner | `sizeClass` | the offer targets the UMKM's size class 1, open to all 0.8 |
 *
 * Each side is a weighted mean (`forUmkm`, `forPartner`); **reciprocal fit** is their weighted geometric
 * mean, so a one-sided match ranks below a mutual one of the same average. **Impact priority** is a
 * separate term from the BPS poverty rate of the UMKM's province (above the median of provinces) and the
 * micro size class, `impact = min(cap, weight·need)`; the ranking **score** is
 * `fit + impact·fit·(1 − fit)`: at most `cap/4` above fit, zero for an unfit pair. All weights and levels
 * live in `weights.ts` ({@link DEFAULT_MATCH_WEIGHTS}, {@link DEFAULT_IMPACT_POLICY}, `LEVELS`).
 *
 * **Words** go through a curated bilingual vocabulary (`vocabulary/`, 354 concepts) read by `text/`
 * (chat forms, guarded Indonesian affix stripping, reduplication, one-edit typos): "pemasaran digital"
 * and "digital marketing" are one concept, "medsos"/"sosmed"/"social media" another, "memasarkan" reads
 * as "pemasaran". Only recognised concepts count in the need's share; words not understood are returned
 * (`analyseTexts(...).notUnderstood`) and only match themselves.
 *
 * **Allocation** is UMKM-proposing deferred acceptance with capacities: UMKM rank offers by fit, partners
 * rank UMKM by score (fit plus impact lift); ties break on ids. The result respects every capacity and
 * every hard filter and is stable: no UMKM and partner would both rather be matched to each other, under
 * exactly these preferences (`countBlockingPairs` checks every pair). See `allocate.ts` for how it stays
 * fast on 20,000 × 2,000 rounds without truncating anyone's preferences, and for why a stable round can
 * place fewer UMKM than a welfare-maximising one (the benchmark's optimality gap).
 *
 * ## Speed
 *
 * Text, geography, KBLI and dates are turned into numbers once per entity ({@link prepareRequest},
 * {@link prepareOffer}; cache them with the stored entity if you like). The per-pair kernel
 * ({@link scorePrepared}) then does bit tests and small merges only, with no allocation. Every public
 * function accepts plain or prepared inputs.
 *
 * @example
 * import { rankOffers, scorePair, allocateRound } from '@sinergi/shared/matching';
 * const { ranked } = rankOffers(request, offers, { limit: 10 });
 * const why = scorePair(request, offers[0]);       // { eligible, score, components, reasons } or { filter, reason }
 * const round = allocateRound(requests, offers);   // { assignments, unassigned, report, withoutImpact }
 */

export {
  type AllocationOptions,
  type AllocationResult,
  type Assignment,
  allocateRound,
  countBlockingPairs,
  DuplicateIdError,
  type RoundReport,
  type RoundResult,
  roundTieBreaks,
} from './allocate';
export {
  type IndexDelta,
  type IndexedRankOptions,
  type IndexSteps,
  indexDelta,
  indexOffers,
  indexOffersInSteps,
  type OfferIndex,
  rankIndexedOffers,
  runSteps,
} from './catalog-index';
export {
  combineScore,
  HARD_FILTERS,
  impactOf,
  type ResolvedWeights,
  resolveWeights,
  type ScoreOptions,
  scorePrepared,
} from './kernel';
export {
  type GroupCount,
  OBJECTIVES,
  type Objective,
  type ObjectiveOptions,
  type ObjectiveResult,
  type RoundAssignment,
  type RoundSummary,
  runObjective,
} from './objectives';
export {
  DEFAULT_EQUITY,
  type EquityPolicy,
  indexPreferences,
  pairKey,
  povertyPriority,
  type StatedPreferences,
} from './preferences';
export { dayNumber, type PreparedOffer, type PreparedRequest, prepareOffer, prepareRequest } from './prepare';
export {
  type ExcludedOffer,
  type ExcludedRequest,
  type OfferRanking,
  type RankedOffer,
  type RankedRequest,
  type RankOptions,
  type RequestRanking,
  rankOffers,
  rankRequests,
} from './rank';
export {
  indexRequests,
  indexRequestsInSteps,
  type RequestIndex,
  rankIndexedRequests,
} from './request-index';
export {
  buildRoundGraph,
  DuplicateRoundIdError,
  type GraphBuilder,
  type GraphOptions,
  graphBuilder,
  type RoundGraph,
  tieKey,
} from './round-graph';
export { scorePair } from './score';
export * from './types';
export {
  analyseTexts,
  CONCEPTS,
  type ConceptDefinition,
  type ConceptHit,
  conceptLabel,
  extractConcepts,
  findConcept,
  isKnownConcept,
  KNOWN_CONCEPT_COUNT,
  normalizeNeed,
  normalizeText,
  STUDY_LINKS,
  suggestConcepts,
  type TextAnalysis,
} from './vocabulary';
export * from './weights';
