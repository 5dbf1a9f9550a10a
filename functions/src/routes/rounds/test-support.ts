/**
 * Integration tests' way to run a round to its end through the API: POST /rounds (202), poll
 * GET /rounds/{id} until done or failed, then read every page of its assignments.
 */
import { expect } from 'vitest';
import type { Harness } from '../../testing/harness';

export interface FinishedRound {
  round: {
    id: string;
    status: 'done' | 'failed';
    seed: number;
    dryRun: boolean;
    skipped?: number;
    summary?: { placed: number; slots: number; requests: number };
    confirmation?: { state: string; proposed?: number; alreadyLive?: number; noFreeSlot?: number };
    error?: string;
  };
  assignments: {
    requestId: string;
    offerId: string;
    businessName: string;
    province: string;
    offerTitle: string;
  }[];
}

export async function runRound(
  h: Harness,
  token: string,
  body: Record<string, unknown>,
): Promise<FinishedRound> {
  const started = await h.call('POST', '/rounds', { token, body });
  expect(started.status).toBe(202);
  const id = started.body.id as string;
  for (let i = 0; i < 1200; i++) {
    const { body: round } = await h.call('GET', `/rounds/${id}`, { token });
    // A round that proposes is finished once its confirmation is written too.
    const settled = round.dryRun || round.status === 'failed' || round.confirmation?.state === 'confirmed';
    if ((round.status === 'done' && settled) || round.status === 'failed') {
      const assignments: FinishedRound['assignments'] = [];
      // A failed round (e.g. its data changed before it could propose) has no assignments to read.
      for (let p = 0; round.status === 'done' && p < (round.pages ?? 0); p++) {
        const page = await h.call('GET', `/rounds/${id}/assignments?page=${p}`, { token });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        assignments.push(...page.body.items);
      }
      return { round, assignments };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`round ${id} did not finish`);
}
