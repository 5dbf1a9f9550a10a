import type { OfferType, OrganizationKind, SizeClass } from '@sinergi/shared/schemas';

/*
 * Every word a person reads lives in the message catalogues (lib/i18n/id.ts, and en.ts typed by it),
 * read one language at a time with `useT()`. What stays here are the value lists a screen iterates
 * (listed here, not imported as values from @sinergi/shared/schemas: that would bring zod into the page).
 */

export const OFFER_TYPES: readonly OfferType[] = ['mentorship', 'internship', 'distribution'];
export const SIZE_CLASSES: readonly SizeClass[] = ['mikro', 'kecil', 'menengah'];

/** The offer type an organization posts follows its kind. */
export const OFFER_TYPE_OF_KIND: Record<OrganizationKind, OfferType> = {
  corporate: 'mentorship',
  university: 'internship',
  community: 'distribution',
};

/** "pemasaran digital, ekspor" → ["pemasaran digital", "ekspor"]: the free-text tag fields. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}
