/**
 * Every tunable number of the matching core, in one place. Change a default here and every consumer
 * (API ranking, site previews, the admin's round allocation, the benchmark) changes with it.
 *
 * How the numbers combine (see `index.ts` for the full model):
 *
 * ```text
 * forUmkm    = Σ umkmSide[k]·component[k]    / Σ umkmSide[k]      (topic, location, dates, language, track)
 * forPartner = Σ partnerSide[k]·component[k] / Σ partnerSide[k]   (partnerTopic, sector, sizeClass)
 * fit        = forUmkm^balance · forPartner^(1−balance)            (weighted geometric mean: reciprocity)
 * impact     = min(cap, weight · need)                             (need from BPS poverty rate and micro size)
 * score      = fit + impact · fit · (1 − fit)                      (lift, zero at fit 0 and at fit 1)
 * ```
 *
 * Why a geometric mean for reciprocity: with an arithmetic mean a pair that is perfect for one side and
 * useless for the other (1, 0) would tie with a mutual (0.5, 0.5); the geometric mean gives 0 vs 0.5, so a
 * one-sided match always ranks below a mutual one of the same average.
 *
 * Why the impact lift is `impact·fit·(1−fit)`: it keeps the score in [0, 1] without clamping (clamping would
 * erase order among strong matches), it vanishes for unfit pairs (an impact bonus can never make a poor
 * match look good: at fit 0.2 the maximum lift with the default cap is 0.2·0.8·0.2 = 0.032), and it is at
 * most `cap/4`, so it only reorders near-equal matches. The score stays increasing in fit (derivative
 * `1 + impact·(1 − 2·fit) ≥ 1 − cap > 0`).
 */

/** Relative weights of the soft components. Only ratios matter inside each side. */
export interface MatchWeights {
  /** Components that measure how well the offer serves the UMKM. */
  readonly umkmSide: {
    readonly topic: number;
    readonly location: number;
    readonly dates: number;
    readonly language: number;
    readonly track: number;
  };
  /** Components that measure how well the UMKM fits what the partner asked for. */
  readonly partnerSide: {
    readonly partnerTopic: number;
    readonly sector: number;
    readonly sizeClass: number;
  };
  /** Exponent of `forUmkm` in the geometric mean, in (0, 1); 0.5 treats both sides equally. */
  readonly balance: number;
}

/** The admin's impact policy: how much the UMKM's need (poverty, micro size) may reorder matches. */
export interface ImpactPolicy {
  /** Multiplies the need (in [0, 1]). 0 switches the policy off. */
  readonly weight: number;
  /** Upper bound of the impact term, in [0, 1]. The score lift is at most `cap / 4`. */
  readonly cap: number;
  /** Share of the need that comes from being a micro enterprise (the rest from the province's poverty rate). */
  readonly microShare: number;
}

/**
 * Default weights. Topic overlap dominates both sides because the need is why a request exists;
 * location and the partner's sector preference come next; language and dates are tie-breakers more than
 * gates (hard filters already removed impossible dates); a track record moves a score a little.
 */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  umkmSide: { topic: 0.55, location: 0.15, dates: 0.1, language: 0.1, track: 0.1 },
  partnerSide: { partnerTopic: 0.5, sector: 0.3, sizeClass: 0.2 },
  balance: 0.5,
};

/**
 * Default impact policy: a UMKM in the poorest province that is also micro has need 1 and impact 0.2,
 * lifting a 0.5 fit to 0.55 at most; a UMKM at or below the median provincial poverty rate gets only the
 * micro part (0.25 · 0.4 = 0.1 impact, 0.025 lift at fit 0.5).
 */
export const DEFAULT_IMPACT_POLICY: ImpactPolicy = { weight: 0.4, cap: 0.2, microShare: 0.25 };

/** The impact policy switched off, for "what would the round look like without it". */
export const NO_IMPACT: ImpactPolicy = { weight: 0, cap: 0, microShare: 0 };

/**
 * Fixed scores of levels inside components. Kept beside the weights because they are policy too, but not
 * exposed as options: changing them changes what a component *means*, not how much it counts.
 */
export const LEVELS = {
  /** Credit for a need matched by a related (broader/narrower) concept instead of the same concept. */
  relatedConcept: 0.5,
  /** Partner-side topic credit saturates once this many of the offer's topics are met. */
  partnerTopicSaturation: 2,
  /** Partner topic when the offer lists no topic (it asked for nothing specific). */
  partnerTopicOpen: 0.5,
  /** Sector fit by the finest shared KBLI level, and neutral values. */
  sector: {
    kbli5: 1,
    kbli4: 0.9,
    kbli3: 0.85,
    division: 0.75,
    section: 0.4,
    unrelated: 0.1,
    /** The offer states no sector preference at all. */
    open: 0.6,
  },
  /** Size class: the offer targets the UMKM's class, or is open to all classes. */
  sizeClass: { targeted: 1, open: 0.8 },
  /** Location bands for offline/hybrid participation. Online participation always scores `online`. */
  location: {
    online: 1,
    /** Online offer whose region list does not include the UMKM's province (a programme for elsewhere). */
    onlineOutsideRegion: 0.75,
    sameCity: 1,
    sameProvince: 0.85,
    sameIslandGroup: 0.6,
    /** Beyond the island group: `farMax · exp(−km / farScaleKm)`. */
    farMax: 0.5,
    farScaleKm: 1000,
  },
  /** Language: some shared language, or none (an interpreter or a patient mentor may still work). */
  language: { shared: 1, none: 0.3 },
  /** Track record: mean rating shrunk toward `priorMean` with the weight of `priorCount` ratings. */
  track: { priorMean: 3.5, priorCount: 5 },
} as const;
