/**
 * Every request path's DynamoDB calls, recorded below the adapter: the test fails if any path scans, if
 * a call goes out without a named access pattern, or if a pattern costs more than ACCESS_PATTERNS says.
 * It prints the measured ReturnConsumedCapacity per pattern (the figures in functions/README.md).
 */
import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRound } from '../routes/rounds/test-support';
import { type Harness, harness } from '../testing/harness';
import { ACCESS_PATTERNS, type AccessPatternName } from './table';

const commands: string[] = [];
const measured = new Map<AccessPatternName, { calls: number; total: number; max: number }>();
let tagged = 0;
let h: Harness;

function record(pattern: AccessPatternName, consumed: ConsumedCapacity[]) {
  tagged++;
  const units = consumed.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
  const m = measured.get(pattern) ?? { calls: 0, total: 0, max: 0 };
  measured.set(pattern, { calls: m.calls + 1, total: m.total + units, max: Math.max(m.max, units) });
}

beforeAll(async () => {
  // Round proposals lapse at once here (window 0 days), so the lapse patterns are measured too.
  h = await harness({ onAccess: record, rounds: { lapseDays: 0 } }, { isolated: true });
  // Below the adapter: every command the client sends, whoever sends it.
  h.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      commands.push(context.commandName ?? 'unknown');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
});

afterAll(() => {
  const rows = [...measured.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, m]) => ({
      pattern: name,
      op: ACCESS_PATTERNS[name].op,
      calls: m.calls,
      'avg CU': Math.round((m.total / m.calls) * 100) / 100,
      'max CU': m.max,
      budget: ACCESS_PATTERNS[name].maxCapacity,
    }));
  console.table(rows);
});

describe('access patterns', () => {
  it('serves every route with named Gets, Queries and transactions, never a Scan, within budget', async () => {
    // Profiles, offers and requests.
    const umkm = await h.umkm({ province: '53', kbli: ['10792'], certifications: ['halal', 'PIRT'] });
    const partner = await h.partner('corporate');
    const admin = await h.login('admin');
    const offers = [];
    for (let i = 0; i < 5; i++)
      offers.push(await h.offer(partner.token, { capacity: 2, title: `Program ${i}` }));
    const requests = [];
    for (let i = 0; i < 3; i++)
      requests.push(await h.request(umkm.token, { needs: ['pemasaran digital', 'ekspor'] }));
    const offer = offers[0];
    const request = requests[0];

    await h.call('GET', `/businesses/${umkm.business.id}`, { token: partner.token });
    await h.call('PATCH', `/businesses/${umkm.business.id}`, { token: umkm.token, body: { province: '52' } });
    await h.call('GET', `/organizations/${partner.organization.id}`, { token: umkm.token });
    await h.call('PATCH', `/organizations/${partner.organization.id}`, {
      token: partner.token,
      body: { name: 'CSR Baru' },
    });
    await h.call('GET', `/offers/${offer.id}`, { token: umkm.token });
    await h.call('PATCH', `/offers/${offer.id}`, { token: partner.token, body: { capacity: 3 } });
    const page1 = await h.call('GET', '/offers?type=mentorship&limit=2', { token: umkm.token });
    await h.call('GET', `/offers?type=mentorship&limit=2&cursor=${page1.body.nextCursor}`, {
      token: umkm.token,
    });
    await h.call('GET', '/offers?province=52&limit=10', { token: umkm.token });
    await h.call('GET', `/offers?organizationId=${partner.organization.id}`, { token: umkm.token });
    await h.call('GET', `/requests/${request.id}`, { token: umkm.token });
    await h.call('PATCH', `/requests/${request.id}`, { token: umkm.token, body: { note: 'segera' } });
    await h.call('GET', '/requests?limit=2', { token: umkm.token });
    await h.call('GET', '/auth/me', { token: umkm.token });

    // Matching.
    const matches = await h.call('GET', `/requests/${request.id}/matches?explain=excluded`, {
      token: umkm.token,
    });
    expect(matches.status).toBe(200);
    expect(matches.body.items.length).toBeGreaterThan(0);
    await h.call('GET', `/offers/${offer.id}/candidates`, { token: partner.token });

    // The partnership workflow.
    const propose = async (requestId: string, offerId: string) =>
      (await h.call('POST', '/partnerships', { token: umkm.token, body: { requestId, offerId } })).body.id;
    const p1 = await propose(request.id, offer.id);
    await h.call('POST', `/partnerships/${p1}/accept`, { token: partner.token });
    await h.call('POST', `/partnerships/${p1}/complete`, { token: umkm.token });
    await h.call('POST', `/partnerships/${p1}/feedback`, { token: umkm.token, body: { rating: 5 } });
    const p2 = await propose(requests[1].id, offer.id);
    await h.call('POST', `/partnerships/${p2}/accept`, { token: partner.token });
    await h.call('POST', `/partnerships/${p2}/cancel`, { token: umkm.token });
    const p3 = await propose(requests[2].id, offer.id);
    await h.call('POST', `/partnerships/${p3}/decline`, { token: partner.token });
    await h.call('GET', `/partnerships/${p1}`, { token: partner.token });
    await h.call('GET', '/partnerships?role=mine', { token: umkm.token });
    await h.call('GET', '/partnerships?role=mine&status=completed', { token: partner.token });

    // Rounds as jobs: stated preferences, a queued round, its assignments, confirm, lapse.
    await h.call('PUT', `/rounds/preferences/requests/${requests[1].id}`, {
      token: umkm.token,
      body: { shortlist: [offers[1].id] },
    });
    await h.call('PUT', `/rounds/preferences/offers/${offers[1].id}`, {
      token: partner.token,
      body: { approved: [requests[1].id] },
    });
    const job = await h.call('POST', '/rounds', {
      token: admin.token,
      body: { type: 'mentorship', objective: 'welfare', dryRun: true },
    });
    expect(job.status).toBe(202);
    let status = job.body.status;
    for (let i = 0; i < 400 && status !== 'done' && status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await h.call('GET', `/rounds/${job.body.id}`, { token: admin.token })).body.status;
    }
    expect(status).toBe('done');
    await h.call('GET', `/rounds/${job.body.id}/assignments`, { token: admin.token });
    await h.call('GET', '/rounds?type=mentorship', { token: admin.token });
    const confirmed = await h.call('POST', `/rounds/${job.body.id}/confirm`, { token: admin.token });
    expect(confirmed.body.confirmation.proposed).toBeGreaterThan(0);
    expect((await h.call('POST', '/rounds/lapse', { token: admin.token })).body.lapsed).toBe(
      confirmed.body.confirmation.proposed,
    );

    // Rounds, closing, stats, idempotent creation.
    const round = await runRound(h, admin.token, { type: 'mentorship' });
    expect(round.round.status).toBe('done');
    await h.call('DELETE', `/offers/${offers[4].id}`, { token: partner.token });
    await h.call('DELETE', `/requests/${requests[2].id}`, { token: umkm.token });
    const summary = await h.call('GET', '/stats/summary');
    expect(summary.body).toMatchObject({
      businesses: 1,
      organizations: 1,
      offers: { mentorship: 4 },
      partnerships: 1,
    });
    expect(summary.body.provincesCovered).toBe(1);
    await h.call('GET', '/stats/impact');
    const key = { 'idempotency-key': 'storage-test' };
    await h.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'internship', needs: ['desain'] },
      headers: key,
    });
    await h.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'internship', needs: ['desain'] },
      headers: key,
    });

    expect(commands.filter((c) => /scan/i.test(c))).toEqual([]);
    expect(commands.length).toBeGreaterThan(50);
    // Every call went out through a named access pattern (the adapter is the only caller here).
    expect(tagged).toBe(commands.length);
    for (const [name, m] of measured) {
      expect.soft(m.max, `${name} costs ${m.max} CU`).toBeLessThanOrEqual(ACCESS_PATTERNS[name].maxCapacity);
    }
    // describeTable is the health check; idempotencyRelease runs only after a 5xx (faults.integ.test.ts),
    // idempotencyRenew only for a request that outlives a third of its lease (http/idempotency.integ.test.ts).
    const unused = Object.keys(ACCESS_PATTERNS).filter(
      (name) =>
        !measured.has(name as AccessPatternName) &&
        !['describeTable', 'idempotencyRelease', 'idempotencyRenew'].includes(name),
    );
    expect(unused).toEqual([]);
  }, 60_000);
});
