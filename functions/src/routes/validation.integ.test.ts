/** A client's mistake is a 4xx problem naming what was wrong, never a 500 and never stored. */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness';

let h: Harness;
let umkm: Awaited<ReturnType<Harness['umkm']>>;
let partner: Awaited<ReturnType<Harness['partner']>>;
beforeAll(async () => {
  h = await harness();
  umkm = await h.umkm();
  partner = await h.partner('corporate');
});

const offer = { type: 'mentorship', title: 'Kelas ekspor', topics: ['ekspor'], mode: 'online', capacity: 2 };

describe('input validation', () => {
  it('rejects unknown fields by name: no mass assignment of ownerId, remaining or status', async () => {
    const reply = await h.call('POST', '/offers', {
      token: partner.token,
      body: { ...offer, ownerId: umkm.userId, remaining: 999, status: 'closed' },
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'ownerId',
      'remaining',
      'status',
    ]);
  });

  it('names every failing field: province code, sector key, size class, capacity', async () => {
    const account = await h.login('business');
    const reply = await h.call('POST', '/businesses', {
      token: account.token,
      body: { name: 'X', province: '99', sizeClass: 'besar', sector: 'minyak' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'name',
      'province',
      'sector',
      'sizeClass',
    ]);
    const bad = await h.call('POST', '/offers', { token: partner.token, body: { ...offer, capacity: 0 } });
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'capacity' })]);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const reply = await h.call('POST', '/offers', {
      token: partner.token,
      rawBody: '{"type": "mentorship",',
    });
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers a body over 64 KB with 413', async () => {
    const reply = await h.call('POST', '/offers', {
      token: partner.token,
      rawBody: JSON.stringify({ ...offer, title: 'x'.repeat(70_000) }),
    });
    expect(reply.status).toBe(413);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
  });

  it('bounds strings, lists and page sizes', async () => {
    const long = await h.call('POST', '/offers', {
      token: partner.token,
      body: { ...offer, title: 'x'.repeat(161) },
    });
    expect(long.status).toBe(400);
    const many = await h.call('POST', '/offers', {
      token: partner.token,
      body: { ...offer, topics: Array.from({ length: 31 }, (_, i) => `t${i}`) },
    });
    expect(many.status).toBe(400);
    const page = await h.call('GET', '/offers?limit=101', { token: partner.token });
    expect(page.status).toBe(400);
    expect(page.body.errors[0].field).toBe('query.limit');
    const matches = await h.call('GET', '/requests/abc/matches?limit=0', { token: umkm.token });
    expect(matches.status).toBe(400);
  });

  it('refuses dates in the wrong order and an empty PATCH', async () => {
    const dates = await h.call('POST', '/requests', {
      token: umkm.token,
      body: { type: 'mentorship', needs: ['ekspor'], startDate: '2026-12-01', endDate: '2026-11-01' },
    });
    expect(dates.status).toBe(400);
    expect(dates.body.errors[0].field).toBe('endDate');
    const empty = await h.call('PATCH', `/businesses/${umkm.business.id}`, { token: umkm.token, body: {} });
    expect(empty.status).toBe(400);
  });

  it('treats a tampered or foreign cursor as the client’s mistake (400)', async () => {
    for (let i = 0; i < 3; i++) await h.offer(partner.token);
    const first = await h.call('GET', `/offers?organizationId=${partner.organization.id}&limit=1`, {
      token: partner.token,
    });
    expect(first.body.nextCursor).toBeTruthy();
    const next = await h.call(
      'GET',
      `/offers?organizationId=${partner.organization.id}&limit=1&cursor=${first.body.nextCursor}`,
      { token: partner.token },
    );
    expect(next.status).toBe(200);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);

    const foreign = await h.call(
      'GET',
      `/offers?organizationId=other&limit=1&cursor=${first.body.nextCursor}`,
      {
        token: partner.token,
      },
    );
    expect(foreign.status).toBe(400);
    for (const cursor of ['not-base64!', 'e30', Buffer.from('{"k":{"PK":1}}').toString('base64url')]) {
      const reply = await h.call('GET', `/offers?type=mentorship&cursor=${encodeURIComponent(cursor)}`, {
        token: partner.token,
      });
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0].field).toBe('cursor');
    }
  });

  it('pages through every open offer of every type without repeats', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const reply = await h.call('GET', `/offers?limit=7${cursor ? `&cursor=${cursor}` : ''}`, {
        token: umkm.token,
      });
      expect(reply.status).toBe(200);
      for (const item of reply.body.items) {
        expect(seen.has(item.id)).toBe(false);
        seen.add(item.id);
      }
      cursor = reply.body.nextCursor;
      pages++;
    } while (cursor && pages < 500);
    expect(seen.size).toBeGreaterThan(0);
  }, 60_000);

  it('answers unknown paths and dev-login in OpenID (Cognito) mode with a 404 problem', async () => {
    const unknown = await h.call('GET', '/nope');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    const cognito = await harness({
      config: {
        ...h.deps.config,
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://cognito-idp.ap-southeast-3.amazonaws.com/ap-southeast-3_abc',
        OIDC_CLIENT_ID: 'x',
        OIDC_TOKEN_USE: 'access',
      },
    });
    const login = await cognito.call('POST', '/auth/dev-login', { body: { role: 'admin' } });
    expect(login.status).toBe(404);
    const local = await h.call('POST', '/auth/dev-login', { body: { role: 'superuser' } });
    expect(local.status).toBe(400);
  });
});

describe('OpenAPI and docs', () => {
  it('serves an OpenAPI 3.1 document generated from the zod schemas', async () => {
    const reply = await h.call('GET', '/openapi.json');
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    for (const path of [
      '/offers',
      '/requests/{id}/matches',
      '/partnerships/{id}/accept',
      '/rounds',
      '/stats/summary',
    ]) {
      expect(Object.keys(reply.body.paths)).toContain(path);
    }
    expect(reply.body.components.schemas.OfferCreate.additionalProperties).toBe(false);
  });

  it('serves the API reference page with its script from the app itself (works offline)', async () => {
    const page = await h.app.request('/api/docs');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).not.toMatch(/https?:\/\/cdn/);
    const src = /<script src="([^"]+)"/.exec(html)?.[1];
    expect(src).toBe('/api/docs/scalar.js');
    const script = await h.app.request(src as string);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(100_000);
  });
});
