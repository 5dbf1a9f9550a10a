/**
 * Test support for integration tests: the real app on the real local DynamoDB, driven through
 * `app.request()` exactly as a client would, with unique names per test.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '@sinergi/shared/schemas';
import { type AppDeps, createApp } from '../app';
import { NO_RATE_LIMITS } from '../http/rate-limit';
import { testDeps } from '../local/test-support';

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** Sent as is (malformed JSON, oversized bodies). */
  rawBody?: string;
  headers?: Record<string, string>;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON bodies loosely and assert on them
export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Account {
  token: string;
  userId: string;
  role: Role;
  name: string;
}

export function uniqueName(label: string) {
  return `${label} ${randomUUID().slice(0, 8)}`;
}

export async function harness(extra: Partial<AppDeps> = {}, options: { isolated?: boolean } = {}) {
  const deps = options.isolated ? await testDeps({ isolated: true }) : testDeps();
  // Tests drive single users far harder than people do (hundreds of accepts at once in the race tests):
  // rate limits only where a test asks for them (http/rate-limit.integ.test.ts).
  const app = createApp({ ...deps, rateLimits: NO_RATE_LIMITS, ...extra });

  // biome-ignore lint/suspicious/noExplicitAny: as above
  async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await app.request(`/api${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (the docs page)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async function login(role: Role, name = uniqueName(role)): Promise<Account> {
    const reply = await call('POST', '/auth/dev-login', { body: { role, name } });
    if (reply.status !== 200)
      throw new Error(`dev-login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
    return { token: reply.body.token, userId: reply.body.user.id, role, name };
  }

  async function expectCreated(reply: Reply, what: string) {
    if (reply.status !== 201) throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body;
  }

  /** A UMKM account with its profile. */
  async function umkm(overrides: Record<string, unknown> = {}) {
    const account = await login('business');
    const business = await expectCreated(
      await call('POST', '/businesses', {
        token: account.token,
        body: {
          name: `UMKM ${account.name}`,
          province: '33',
          city: 'Semarang',
          sizeClass: 'mikro',
          sector: 'kuliner',
          products: ['keripik tempe'],
          certifications: ['halal'],
          ...overrides,
        },
      }),
      'business',
    );
    return { ...account, business };
  }

  /** A partner account (corporate, university or community) with its organization. */
  async function partner(role: 'corporate' | 'university' | 'community' = 'corporate', overrides = {}) {
    const account = await login(role);
    const organization = await expectCreated(
      await call('POST', '/organizations', {
        token: account.token,
        body: { name: `Org ${account.name}`, province: '31', ...overrides },
      }),
      'organization',
    );
    return { ...account, organization };
  }

  async function offer(token: string, overrides: Record<string, unknown> = {}) {
    return expectCreated(
      await call('POST', '/offers', {
        token,
        body: {
          type: 'mentorship',
          title: 'Pendampingan pemasaran digital',
          topics: ['pemasaran digital', 'ekspor'],
          mode: 'online',
          capacity: 3,
          ...overrides,
        },
      }),
      'offer',
    );
  }

  async function request(token: string, overrides: Record<string, unknown> = {}) {
    return expectCreated(
      await call('POST', '/requests', {
        token,
        body: { type: 'mentorship', needs: ['pemasaran digital'], mode: 'any', ...overrides },
      }),
      'request',
    );
  }

  return { app, deps, call, login, umkm, partner, offer, request };
}

export type Harness = Awaited<ReturnType<typeof harness>>;
