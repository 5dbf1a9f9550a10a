/**
 * The Lambda entry tested as Lambda runs it: lambda.ts bundled by esbuild (platform node, target node20,
 * ESM) into a temporary directory, its `handler` imported from the bundle and invoked with API Gateway
 * HTTP API (payload 2.0) events, against the real local DynamoDB.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LAMBDA_BUNDLE_OPTIONS, LAMBDA_ENTRY } from './lambda-bundle';

type Handler = (
  event: unknown,
  context: unknown,
) => Promise<{
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
  isBase64Encoded?: boolean;
}>;

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
  const result = await build({
    ...LAMBDA_BUNDLE_OPTIONS,
    entryPoints: [LAMBDA_ENTRY],
    outfile: join(dir, 'index.mjs'),
    metafile: true,
    logLevel: 'silent',
  });
  bundleBytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
  console.info(`lambda bundle: ${(bundleBytes / 1e6).toFixed(2)} MB`);
  // The environment a Lambda function gets from CDK; lambda.ts parses it once at module load.
  process.env.TABLE_NAME = inject('tableName');
  process.env.DYNAMODB_ENDPOINT = inject('dynamodbEndpoint');
  process.env.AUTH_MODE = 'local';
  const module = (await import(pathToFileURL(join(dir, 'index.mjs')).href)) as { handler: Handler };
  handler = module.handler;
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the bundled Lambda handler', () => {
  it('is one self-contained ESM file of reasonable size', () => {
    expect(bundleBytes).toBeGreaterThan(100_000);
    expect(bundleBytes).toBeLessThan(5_000_000);
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

  it('serves the API reference page and its script from the bundle itself (offline, no file beside it)', async () => {
    const page = await handler(event('GET', '/api/docs'), context);
    expect(page.statusCode).toBe(200);
    expect(page.headers?.['content-type']).toContain('text/html');
    expect(page.body).not.toMatch(/https?:\/\/cdn/);
    expect(/<script src="([^"]+)"/.exec(page.body)?.[1]).toBe('/api/docs/scalar.js');

    const zipped = await handler(
      event('GET', '/api/docs/scalar.js', { headers: { 'accept-encoding': 'gzip, br' } }),
      context,
    );
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers?.['content-type']).toContain('javascript');
    expect(zipped.headers?.['content-encoding']).toBe('gzip');
    expect(zipped.isBase64Encoded).toBe(true);
    const script = gunzipSync(Buffer.from(zipped.body, 'base64')).toString('utf8');
    expect(script.length).toBeGreaterThan(1_000_000);

    const plain = await handler(event('GET', '/api/docs/scalar.js'), context);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers?.['content-encoding']).toBeUndefined();
    const text = plain.isBase64Encoded ? Buffer.from(plain.body, 'base64').toString('utf8') : plain.body;
    expect(text).toBe(script);
  });

  it('answers an unknown path with a 404 problem', async () => {
    const reply = await handler(event('GET', '/api/nothing-here'), context);
    expect(reply.statusCode).toBe(404);
  });
});
