import { z } from 'zod';
import { PROVINCE_CODES, SECTOR_KEYS, SIZE_CLASS_KEYS } from '../reference/index';
import { LIMITS, OFFER_TYPES, ORGANIZATION_KINDS, ROLES } from './constants';

/**
 * Building blocks shared by every request and response body. Every string and array is bounded, so a
 * client can never make the API store (or a DynamoDB item grow) without limit (LIMITS, in constants.ts).
 */

export * from './constants';
export * from './problem';

export const OfferType = z.enum(OFFER_TYPES).meta({ id: 'OfferType' });
export type OfferType = z.infer<typeof OfferType>;

export const Role = z.enum(ROLES).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

/** The organization kind each owning role makes. */
export const OrganizationKind = z.enum(ORGANIZATION_KINDS).meta({ id: 'OrganizationKind' });
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const ProvinceCode = z
  .enum(PROVINCE_CODES as [string, ...string[]], { error: 'unknown BPS province code' })
  .meta({ id: 'ProvinceCode', description: 'BPS province code, e.g. "33" (Jawa Tengah)' });

export const SectorKey = z
  .enum(SECTOR_KEYS as [string, ...string[]], { error: 'unknown sector key' })
  .meta({ id: 'SectorKey' });

export const SizeClass = z.enum(SIZE_CLASS_KEYS).meta({ id: 'SizeClass' });
export type SizeClass = z.infer<typeof SizeClass>;

/** Opaque identifiers: URL-safe, never containing '#', which the table uses as a key separator. */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an id');

export const IsoDate = z.iso.date().meta({ description: 'Calendar date, YYYY-MM-DD' });
export const Timestamp = z.iso.datetime();

/**
 * Characters a person never means to type and that change what others see: control characters (C0, DEL,
 * C1), direction overrides, embeddings, isolates and marks (a "Trojan Source" name reads differently from
 * what it is), zero-width and other invisible format characters, line/paragraph separators and lone
 * surrogates. A zero-width joiner between two emoji is allowed (family and profession emoji need it).
 * Line breaks and tabs are allowed only in multi-line text.
 */
const FORBIDDEN =
  /(?![\t\n\r])[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]|(?!(?<=\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200D(?=\p{Extended_Pictographic}))\p{Cf}/u;
const LINE_BREAK = /[\t\n\r]/;

/** The first character `text()` refuses in `value`, as `U+XXXX at position n`, or undefined. */
export function forbiddenCharacter(value: string, multiline = false): string | undefined {
  const match = FORBIDDEN.exec(value) ?? (multiline ? null : LINE_BREAK.exec(value));
  if (!match) return undefined;
  const code = match[0].codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} at position ${match.index + 1}`;
}

/**
 * A trimmed, non-empty, bounded text with nothing invisible in it (see FORBIDDEN); single-line unless
 * `multiline` (descriptions, notes, comments keep their line breaks).
 */
export const text = (max: number, min = 1, options: { multiline?: boolean } = {}) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => forbiddenCharacter(value, options.multiline) === undefined, {
      error: (issue) =>
        `berisi karakter kontrol atau tak terlihat / contains a control or invisible character (${forbiddenCharacter(String(issue.input), options.multiline)})`,
    });

/** Multi-line text: `text()` that keeps line breaks and tabs. */
export const paragraph = (max: number, min = 1) => text(max, min, { multiline: true });

/** A bounded list of short labels (topics, needs, products, certifications, ...). */
export const tags = (maxItems: number = LIMITS.tags, min = 0) =>
  z.array(text(LIMITS.tag)).min(min).max(maxItems);

export const KbliCode = z.string().regex(/^\d{2,5}$/, 'KBLI code: 2 to 5 digits');

export const OfferMode = z.enum(['online', 'offline', 'hybrid']).meta({ id: 'OfferMode' });
export type OfferMode = z.infer<typeof OfferMode>;
export const RequestMode = z.enum(['online', 'offline', 'any']).meta({ id: 'RequestMode' });
export type RequestMode = z.infer<typeof RequestMode>;

/** Page size of list endpoints, from the query string. */
export const PageLimit = z.coerce.number().int().min(1).max(LIMITS.pageSize).default(LIMITS.defaultPageSize);

/** Opaque pagination cursor: send back `nextCursor` as `cursor` to get the next page. */
export const Cursor = z.string().min(1).max(2048);

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });

/** Start no later than end, when both are given. */
export const datesInOrder = (v: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !v.startDate || !v.endDate || v.startDate <= v.endDate;
export const datesInOrderIssue = { message: 'startDate must not be after endDate', path: ['endDate'] };

/** A PATCH must change something. */
export const notEmpty = (v: object) => Object.keys(v).length > 0;
export const notEmptyIssue = { message: 'nothing to change' };
