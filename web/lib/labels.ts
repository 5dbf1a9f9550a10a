import type { HardFilterName } from '@sinergi/shared/matching';
import type {
  OfferMode,
  OfferType,
  OrganizationKind,
  PartnershipStatus,
  RequestMode,
  RequestStatus,
  Role,
  SizeClass,
} from '@sinergi/shared/schemas';
import { en } from './i18n/en';
import { id } from './i18n/id';

/**
 * A word in both languages, Bahasa Indonesia first: [id, en]. Components show one of the two, in the
 * chosen language (`Bi`, `pick`); new text belongs in the catalogues (lib/i18n/id.ts and en.ts).
 */
export type Bilingual = readonly [string, string];

/** Pairs built from the two catalogues (lib/i18n), for components that take a `Bilingual`. */
function pairs<K extends string>(a: Readonly<Record<K, string>>, b: Readonly<Record<K, string>>) {
  const out = {} as Record<K, Bilingual>;
  for (const k of Object.keys(a) as K[]) out[k] = [a[k], b[k]];
  return out;
}

export const ROLE_LABELS: Record<Role, Bilingual> = pairs(id.role, en.role);
export const TYPE_LABELS: Record<OfferType, Bilingual> = pairs(id.type, en.type);

/** The offer type an organization posts follows its kind. */
export const OFFER_TYPE_OF_KIND: Record<OrganizationKind, OfferType> = {
  corporate: 'mentorship',
  university: 'internship',
  community: 'distribution',
};

export const MODE_LABELS: Record<OfferMode | RequestMode, Bilingual> = pairs(id.mode, en.mode);
export const SIZE_LABELS: Record<SizeClass, Bilingual> = pairs(id.size, en.size);
export const STATUS_LABELS: Record<PartnershipStatus, Bilingual> = pairs(id.status, en.status);
export const REQUEST_STATUS_LABELS: Record<RequestStatus, Bilingual> = pairs(
  id.requestStatus,
  en.requestStatus,
);
export const COMPONENT_LABELS: Record<string, Bilingual> = pairs(id.component, en.component);
export const FILTER_LABELS: Record<HardFilterName, Bilingual> = pairs(id.filter, en.filter);

/** "pemasaran digital, ekspor" → ["pemasaran digital", "ekspor"]: the free-text tag fields. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
