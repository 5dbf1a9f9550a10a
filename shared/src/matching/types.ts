/**
 * Input and output shapes of the matching core. Inputs are plain, JSON-like data so the API can map
 * stored entities onto them without classes; every optional field has a documented neutral default.
 * Outputs carry numbers in [0, 1] and bilingual reasons ({@link Reason}: Bahasa Indonesia first).
 */

/** The three kinds of partnership. A request only ever matches an offer of the same type. */
export type PartnershipType = 'mentorship' | 'internship' | 'distribution';

/** PP 7/2021 size classes, as in `@sinergi/shared/reference` (`SIZE_CLASS_KEYS`). */
export type SizeClassKey = 'mikro' | 'kecil' | 'menengah';

/** A calendar date, `YYYY-MM-DD`, interpreted as a whole day (inclusive ranges). */
export type IsoDate = string;

/** The UMKM behind a request: the part of the business profile that matching reads. */
export interface MatchBusiness {
  readonly id: string;
  /** BPS province code, e.g. `"33"` for Jawa Tengah. Unknown codes are tolerated (no location credit). */
  readonly province: string;
  /** City or regency name inside the province (see reference `CITIES`), for finer distance. */
  readonly city?: string;
  readonly sizeClass: SizeClassKey;
  /** Sector key from reference `SECTORS`, e.g. `"kuliner"`, `"fesyen"`. */
  readonly sector: string;
  /** KBLI 2020 codes of the business, normally 5 digits (`"13134"`); shorter prefixes are accepted. */
  readonly kbli?: readonly string[];
  /** Free-text products ("batik tulis", "keripik singkong"); read through the vocabulary. */
  readonly products?: readonly string[];
  /** Certifications held, free text ("Halal", "P-IRT", "BPOM MD"); read through the vocabulary. */
  readonly certifications?: readonly string[];
}

/** A partnership request: what one UMKM asks for, in its own words. */
export interface MatchRequest {
  readonly id: string;
  readonly type: PartnershipType;
  /** Needs in free text, any language ("pemasaran digital", "export"). Empty is allowed. */
  readonly needs: readonly string[];
  /** How the UMKM can take part. `'any'` (default) accepts online, offline and hybrid offers. */
  readonly mode?: 'online' | 'offline' | 'any';
  /** Provinces (BPS codes) the UMKM can travel to or sell into, besides its own. */
  readonly provinces?: readonly string[];
  /** Wanted period; either end may be missing (open-ended). */
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  /** Languages the owner works in: ISO codes or names ("id", "English", "Jawa"). Default `['id']`. */
  readonly languages?: readonly string[];
  readonly business: MatchBusiness;
}

/** The partner organisation behind an offer. */
export interface MatchOrganization {
  readonly id: string;
  readonly kind: 'corporate' | 'university' | 'community';
  /** BPS province code of the organisation (where offline sessions happen by default). */
  readonly province: string;
  readonly city?: string;
}

/** Ratings received on past partnerships (1–5 stars each). */
export interface TrackRecord {
  readonly ratingCount: number;
  readonly ratingSum: number;
}

/**
 * An offer: a mentorship programme (corporate), an internship programme (university) or a distribution
 * offer (community distributor).
 */
export interface MatchOffer {
  readonly id: string;
  readonly type: PartnershipType;
  /** What the partner provides: mentorship topics, interns' skills/fields of study, product categories. */
  readonly topics: readonly string[];
  /** Sector keys the offer is *for*. Empty/missing = all sectors. A sector outside the list is a hard filter. */
  readonly sectors?: readonly string[];
  /** Preferred KBLI codes at any level (`"10"`, `"107"`, `"10792"`, or a section letter `"C"`): soft fit. */
  readonly kbli?: readonly string[];
  /** Size classes the offer is for. Empty/missing = all. A class outside the list is a hard filter. */
  readonly sizeClasses?: readonly SizeClassKey[];
  /** Provinces served (BPS codes). Empty/missing = all of Indonesia. */
  readonly provinces?: readonly string[];
  readonly mode: 'online' | 'offline' | 'hybrid';
  /** Total places in the programme. */
  readonly capacity: number;
  /** Places still open (≤ capacity). Zero or less is a hard filter; allocation fills at most this many. */
  readonly remaining: number;
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  /** Certifications the partner requires (free text, e.g. "halal", "PIRT"). Missing one is a hard filter. */
  readonly requiredCertifications?: readonly string[];
  /** Languages the programme runs in. Default `['id']`. */
  readonly languages?: readonly string[];
  readonly organization: MatchOrganization;
  readonly track?: TrackRecord;
}

/** A sentence for people, Bahasa Indonesia first. */
export interface Reason {
  readonly id: string;
  readonly en: string;
}

/** Names of the hard filters, in the order they are checked (the first failing one is reported). */
export type HardFilterName =
  | 'type'
  | 'capacity'
  | 'dates'
  | 'certification'
  | 'mode'
  | 'reach'
  | 'sizeClass'
  | 'sector';

/** Names of the soft components, each in [0, 1]. */
export type ComponentName =
  | 'topic'
  | 'partnerTopic'
  | 'sector'
  | 'sizeClass'
  | 'location'
  | 'dates'
  | 'language'
  | 'track';

/** Result for an eligible pair. */
export interface EligiblePairScore {
  readonly eligible: true;
  /** What ranking and allocation use: `fit` lifted by `impact` (see `combineScore`), in [0, 1]. */
  readonly score: number;
  /** Reciprocal fit, in [0, 1]: weighted geometric mean of `forUmkm` and `forPartner`. */
  readonly fit: number;
  /** How well the offer serves the UMKM (UMKM-side components), in [0, 1]. */
  readonly forUmkm: number;
  /** How well the UMKM fits what the partner asked for (partner-side components), in [0, 1]. */
  readonly forPartner: number;
  /** Impact priority of the UMKM, in [0, cap]; 0 when the policy is off. */
  readonly impact: number;
  readonly components: Readonly<Record<ComponentName, number>>;
  /** Why this score, most important first. */
  readonly reasons: readonly Reason[];
}

/** Result for a pair a hard filter excluded ("why not"). */
export interface ExcludedPairScore {
  readonly eligible: false;
  readonly filter: HardFilterName;
  readonly reason: Reason;
}

export type PairScore = EligiblePairScore | ExcludedPairScore;
