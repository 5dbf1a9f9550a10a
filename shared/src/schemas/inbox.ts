import { z } from 'zod';
import { Id, OfferType, Timestamp } from './common';
import { PartnershipStatus } from './partnership';

/**
 * What needs the caller's answer, or changed for them: derived from their partnerships as they stand.
 * `received`: a UMKM proposed to the caller's offer (needs an answer); `round`: an allocation round
 * proposed a pair the caller is in; `lapsing`: a round proposal the caller must answer lapses within
 * {@link INBOX_LAPSING_HOURS} hours (or within the programme's window when that is shorter);
 * `accepted` / `declined`: the partner answered the caller's proposal (shown for
 * {@link INBOX_RECENT_DAYS} days after the answer).
 */
export const InboxKind = z.enum(['received', 'round', 'lapsing', 'accepted', 'declined']);
export type InboxKind = z.infer<typeof InboxKind>;

export const INBOX_RECENT_DAYS = 14;
/** A round proposal shows as `lapsing` this close to its lapse. */
export const INBOX_LAPSING_HOURS = 24;

export const InboxItem = z.object({
  kind: InboxKind,
  /** True when the caller is the one expected to act (accept or decline). */
  needsAnswer: z.boolean(),
  partnershipId: Id,
  status: PartnershipStatus,
  type: OfferType,
  offerTitle: z.string(),
  /** The other side's name: the UMKM for a partner, the organization for a UMKM. */
  counterpart: z.string(),
  /** When it happened: the proposal (received, round) or the answer (accepted, declined). */
  at: Timestamp,
  /** Whole days a proposal has waited for its answer. */
  waitingDays: z.number().int().optional(),
  /** A round proposal: when it lapses unanswered (the programme's window after it was made). */
  lapsesAt: Timestamp.optional(),
});
export type InboxItem = z.infer<typeof InboxItem>;

export const Inbox = z
  .object({
    items: z.array(InboxItem),
    /** How many items there are; the header shows it. */
    count: z.number().int(),
    /** Of which need the caller's answer. */
    needsAnswer: z.number().int(),
  })
  .meta({ id: 'Inbox' });
export type Inbox = z.infer<typeof Inbox>;
