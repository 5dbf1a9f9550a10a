/**
 * The Lambda entry tested as Lambda runs it: lambda.ts bundled by `bundleLambda` (lambda-bundle.ts)
 * (the build infra deploys) into a temporary directory, its `handler` imported from
 * the bundle and invoked with API Gateway HTTP API (payload 2.0) events, against the real local DynamoDB
 * reached through a fault proxy on loopback: it passes traffic through, or answers as a throttled or
 * failing DynamoDB would, or drops the connection (faults the real emulator never produces).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleLambda, LAMBDA_ENTRY } from './lambda-bundle';

type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}>;

type Fault = 'none' | 'throttle' | 'server-error' | 'reset';
let fault: Fault = 'none';
let proxy: Server;

/** Forwards to DynamoDB Local unless a fault is set; counts the calls it faulted. */
function startFaultProxy(target: string): Promise<string> {
  const upstream = new URL(target);
  proxy = createServer((req, res) => {
    if (fault === 'reset') return void req.socket.destroy();
    if (fault !== 'none') {
      const [status, type] =
        fault === 'throttle' ? [400, 'ThrottlingException'] : [500, 'InternalServerError'];
      req.resume();
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fault' });
      return void res.end(
        JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: type }),
      );
    }
    const forward = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        path: req.url,
        method: req.method,
        headers: req.headers,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)),
  );
}

let dir: string;
let handler: Handler;
let bundleBytes = 0;

function event(
  method: string,
  path: string,
  options: { body?: unknown; token?: string; base64?: boolean; headers?: Record<string, string> } = {},
) {
  const raw = options.body === undefined ? undefined : JSON.stringify(options.body);
  const [rawPath, rawQueryString = ''] = path.split('?') as [string, string?];
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString,
    headers: {
      host: 'api.sinergi.test',
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(raw ? { 'content-length': String(Buffer.byteLength(raw)) } : {}),
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.sinergi.test',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: `req-${Math.random()}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
    },
    ...(raw !== undefined
      ? {
          body: options.base64 ? Buffer.from(raw).toString('base64') : raw,
          isBase64Encoded: !!options.base64,
        }
      : { isBase64Encoded: false }),
  };
}

const context = { functionName: 'sinergi-api', awsRequestId: 'test', getRemainingTimeInMillis: () => 30_000 };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sinergi-lambda-'));
  bundleBytes = (await bundleLambda(LAMBDA_ENTRY, dir, { logLevel: 'silent' })).bytes;
  console.info(`lambda bundle: ${(bundleBytes / 1e6).toFixed(2)} MB`);
  // The environment a Lambda function gets (CDK sets AUTH_MODE=oidc; this test signs in locally, which
  // the config allows only against a loopback DynamoDB); lambda.ts parses it once at module load.
  process.env.TABLE_NAME = inject('tableName');
  process.env.DYNAMODB_ENDPOINT = await startFaultProxy(inject('dynamodbEndpoint'));
  process.env.AUTH_MODE = 'local';
  process.env.DOCS_SCRIPT_URL = '/docs/scalar.js';
  const module = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: Handler };
  handler = module.handler;
}, 60_000);

afterEach(() => {
  fault = 'none';
});

afterAll(async () => {
  proxy?.close();
  await rm(dir, { recursive: true, force: true });
});

async function signIn(role: string) {
  const login = await handler(
    event('POST', '/api/auth/dev-login', { body: { role, name: `Lambda ${role} ${Math.random()}` } }),
    context,
  );
  expect(login.statusCode).toBe(200);
  return JSON.parse(login.body) as { token: string; user: { id: string } };
}

describe('the bundled Lambda handler', () => {
  it('is self-contained ESM without the docs script (npm run bench reports it against 1 MB)', () => {
    expect(bundleBytes).toBeGreaterThan(100_000);
    // The entry and the chunks it imports on demand (lambda-bundle.ts); 849 KB measured (zod's locales and bowser
    // left out): a tight guard, so growth is a decision.
    expect(bundleBytes).toBeLessThan(880_000);
  });

  it('answers the health check', async () => {
    const reply = await handler(event('GET', '/api/health'), context);
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ status: 'ok', database: { reachable: true } });
  });

  it('signs in with dev-login (also with a base64-encoded body) and uses the token', async () => {
    const name = `Lambda ${Math.random()}`;
    const login = await handler(
      event('POST', '/api/auth/dev-login', { body: { role: 'corporate', name } }),
      context,
    );
    expect(login.statusCode).toBe(200);
    const { token, user } = JSON.parse(login.body);
    const again = await handler(
      event('POST', '/api/auth/dev-login', { body: { role: 'corporate', name }, base64: true }),
      context,
    );
    expect(JSON.parse(again.body).user.id).toBe(user.id);
    const me = await handler(event('GET', '/api/auth/me', { token }), context);
    expect(JSON.parse(me.body).user.id).toBe(user.id);
  });

  it('answers a create with invalid fields with a 400 problem listing them', async () => {
    const login = await handler(
      event('POST', '/api/auth/dev-login', { body: { role: 'business', name: `L ${Math.random()}` } }),
      context,
    );
    const { token } = JSON.parse(login.body);
    const reply = await handler(
      event('POST', '/api/businesses', {
        token,
        body: { name: 'Toko', province: '99', sizeClass: 'mikro', sector: 'kuliner', ownerId: 'x' },
      }),
      context,
    );
    expect(reply.statusCode).toBe(400);
    expect(reply.headers?.['content-type']).toContain('application/problem+json');
    const fields = JSON.parse(reply.body)
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['ownerId', 'province']);
    const created = await handler(
      event('POST', '/api/businesses', {
        token,
        body: { name: 'Toko Lambda', province: '33', sizeClass: 'mikro', sector: 'kuliner' },
      }),
      context,
    );
    expect(created.statusCode).toBe(201);
  });

  it('serves the API reference page with its script from the site (a static file), not from the function', async () => {
    const page = await handler(event('GET', '/api/docs'), context);
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/https?:\/\/cdn/);
    expect(/<script src="([^"]+)"/.exec(page.body)?.[1]).toBe('/docs/scalar.js');
    const script = await handler(event('GET', '/api/docs/scalar.js'), context);
    expect(script.statusCode).toBe(404);
  });

  it('signed in: answers with security headers and private, no-store', async () => {
    const { token, user } = await signIn('business');
    const created = await handler(
      event('POST', '/api/businesses', {
        token,
        body: { name: 'Toko Lambda', province: '33', sizeClass: 'mikro', sector: 'kuliner' },
      }),
      context,
    );
    expect(created.statusCode).toBe(201);
    const me = await handler(event('GET', '/api/auth/me', { token }), context);
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({
      user: { id: user.id },
      businessId: JSON.parse(created.body).id,
    });
    for (const reply of [created, me]) {
      expect(reply.headers?.['cache-control']).toBe('private, no-store');
      expect(reply.headers?.['x-content-type-options']).toBe('nosniff');
      expect(reply.headers?.['strict-transport-security']).toContain('max-age=');
      expect(reply.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    const reference = await handler(event('GET', '/api/reference/provinces'), context);
    expect(reference.headers?.['cache-control']).toMatch(/^public, max-age=\d+/);
  });

  it('401: no token, a malformed one, or one signed with another key', async () => {
    expect((await handler(event('GET', '/api/auth/me'), context)).statusCode).toBe(401);
    expect((await handler(event('GET', '/api/auth/me', { token: 'not.a.jwt' }), context)).statusCode).toBe(
      401,
    );
    const { token } = await signIn('business');
    const [h, p] = token.split('.');
    const forged = `${h}.${p}.${Buffer.from('forged-signature-bytes-here').toString('base64url')}`;
    const reply = await handler(event('GET', '/api/auth/me', { token: forged }), context);
    expect(reply.statusCode).toBe(401);
    expect(reply.headers?.['content-type']).toContain('application/problem+json');
  });

  it('403: a UMKM may not run an allocation round', async () => {
    const { token } = await signIn('business');
    const reply = await handler(
      event('POST', '/api/rounds', { token, body: { type: 'mentorship' } }),
      context,
    );
    expect(reply.statusCode).toBe(403);
    expect(reply.headers?.['content-type']).toContain('application/problem+json');
  });

  for (const [what, kind] of [
    ['throttling the retries could not absorb', 'throttle'],
    ['a DynamoDB 500', 'server-error'],
    ['a dropped connection', 'reset'],
  ] as const) {
    it(`503 with Retry-After on ${what}, never a bare 500`, async () => {
      const { token } = await signIn('business');
      fault = kind;
      const reply = await handler(event('GET', '/api/auth/me', { token }), context);
      fault = 'none';
      expect(reply.statusCode).toBe(503);
      expect(reply.headers?.['retry-after']).toBe('1');
      expect(reply.headers?.['content-type']).toContain('application/problem+json');
      // And it recovers as soon as the database does.
      expect((await handler(event('GET', '/api/auth/me', { token }), context)).statusCode).toBe(200);
    }, 60_000);
  }

  it('answers an unknown path with a 404 problem', async () => {
    const reply = await handler(event('GET', '/api/nothing-here'), context);
    expect(reply.statusCode).toBe(404);
  });
});
