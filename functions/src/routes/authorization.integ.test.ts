/**
 * The authorization matrix: each route × each role × own/foreign object, table-driven. A caller who may
 * not act gets 401 (anonymous), 403 (public object, not theirs) or 404 (private object: they learn
 * nothing), and never the object itself.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  apiSurface,
  fillPath,
  type Operation,
  routeTable,
  UNDOCUMENTED,
} from '../../../tests/support/api-surface';
import { type Account, type Harness, harness } from '../testing/harness';

type Actor =
  | 'anonymous'
  | 'umkm'
  | 'otherUmkm'
  | 'partner'
  | 'otherPartner'
  | 'university'
  | 'community'
  | 'admin';
const ACTORS: Actor[] = [
  'anonymous',
  'umkm',
  'otherUmkm',
  'partner',
  'otherPartner',
  'university',
  'community',
  'admin',
];

interface Fixture {
  businessId: string;
  organizationId: string;
  offerId: string;
  requestId: string;
  /** Proposed, for accept/complete/feedback. */
  p1: string;
  /** Proposed, for cancel. */
  p2: string;
  /** Proposed, for decline. */
  p3: string;
  /** A request of the UMKM with no partnership yet. */
  freeRequestId: string;
  /** A finished dry-run round (admin). */
  roundId: string;
}

interface Row {
  name: string;
  method: string;
  path: (f: Fixture) => string;
  body?: unknown;
  /** Expected status per actor; missing actors expect `others`. Rows run in order, actors in ACTORS order. */
  expect: Partial<Record<Actor, number>>;
  others: number;
  /** The id the answer may only contain for allowed callers. */
  secret?: (f: Fixture) => string;
}

const signedIn = (status: number) => ({ anonymous: 401, others: status });

const ROWS: Row[] = [
  {
    name: 'read a UMKM profile',
    method: 'GET',
    path: (f) => `/businesses/${f.businessId}`,
    expect: { anonymous: 401 },
    others: 200,
  },
  {
    name: 'change a UMKM profile',
    method: 'PATCH',
    path: (f) => `/businesses/${f.businessId}`,
    body: { description: 'Keripik tempe renyah' },
    expect: { anonymous: 401, umkm: 200 },
    others: 403,
  },
  {
    name: 'read an organization',
    method: 'GET',
    path: (f) => `/organizations/${f.organizationId}`,
    expect: { anonymous: 401 },
    others: 200,
  },
  {
    name: 'change an organization',
    method: 'PATCH',
    path: (f) => `/organizations/${f.organizationId}`,
    body: { description: 'Program CSR' },
    expect: { anonymous: 401, partner: 200 },
    others: 403,
  },
  {
    name: 'read an offer',
    method: 'GET',
    path: (f) => `/offers/${f.offerId}`,
    expect: { anonymous: 401 },
    others: 200,
  },
  {
    name: 'change an offer',
    method: 'PATCH',
    path: (f) => `/offers/${f.offerId}`,
    body: { title: 'Pendampingan ekspor' },
    expect: { anonymous: 401, partner: 200 },
    others: 403,
  },
  {
    name: 'see an offer’s candidates',
    method: 'GET',
    path: (f) => `/offers/${f.offerId}/candidates`,
    expect: { anonymous: 401, partner: 200, admin: 200 },
    others: 404,
  },
  {
    name: 'read a request',
    method: 'GET',
    path: (f) => `/requests/${f.requestId}`,
    expect: { anonymous: 401, umkm: 200, admin: 200 },
    others: 404,
    secret: (f) => f.requestId,
  },
  {
    name: 'change a request',
    method: 'PATCH',
    path: (f) => `/requests/${f.requestId}`,
    body: { note: 'Butuh segera' },
    expect: { anonymous: 401, umkm: 200 },
    others: 404,
    secret: (f) => f.requestId,
  },
  {
    name: 'see a request’s matches',
    method: 'GET',
    path: (f) => `/requests/${f.requestId}/matches`,
    expect: { anonymous: 401, umkm: 200, admin: 200 },
    others: 404,
  },
  {
    name: 'list own requests',
    method: 'GET',
    path: () => '/requests',
    expect: { anonymous: 401, umkm: 200, otherUmkm: 200 },
    others: 403,
  },
  {
    name: 'read a partnership',
    method: 'GET',
    path: (f) => `/partnerships/${f.p1}`,
    expect: { anonymous: 401, umkm: 200, partner: 200, admin: 200 },
    others: 404,
    secret: (f) => f.p1,
  },
  {
    name: 'list own partnerships',
    method: 'GET',
    path: () => '/partnerships?role=mine',
    ...signedIn(200),
    expect: { anonymous: 401 },
  },
  {
    name: 'accept a proposal',
    method: 'POST',
    path: (f) => `/partnerships/${f.p1}/accept`,
    expect: { anonymous: 401, umkm: 403, partner: 200 },
    others: 404,
    secret: (f) => f.p1,
  },
  {
    // The UMKM completes first; the partner is allowed too but finds it completed already (409, not 403).
    name: 'complete a partnership',
    method: 'POST',
    path: (f) => `/partnerships/${f.p1}/complete`,
    expect: { anonymous: 401, umkm: 200, partner: 409 },
    others: 404,
    secret: (f) => f.p1,
  },
  {
    name: 'rate a partnership',
    method: 'POST',
    path: (f) => `/partnerships/${f.p1}/feedback`,
    body: { rating: 5 },
    expect: { anonymous: 401, umkm: 200, partner: 200 },
    others: 404,
    secret: (f) => f.p1,
  },
  {
    name: 'cancel a partnership',
    method: 'POST',
    path: (f) => `/partnerships/${f.p2}/cancel`,
    expect: { anonymous: 401, umkm: 200, partner: 409 },
    others: 404,
    secret: (f) => f.p2,
  },
  {
    name: 'decline a proposal',
    method: 'POST',
    path: (f) => `/partnerships/${f.p3}/decline`,
    expect: { anonymous: 401, umkm: 403, partner: 200 },
    others: 404,
    secret: (f) => f.p3,
  },
  {
    name: 'propose someone else’s request',
    method: 'POST',
    path: () => '/partnerships',
    body: 'foreign-request',
    expect: { anonymous: 401, umkm: 201, otherUmkm: 404 },
    others: 403,
  },
  {
    name: 'run an allocation round',
    method: 'POST',
    path: () => '/rounds',
    body: { type: 'internship', dryRun: true },
    expect: { anonymous: 401, admin: 202 },
    others: 403,
  },
  {
    name: 'create a UMKM profile when the account has one or is not a UMKM',
    method: 'POST',
    path: () => '/businesses',
    body: { name: 'Toko Kedua', province: '33', sizeClass: 'mikro', sector: 'kuliner' },
    expect: { anonymous: 401, umkm: 409, otherUmkm: 409 },
    others: 403,
  },
  {
    name: 'create an organization when the account has one or is not a partner',
    method: 'POST',
    path: () => '/organizations',
    body: { name: 'Lembaga Kedua', province: '31' },
    expect: { anonymous: 401, partner: 409, otherPartner: 409, university: 409, community: 409 },
    others: 403,
  },
  {
    name: 'post an offer',
    method: 'POST',
    path: () => '/offers',
    body: { type: 'mentorship', title: 'Kelas ekspor', topics: ['ekspor'], mode: 'online', capacity: 1 },
    expect: { anonymous: 401, partner: 201, otherPartner: 201, university: 201, community: 201 },
    others: 403,
  },
  {
    name: 'file a request',
    method: 'POST',
    path: () => '/requests',
    body: { type: 'mentorship', needs: ['ekspor'] },
    expect: { anonymous: 401, umkm: 201, otherUmkm: 201 },
    others: 403,
  },
  {
    name: 'close a request',
    method: 'DELETE',
    path: (f) => `/requests/${f.requestId}`,
    expect: { anonymous: 401, umkm: 200 },
    others: 404,
    secret: (f) => f.requestId,
  },
  {
    name: 'close an offer',
    method: 'DELETE',
    path: (f) => `/offers/${f.offerId}`,
    expect: { anonymous: 401, partner: 200 },
    others: 403,
  },
  { name: 'read the summary (public)', method: 'GET', path: () => '/stats/summary', expect: {}, others: 200 },
  {
    name: 'read the impact figures (public)',
    method: 'GET',
    path: () => '/stats/impact',
    expect: {},
    others: 200,
  },
  {
    name: 'read the provinces (public)',
    method: 'GET',
    path: () => '/reference/provinces',
    expect: {},
    others: 200,
  },
  { name: 'who am I', method: 'GET', path: () => '/auth/me', ...signedIn(200), expect: { anonymous: 401 } },
  {
    name: 'list open offers',
    method: 'GET',
    path: () => '/offers?type=mentorship',
    expect: { anonymous: 401 },
    others: 200,
  },
  {
    name: 'list another organization’s offers',
    method: 'GET',
    path: (f) => `/offers?organizationId=${f.organizationId}`,
    expect: { anonymous: 401 },
    others: 200,
  },
  {
    name: 'read the sectors (public)',
    method: 'GET',
    path: () => '/reference/sectors',
    expect: {},
    others: 200,
  },
  { name: 'health (public)', method: 'GET', path: () => '/health', expect: {}, others: 200 },
  {
    name: 'sign in locally (public)',
    method: 'POST',
    path: () => '/auth/dev-login',
    body: { role: 'business', name: 'Tamu Matriks' },
    expect: {},
    others: 200,
  },
  { name: 'read my inbox', method: 'GET', path: () => '/inbox', expect: { anonymous: 401 }, others: 200 },
  {
    name: 'list past rounds',
    method: 'GET',
    path: () => '/rounds?type=mentorship',
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
  {
    name: 'read a round',
    method: 'GET',
    path: (f) => `/rounds/${f.roundId}`,
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
  {
    name: 'page a round’s assignments',
    method: 'GET',
    path: (f) => `/rounds/${f.roundId}/assignments`,
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
  {
    name: 'export a round’s assignments',
    method: 'GET',
    path: (f) => `/rounds/${f.roundId}/assignments.csv`,
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
  {
    name: 'export a round’s impact',
    method: 'GET',
    path: (f) => `/rounds/${f.roundId}/impact.csv`,
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
  {
    name: 'state a request’s preferences',
    method: 'PUT',
    path: (f) => `/rounds/preferences/requests/${f.freeRequestId}`,
    body: 'shortlist',
    expect: { anonymous: 401, umkm: 200, admin: 200 },
    others: 404,
  },
  {
    name: 'state an offer’s preferences',
    method: 'PUT',
    path: (f) => `/rounds/preferences/offers/${f.offerId}`,
    body: 'approve',
    expect: { anonymous: 401, partner: 200, admin: 200 },
    others: 404,
  },
  {
    // The rows before changed the round's data (new requests): only an admin gets past the role
    // check, and the confirm refuses stale data.
    name: 'confirm a round',
    method: 'POST',
    path: (f) => `/rounds/${f.roundId}/confirm`,
    expect: { anonymous: 401, admin: 409 },
    others: 403,
  },
  {
    name: 'lapse due round proposals',
    method: 'POST',
    path: () => '/rounds/lapse',
    expect: { anonymous: 401, admin: 200 },
    others: 403,
  },
];

/** The OpenAPI path a row drives (its path with every fixture id as `{id}`, without the query). */
const PLACEHOLDERS = new Proxy({} as Fixture, { get: () => '{id}' });
const routeOf = (row: Row) => `${row.method} ${row.path(PLACEHOLDERS).split('?')[0]}`;

let h: Harness;
let f: Fixture;
const accounts = new Map<Actor, Account>();

beforeAll(async () => {
  h = await harness();
  const umkm = await h.umkm();
  const otherUmkm = await h.umkm({ province: '52' });
  const partner = await h.partner('corporate');
  const otherPartner = await h.partner('corporate');
  const university = await h.partner('university');
  const community = await h.partner('community');
  const admin = await h.login('admin');
  for (const [actor, account] of [
    ['umkm', umkm],
    ['otherUmkm', otherUmkm],
    ['partner', partner],
    ['otherPartner', otherPartner],
    ['university', university],
    ['community', community],
    ['admin', admin],
  ] as const) {
    accounts.set(actor, account);
  }
  const offer = await h.offer(partner.token, { capacity: 5 });
  const request = await h.request(umkm.token);
  const propose = async (requestId: string) =>
    (await h.call('POST', '/partnerships', { token: umkm.token, body: { requestId, offerId: offer.id } }))
      .body.id;
  const r2 = await h.request(umkm.token, { needs: ['ekspor'] });
  const r3 = await h.request(umkm.token, { needs: ['keuangan'] });
  f = {
    businessId: umkm.business.id,
    organizationId: partner.organization.id,
    offerId: offer.id,
    requestId: request.id,
    p1: await propose(request.id),
    p2: await propose(r2.id),
    p3: await propose(r3.id),
    freeRequestId: (await h.request(umkm.token, { needs: ['kemasan'] })).id,
    roundId: await finishedRound(admin.token),
  };
}, 120_000);

/** A dry-run round of mentorship, run to its end. */
async function finishedRound(token: string): Promise<string> {
  const started = await h.call('POST', '/rounds', {
    token,
    body: { type: 'mentorship', objective: 'stable', dryRun: true },
  });
  expect(started.status).toBe(202);
  for (let i = 0; i < 200; i++) {
    const round = await h.call('GET', `/rounds/${started.body.id}`, { token });
    if (round.body.status === 'done') return started.body.id;
    expect(round.body.status).not.toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the round did not finish');
}

describe('authorization matrix coverage', () => {
  it('has a row for every route of the OpenAPI document and of Hono’s route table', async () => {
    const documented = (await apiSurface(h.app)).operations.map((o) => o.id);
    const served = (await routeTable(h.app)).filter((r) => !UNDOCUMENTED.has(r));
    const covered = new Set(ROWS.map(routeOf));
    const missing = [...new Set([...documented, ...served])].filter((r) => !covered.has(r));
    expect(missing, 'add a row to ROWS for each of these routes').toEqual([]);
  });
});

describe('authorization on a missing object', () => {
  it('gives no role anything but 401, 403 or 404 (or 400 for the body) on an id that does not exist', async () => {
    const operations: Operation[] = (await apiSurface(h.app)).operations.filter((o) => o.path.includes('{'));
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      const row = ROWS.find((r) => routeOf(r) === op.id);
      for (const actor of ACTORS) {
        const reply = await h.call(op.method, fillPath(op.path, { id: 'tidakAda0000000000000' }), {
          token: accounts.get(actor)?.token,
          ...(op.body ? { body: row?.body ?? {} } : {}),
        });
        const what = `${op.id} as ${actor} → ${reply.status}`;
        if (actor === 'anonymous') expect(reply.status, what).toBe(401);
        else expect([400, 403, 404], what).toContain(reply.status);
        expect(reply.headers.get('content-type'), what).toContain('application/problem+json');
      }
    }
  });
});

describe('authorization matrix', () => {
  // Rows run in order (later rows see the state earlier rows left), actors in ACTORS order.
  it.each(ROWS)('$name: $method', async (row) => {
    const outcome: Record<string, number> = {};
    const wanted: Record<string, number> = {};
    for (const actor of ACTORS) {
      const body =
        row.body === 'foreign-request'
          ? { requestId: f.freeRequestId, offerId: f.offerId }
          : row.body === 'shortlist'
            ? { shortlist: [f.offerId] }
            : row.body === 'approve'
              ? { approved: [f.freeRequestId] }
              : row.body;
      const reply = await h.call(row.method, row.path(f), {
        token: accounts.get(actor)?.token,
        ...(body !== undefined ? { body } : {}),
      });
      outcome[actor] = reply.status;
      wanted[actor] = row.expect[actor] ?? row.others;
      if (reply.status >= 400) {
        expect(reply.headers.get('content-type')).toContain('application/problem+json');
        if (row.secret) expect(JSON.stringify(reply.body)).not.toContain(`"id":"${row.secret(f)}"`);
      }
    }
    expect(outcome).toEqual(wanted);
  });

  it('lists only the caller’s own partnerships', async () => {
    for (const actor of ['otherUmkm', 'otherPartner', 'university', 'admin'] as const) {
      const reply = await h.call('GET', '/partnerships?role=mine', { token: accounts.get(actor)?.token });
      expect(reply.body.items.map((p: { id: string }) => p.id)).not.toContain(f.p1);
    }
  });

  it('rejects forged, expired-looking and malformed tokens with 401', async () => {
    for (const authorization of [
      'Bearer not.a.jwt',
      'Basic dXNlcjpwYXNz',
      'Bearer',
      `Bearer ${'a'.repeat(5000)}`,
    ]) {
      const reply = await h.call('GET', '/auth/me', { headers: { authorization } });
      expect(reply.status).toBe(401);
    }
    const token = accounts.get('umkm')?.token as string;
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await h.call('GET', '/auth/me', { token: forged })).status).toBe(401);
  });
});
