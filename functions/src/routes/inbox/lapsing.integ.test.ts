/**
 * A round proposal about to lapse shows in the inbox of the partner who must answer it, with its lapse
 * time, within a day of lapsing; the UMKM, who has nothing to answer, sees the round proposal only.
 * Own table and clock: the round reads every open request and offer of its type.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Account, type Harness, harness } from '../../testing/harness';

const HOUR = 3_600_000;
let h: Harness;
let admin: Account;
let clock = Date.parse('2026-06-01T08:00:00Z');
beforeAll(async () => {
  h = await harness({ runtime: { now: () => new Date(clock) } }, { isolated: true });
  admin = await h.login('admin');
});

interface Item {
  kind: string;
  needsAnswer: boolean;
  partnershipId: string;
  lapsesAt?: string;
}
async function inbox(token: string) {
  const res = await h.call('GET', '/inbox', { token });
  expect(res.status).toBe(200);
  return res.body as { count: number; needsAnswer: number; items: Item[] };
}

async function confirmedRound(): Promise<number> {
  const started = await h.call('POST', '/rounds', {
    token: admin.token,
    body: { type: 'internship', dryRun: true, objective: 'stable' },
  });
  expect(started.status).toBe(202);
  for (let i = 0; i < 2400; i++) {
    const round = await h.call('GET', `/rounds/${started.body.id}`, { token: admin.token });
    if (round.body.status === 'done') break;
    expect(round.body.status).not.toBe('failed');
    await new Promise((r) => setTimeout(r, 50));
  }
  const confirmed = await h.call('POST', `/rounds/${started.body.id}/confirm`, { token: admin.token });
  expect(confirmed.status).toBe(200);
  return confirmed.body.confirmation.proposed;
}

describe('GET /inbox: round proposals about to lapse', () => {
  it('warns the partner within a day of the lapse, with the time the lapse job uses', async () => {
    const university = await h.partner('university');
    await h.offer(university.token, { type: 'internship', topics: ['desain grafis'], capacity: 2 });
    const umkms = [await h.umkm(), await h.umkm()];
    for (const u of umkms) await h.request(u.token, { type: 'internship', needs: ['desain grafis'] });
    const proposedAt = clock;
    expect(await confirmedRound()).toBe(2);

    // Fresh: two round proposals to answer, not yet lapsing; each carries its lapse time (7 days).
    const fresh = await inbox(university.token);
    expect(fresh).toMatchObject({ count: 2, needsAnswer: 2 });
    for (const item of fresh.items) {
      expect(item).toMatchObject({ kind: 'round', needsAnswer: true });
      expect(Date.parse(item.lapsesAt as string)).toBe(proposedAt + 7 * 24 * HOUR);
    }
    expect((await inbox(umkms[0]?.token as string)).items).toMatchObject([
      { kind: 'round', needsAnswer: false },
    ]);

    // Just over a day before the lapse: still a plain round proposal.
    clock = proposedAt + 6 * 24 * HOUR - HOUR;
    expect((await inbox(university.token)).items.map((i) => i.kind)).toEqual(['round', 'round']);

    // Within the last day: "about to lapse" for the partner, who must answer; not for the UMKM.
    clock = proposedAt + 6 * 24 * HOUR + HOUR;
    const lapsing = await inbox(university.token);
    expect(lapsing).toMatchObject({ count: 2, needsAnswer: 2 });
    expect(lapsing.items.map((i) => i.kind)).toEqual(['lapsing', 'lapsing']);
    expect((await inbox(umkms[1]?.token as string)).items).toMatchObject([
      { kind: 'round', needsAnswer: false },
    ]);

    // The lapse job agrees on the time: nothing lapses a minute before, both at the time shown.
    clock = proposedAt + 7 * 24 * HOUR - 60_000;
    expect((await h.call('POST', '/rounds/lapse', { token: admin.token })).body.lapsed).toBe(0);
    clock = proposedAt + 7 * 24 * HOUR;
    expect((await h.call('POST', '/rounds/lapse', { token: admin.token })).body.lapsed).toBe(2);
    expect(await inbox(university.token)).toMatchObject({ count: 0, needsAnswer: 0 });
  });
});
