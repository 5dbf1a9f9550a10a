/**
 * Bodies as a hostile client sends them over real HTTP to the app under @hono/node-server (the local
 * server's adapter): oversized with and without Content-Length, chunked, lying lengths, both framing
 * headers, malformed chunks, bodies cut off. Every operation of the OpenAPI document that takes a body.
 * Never a 5xx, an answer well within the client's timeout, refusals as problem documents, nothing written.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { LIMITS } from '@sinergi/shared/schemas';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, harness } from '../../functions/src/testing/harness';
import { apiSurface, fillPath, type Operation, tableDigest } from '../support/api-surface';
import { rawRequest } from '../support/raw-http';

let h: Harness;
let server: ReturnType<typeof serve>;
let port: number;
let token: string;
let withBody: Operation[];
let before: { count: number; digest: string };
// A 500 nobody receives (the client went away) is still a 500: the app must not answer one.
const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);

beforeAll(async () => {
  h = await harness({}, { isolated: true });
  server = serve({ fetch: h.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  port = (server.address() as AddressInfo).port;
  const partner = await h.partner('corporate');
  token = partner.token;
  withBody = (await apiSurface(h.app)).operations.filter((o) => o.body);
  before = await tableDigest(h.deps.db, h.deps.config.TABLE_NAME);
}, 60_000);

afterAll(async () => {
  errors.mockRestore();
  await new Promise<void>((r) => server.close(() => r()));
});

const big = `{"title":"${'a'.repeat(LIMITS.body + 1024)}"}`;

function head(op: Operation, extra: string[]) {
  return [
    `${op.method} /api${fillPath(op.path, { id: 'abc' })} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Authorization: Bearer ${token}`,
    'Content-Type: application/json',
    'Connection: close',
    ...extra,
  ].join('\n');
}

const CASES: {
  name: string;
  send: (op: Operation) => Parameters<typeof rawRequest>;
  /** Must the answer be exactly this status? */
  status?: number;
}[] = [
  {
    name: 'oversized with Content-Length',
    send: (op) => [port, head(op, [`Content-Length: ${Buffer.byteLength(big)}`]), big],
    status: 413,
  },
  {
    name: 'oversized, chunked, no Content-Length',
    send: (op) => [
      port,
      head(op, ['Transfer-Encoding: chunked']),
      (write) => {
        for (let i = 0; i < big.length; i += 8192) {
          const chunk = big.slice(i, i + 8192);
          write(`${Buffer.byteLength(chunk).toString(16)}\r\n${chunk}\r\n`);
        }
        write('0\r\n\r\n');
      },
    ],
    status: 413,
  },
  {
    name: 'small, chunked, malformed JSON',
    send: (op) => [port, head(op, ['Transfer-Encoding: chunked']), '5\r\n{"a":\r\n0\r\n\r\n'],
    status: 400,
  },
  {
    name: 'Content-Length shorter than the body',
    send: (op) => [port, head(op, ['Content-Length: 5']), '{"title":"x","capacity":1}'],
  },
  {
    name: 'Content-Length longer than the body, then the client stops sending',
    send: (op) => [port, head(op, ['Content-Length: 1000']), '{"title":', { halfClose: true }],
  },
  {
    name: 'both Content-Length and Transfer-Encoding',
    send: (op) => [port, head(op, ['Content-Length: 4', 'Transfer-Encoding: chunked']), '0\r\n\r\n'],
  },
  {
    name: 'malformed chunk size',
    send: (op) => [port, head(op, ['Transfer-Encoding: chunked']), 'zz\r\n{}\r\n0\r\n\r\n'],
  },
  {
    name: 'declared length above the limit, nothing sent',
    send: (op) => [port, head(op, [`Content-Length: ${LIMITS.body * 100}`]), '', { halfClose: true }],
  },
];

describe('bodies over real HTTP on every operation that takes one', () => {
  it.each(CASES)(
    '$name',
    async ({ send, status }) => {
      expect(withBody.length).toBeGreaterThan(5);
      for (const op of withBody) {
        const reply = await rawRequest(...send(op));
        const what = `${op.id}: ${reply.status} ${reply.body.slice(0, 200)}`;
        expect(reply.status, what).toBeLessThan(500);
        expect(reply.ms, what).toBeLessThan(5000);
        if (status !== undefined) expect(reply.status, what).toBe(status);
        // An answer from the app is a problem document; one from Node's HTTP parser (before the app) or a
        // closed connection (the client gave up) carries none.
        if (reply.status >= 400 && reply.headers['content-type']?.startsWith('application/'))
          expect(reply.headers['content-type'], what).toContain('application/problem+json');
      }
      expect(await tableDigest(h.deps.db, h.deps.config.TABLE_NAME)).toEqual(before);
    },
    120_000,
  );

  it('answered no request with an unhandled error (500), even those whose client went away', async () => {
    // The app may still be reading a body whose client already left.
    await new Promise((r) => setTimeout(r, 1000));
    const unhandled = errors.mock.calls.filter((args) => String(args[0]).includes('unhandled'));
    expect(unhandled.map((args) => String(args[1])).slice(0, 3)).toEqual([]);
  });
});
