/**
 * Faults a real DynamoDB produces but DynamoDB Local never does (throttling, transaction conflicts),
 * injected with an SDK middleware in front of the real local database: the API retries conflicts, and
 * when they persist answers a clean 503 problem, never a partial write.
 */
import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../testing/harness';

type Fault = (command: string) => Error | undefined;
let fault: Fault = () => undefined;
let h: Harness;
let injected = 0;

const conflict = () =>
  new TransactionCanceledException({
    message:
      'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }],
  });
const throttled = () =>
  new ProvisionedThroughputExceededException({
    message: 'Rate of requests exceeds the allowed throughput',
    $metadata: {},
  });

beforeAll(async () => {
  h = await harness();
  // In front of the SDK's own retries, so what we inject is what the adapter sees.
  h.deps.db.middlewareStack.add(
    (next, context) => async (args) => {
      const error = fault(context.commandName ?? '');
      if (error) {
        injected++;
        throw error;
      }
      return next(args);
    },
    { step: 'initialize', name: 'injectFaults' },
  );
});

async function proposal(capacity = 2) {
  const partner = await h.partner('corporate');
  const offer = await h.offer(partner.token, { capacity });
  const umkm = await h.umkm();
  const request = await h.request(umkm.token);
  const p = await h.call('POST', '/partnerships', {
    token: umkm.token,
    body: { requestId: request.id, offerId: offer.id },
  });
  return { partner, offer, umkm, id: p.body.id as string };
}

describe('faults DynamoDB Local cannot produce', () => {
  it('retries a transaction conflict and then succeeds', async () => {
    const { partner, offer, id } = await proposal();
    let left = 3;
    injected = 0;
    fault = (command) => (/TransactWrite/.test(command) && left-- > 0 ? conflict() : undefined);
    const accepted = await h.call('POST', `/partnerships/${id}/accept`, { token: partner.token });
    fault = () => undefined;
    expect(injected).toBe(3);
    expect(accepted.status).toBe(200);
    expect((await h.call('GET', `/offers/${offer.id}`, { token: partner.token })).body.remaining).toBe(1);
  });

  it('answers 503 with Retry-After when conflicts persist, and writes nothing', async () => {
    const { partner, offer, id } = await proposal();
    fault = (command) => (/TransactWrite/.test(command) ? conflict() : undefined);
    const reply = await h.call('POST', `/partnerships/${id}/accept`, { token: partner.token });
    fault = () => undefined;
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.headers.get('retry-after')).toBe('1');
    expect((await h.call('GET', `/partnerships/${id}`, { token: partner.token })).body.status).toBe(
      'proposed',
    );
    expect((await h.call('GET', `/offers/${offer.id}`, { token: partner.token })).body.remaining).toBe(2);
  }, 30_000);

  it('answers 503 (not 500) when reads stay throttled', async () => {
    const { partner, offer } = await proposal();
    fault = (command) => (/^Get(Item)?Command$/.test(command) ? throttled() : undefined);
    const reply = await h.call('GET', `/offers/${offer.id}`, { token: partner.token });
    fault = () => undefined;
    expect(reply.status).toBe(503);
    expect(reply.body.title).toContain('Service Unavailable');
  }, 30_000);

  it('forgets an Idempotency-Key whose request failed with 503, so the retry runs and creates once', async () => {
    const partner = await h.partner('community');
    const headers = { 'idempotency-key': `fault-${partner.userId}` };
    const body = {
      type: 'distribution',
      title: 'Jaringan reseller',
      topics: ['kerajinan'],
      mode: 'offline',
      capacity: 4,
    };
    fault = (command) => (/TransactWrite/.test(command) ? throttled() : undefined);
    const failed = await h.call('POST', '/offers', { token: partner.token, body, headers });
    fault = () => undefined;
    expect(failed.status).toBe(503);
    const retried = await h.call('POST', '/offers', { token: partner.token, body, headers });
    expect(retried.status).toBe(201);
    const again = await h.call('POST', '/offers', { token: partner.token, body, headers });
    expect(again.body.id).toBe(retried.body.id);
    const list = await h.call('GET', `/offers?organizationId=${partner.organization.id}`, {
      token: partner.token,
    });
    expect(list.body.items).toHaveLength(1);
  }, 30_000);

  it('answers a plain 500 that leaks nothing for an unexpected database failure (and logs it)', async () => {
    const { partner, offer } = await proposal();
    fault = (command) =>
      /^Get(Item)?Command$/.test(command) ? new Error('socket hang up: secret-host:8000') : undefined;
    const reply = await h.call('GET', `/offers/${offer.id}`, { token: partner.token });
    fault = () => undefined;
    expect(reply.status).toBe(500);
    expect(JSON.stringify(reply.body)).not.toContain('secret-host');
  });
});
