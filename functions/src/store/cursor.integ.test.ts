/**
 * Forged cursors through the real app on DynamoDB Local: a start key that names the right attributes and
 * the right partition but whose sort key leaves the prefix the Query reads (`begins_with`) makes DynamoDB
 * answer ValidationException. It must be the client's 400, never a 500.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Account, type Harness, harness } from '../testing/harness';
import { encodeCursor } from './cursor';

let h: Harness;
let partner: Account & { organization: { id: string } };
let umkm: Account & { business: { id: string } };

beforeAll(async () => {
  h = await harness();
  partner = await h.partner('corporate');
  umkm = await h.umkm();
});

const forged = (key: Record<string, string>) => encodeCursor({ key });

describe('forged cursors', () => {
  it('answers 400 naming the cursor when the owner list’s sort key leaves its prefix', async () => {
    const org = partner.organization.id;
    for (const sk of ['REQUEST#2026#x', 'ZZZ', 'A', 'OFFER', '#']) {
      const cursor = forged({ PK: 'OFFER#x', SK: 'OFFER', GSI2PK: `OWNER#${org}`, GSI2SK: sk });
      const reply = await h.call('GET', `/offers?organizationId=${org}&cursor=${cursor}`, {
        token: partner.token,
      });
      expect(reply.status, sk).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.errors?.[0]?.field).toBe('cursor');
    }
  });

  it('answers 400 for a UMKM’s request list and a partnership list with a foreign sort key', async () => {
    const requests = forged({
      PK: 'REQUEST#x',
      SK: 'REQUEST',
      GSI2PK: `OWNER#${umkm.business.id}`,
      GSI2SK: 'OFFER#2026#x',
    });
    const r1 = await h.call('GET', `/requests?cursor=${requests}`, { token: umkm.token });
    expect(r1.status).toBe(400);
    const partnerships = forged({
      PK: 'PARTNERSHIP#x',
      SK: 'PARTNERSHIP',
      GSI1PK: `PARTY#${umkm.userId}`,
      GSI1SK: 'OFFER#zzz',
    });
    const r2 = await h.call('GET', `/partnerships?role=mine&cursor=${partnerships}`, { token: umkm.token });
    expect(r2.status).toBe(400);
    expect(r2.body.errors?.[0]?.field).toBe('cursor');
  });
});
