/**
 * Random workflow steps for model-based tests: propose / accept / decline / cancel / complete / rate by
 * random actors (the right party, the other party, a stranger), and the invariants every state keeps.
 */
import fc from 'fast-check';
import type { World } from './model';
import { pairKey } from './model';

export type Step =
  | { kind: 'propose'; umkm: number; offer: number }
  | {
      kind: 'act';
      event: 'accept' | 'decline' | 'cancel' | 'complete' | 'rate';
      /** Which of the partnerships so far (modulo their number). */
      pick: number;
      /** Who acts: the UMKM of the partnership, its partner, or someone else of that role. */
      by: 'umkm' | 'partner' | 'otherUmkm' | 'otherPartner';
      rating: number;
    };

export const stepArbitrary = (umkms: number, offers: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('propose' as const),
        umkm: fc.nat({ max: umkms - 1 }),
        offer: fc.nat({ max: offers - 1 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('act' as const),
        event: fc.constantFrom('accept', 'decline', 'cancel', 'complete', 'rate'),
        pick: fc.nat({ max: 30 }),
        by: fc.constantFrom('umkm', 'partner', 'umkm', 'partner', 'otherUmkm', 'otherPartner'),
        rating: fc.integer({ min: 1, max: 5 }),
      }),
    },
  );

/**
 * The invariants of the issue, on a world: `remaining` never negative nor above capacity; a request is
 * matched exactly when one partnership of it is active (or it was closed); no rating without completion;
 * a declined pair never has a later partnership; pending counters agree with the proposals waiting.
 */
export function invariantViolations(w: World): string[] {
  const out: string[] = [];
  const all = [...w.partnerships.values()];
  for (const o of w.offers.values()) {
    if (o.remaining < 0 || o.remaining > o.capacity) out.push(`offer ${o.id} remaining ${o.remaining}`);
    const waiting = all.filter((p) => p.offerId === o.id && p.status === 'proposed').length;
    if (o.pendingProposals !== waiting) out.push(`offer ${o.id} pending ${o.pendingProposals} ≠ ${waiting}`);
    const taken = all.filter(
      (p) => p.offerId === o.id && (p.status === 'active' || p.status === 'completed'),
    ).length;
    if (o.capacity - o.remaining !== taken) out.push(`offer ${o.id} slots taken ≠ ${taken}`);
  }
  for (const r of w.requests.values()) {
    const active = all.filter((p) => p.requestId === r.id && p.status === 'active').length;
    if (active > 1) out.push(`request ${r.id} has ${active} active`);
    if (r.status === 'open' && active !== 0) out.push(`request ${r.id} open with an active partnership`);
    if (
      r.status === 'matched' &&
      active + all.filter((p) => p.requestId === r.id && p.status === 'completed').length === 0
    )
      out.push(`request ${r.id} matched without a partnership`);
    for (const offerId of r.declinedOfferIds) {
      // Partnerships in the order they were made: the declined one must be the pair's last.
      const ofPair = all.filter((p) => p.requestId === r.id && p.offerId === offerId);
      if (ofPair.at(-1)?.status !== 'declined')
        out.push(`pair ${pairKey(r.id, offerId)} proposed again after a decline`);
    }
  }
  for (const p of all) {
    if (p.feedback && p.status !== 'completed') out.push(`partnership ${p.id} rated while ${p.status}`);
  }
  return out;
}
