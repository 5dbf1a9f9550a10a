import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, uniqueName } from '../testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});

const offerBody = (title: string) => ({
  type: 'internship',
  title,
  topics: ['desain grafis'],
  mode: 'hybrid',
  capacity: 2,
});

async function offersOf(token: string, organizationId: string) {
  return (await h.call('GET', `/offers?organizationId=${organizationId}&limit=100`, { token })).body
    .items as {
    id: string;
  }[];
}

describe('Idempotency-Key', () => {
  it('answers a repeated POST with the stored answer and creates one object', async () => {
    const partner = await h.partner('university');
    const key = uniqueName('key');
    const send = () =>
      h.call('POST', '/offers', {
        token: partner.token,
        body: offerBody('Magang desain'),
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await offersOf(partner.token, partner.organization.id)).toHaveLength(1);
  });

  it('lets concurrent repeats wait for the first and all get the same answer', async () => {
    const partner = await h.partner('university');
    const key = uniqueName('key');
    const replies = await Promise.all(
      Array.from({ length: 25 }, () =>
        h.call('POST', '/offers', {
          token: partner.token,
          body: offerBody('Magang pemasaran'),
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    expect(await offersOf(partner.token, partner.organization.id)).toHaveLength(1);
  });

  it('makes concurrent accepts with one key take one slot', async () => {
    const partner = await h.partner('corporate');
    const offer = await h.offer(partner.token, { capacity: 5 });
    const umkm = await h.umkm();
    const request = await h.request(umkm.token);
    const p = await h.call('POST', '/partnerships', {
      token: umkm.token,
      body: { requestId: request.id, offerId: offer.id },
    });
    const key = uniqueName('accept');
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.call('POST', `/partnerships/${p.body.id}/accept`, {
          token: partner.token,
          headers: { 'idempotency-key': key },
        }),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect((await h.call('GET', `/offers/${offer.id}`, { token: partner.token })).body.remaining).toBe(4);
  });

  it('refuses the same key with a different body (422) and leaves the first object alone', async () => {
    const partner = await h.partner('university');
    const key = uniqueName('key');
    const first = await h.call('POST', '/offers', {
      token: partner.token,
      body: offerBody('Magang A'),
      headers: { 'idempotency-key': key },
    });
    const other = await h.call('POST', '/offers', {
      token: partner.token,
      body: offerBody('Magang B'),
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toContain('application/problem+json');
    expect(await offersOf(partner.token, partner.organization.id)).toHaveLength(1);
  });

  it('keeps keys per account: another account’s identical key is a separate request', async () => {
    const a = await h.partner('community');
    const b = await h.partner('community');
    const key = uniqueName('shared');
    const body = offerBody('Magang bersama');
    const ra = await h.call('POST', '/offers', { token: a.token, body, headers: { 'idempotency-key': key } });
    const rb = await h.call('POST', '/offers', { token: b.token, body, headers: { 'idempotency-key': key } });
    expect(ra.status).toBe(201);
    expect(rb.status).toBe(201);
    expect(rb.body.id).not.toBe(ra.body.id);
  });

  it('rejects an unusable key with 400', async () => {
    const partner = await h.partner('community');
    const reply = await h.call('POST', '/offers', {
      token: partner.token,
      body: offerBody('Magang'),
      headers: { 'idempotency-key': 'x'.repeat(300) },
    });
    expect(reply.status).toBe(400);
  });

  it('gives the same account for the same (role, name) on every dev-login', async () => {
    const name = uniqueName('Ibu Sari');
    const first = await h.login('business', name);
    const again = await h.login('business', `  ${name.toUpperCase()} `);
    const other = await h.login('corporate', name);
    expect(again.userId).toBe(first.userId);
    expect(other.userId).not.toBe(first.userId);
  });

  it('re-running a creation sequence with the same keys returns the same ids (a re-run seed)', async () => {
    const account = await h.login('business');
    const run = async () => {
      const b = await h.call('POST', '/businesses', {
        token: account.token,
        body: { name: 'Batik Sari', province: '34', sizeClass: 'kecil', sector: 'fesyen' },
        headers: { 'idempotency-key': `seed-${account.userId}` },
      });
      const r = await h.call('POST', '/requests', {
        token: account.token,
        body: { type: 'distribution', needs: ['batik'] },
        headers: { 'idempotency-key': `seed-${account.userId}-request-0` },
      });
      return [b.status, b.body.id, r.status, r.body.id];
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first[0]).toBe(201);
  });
});
