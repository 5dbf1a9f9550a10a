/** Model-based: random steps by random actors on the pure workflow never break the invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invariantViolations, type Step, stepArbitrary } from './commands.test-support';
import type { Actor } from './decide';
import { NOW, offer, request, worldOf } from './fixtures.test-support';
import { type Command, runCommand, type World } from './model';

const UMKMS = 3;
const OFFERS = 2;
const limits = { pendingProposals: 10, pendingProposalsPerOffer: 2, openRequestsPerType: 5 };

/** A step as a command on the world: the actor resolved from the partnership it acts on. */
export function toCommand(w: World, step: Step, n: number, ids: readonly string[]): Command | undefined {
  if (step.kind === 'propose') {
    return {
      kind: 'propose',
      actor: { userId: `umkm${step.umkm}`, role: 'business' },
      requestId: `r${step.umkm}`,
      offerId: `o${step.offer}`,
      id: `p${n}`,
    };
  }
  if (ids.length === 0) return undefined;
  const p = w.partnerships.get(ids[step.pick % ids.length] as string);
  if (!p) return undefined;
  const actors: Record<typeof step.by, Actor> = {
    umkm: { userId: p.businessOwnerId, role: 'business' },
    partner: { userId: p.organizationOwnerId, role: 'corporate' },
    otherUmkm: { userId: p.businessOwnerId === 'umkm0' ? 'umkm1' : 'umkm0', role: 'business' },
    otherPartner: {
      userId: p.organizationOwnerId === 'partner0' ? 'partner1' : 'partner0',
      role: 'corporate',
    },
  };
  return { kind: 'act', actor: actors[step.by], event: step.event, partnershipId: p.id, rating: step.rating };
}

describe('the workflow model under random steps', () => {
  it('keeps every invariant', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary(UMKMS, OFFERS), { maxLength: 40 }), (steps) => {
        let w = worldOf(
          Array.from({ length: UMKMS }, (_, i) => request(i)),
          Array.from({ length: OFFERS }, (_, i) => offer(i, { capacity: 1, remaining: 1 })),
        );
        const ids: string[] = [];
        steps.forEach((step, n) => {
          const cmd = toCommand(w, step, n, ids);
          if (!cmd) return;
          const out = runCommand(w, cmd, NOW, limits);
          if (out.outcome.ok && cmd.kind === 'propose') ids.push(out.outcome.partnership.id);
          w = out.world;
          expect(invariantViolations(w)).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
