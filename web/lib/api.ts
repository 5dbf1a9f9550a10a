import type { Problem, StatsSummary } from '@sinergi/shared/schemas';
import { HOME_READS } from '../app/reads';
import { forgetEarlyReads, takeEarlyRead } from './early-reads';
import { getT } from './i18n/locale';
import { getSession, setSession } from './session';

/** Thrown when an API call fails; `status` is the HTTP status, or 0 when the network failed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly status: number,
    options?: ErrorOptions & { problem?: Problem },
  ) {
    super(message, options);
    this.problem = options?.problem;
  }
  /** The API's RFC 9457 problem document, when it sent one. */
  readonly problem: Problem | undefined;

  /** Field errors by field name ("needs", "startDate"…), for showing next to the fields. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem?.errors ?? []) {
      // "needs.0" and "needs" both belong to the needs field; the first message per field wins.
      const field = e.field.replace(/^(body|query)\./, '').split('.')[0] ?? e.field;
      out[field] ??= e.message;
    }
    return out;
  }
}

/**
 * Calls the API as the signed-in user. Answers other than 2xx throw an {@link ApiError} carrying the
 * problem document; a 401 also ends the demo session (the token expired or the stack was reset).
 */
export async function api<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = getSession()?.token;
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  // A read the page's inline script started while the HTML was parsed (lib/early-reads.ts) answers the
  // first ask for its path; a write makes any read not yet taken stale.
  const early = method === 'GET' ? takeEarlyRead(path, token) : undefined;
  if (method !== 'GET') forgetEarlyReads();
  let response: Response;
  try {
    response = await (early ??
      fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        cache: 'no-store',
      }));
  } catch (error) {
    throw new ApiError(getT().common.unreachable, 0, { cause: error });
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = json && typeof json === 'object' && 'title' in json ? (json as Problem) : undefined;
    if (response.status === 401 && token) setSession(null);
    const message = problem ? (problem.detail ?? problem.title) : `HTTP ${response.status}`;
    throw new ApiError(message, response.status, { problem });
  }
  return json as T;
}

/** What the typed client checks an answer with: any schema of @sinergi/shared/schemas. */
export interface AnswerSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: unknown };
}

/**
 * Responses are checked against the API's own schemas in development and tests (a drifting API shows
 * as an error where it happens); the production build trusts them and skips the work.
 */
export const CHECK_RESPONSES = process.env.NODE_ENV !== 'production';

/** An answer as its schema says it is, or an ApiError naming the mismatch. Pure, so it is unit-tested. */
export function checkAnswer<T>(schema: AnswerSchema<T>, value: unknown, status = 200): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(getT().common.unexpected, status, { cause: parsed.error });
  }
  return parsed.data;
}

/** A schema, or how to load one: `() => import('@sinergi/shared/schemas').then((m) => m.Partnership)`. */
export type SchemaSource<T> = AnswerSchema<T> | (() => Promise<AnswerSchema<T>>);

/**
 * The typed client: like {@link api}, with the answer's type taken from its schema (and checked against
 * it in development and tests). Pass the schema as a loader and the production build never loads zod
 * for it: the check, and so the import, runs only when {@link CHECK_RESPONSES}.
 *
 * @example
 * const page = await apiOf(() => import('@sinergi/shared/schemas').then((m) => m.PartnershipPage), 'GET', '/api/partnerships?limit=20');
 */
export async function apiOf<T>(
  schema: SchemaSource<T>,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const json = await api<unknown>(method, path, body, signal);
  if (!CHECK_RESPONSES) return json as T;
  return checkAnswer(typeof schema === 'function' ? await schema() : schema, json);
}

/** `path` with `cursor` added to its query, for following a list's `nextCursor`. */
export function withCursor(path: string, cursor: string | undefined): string {
  if (!cursor) return path;
  return `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * A public read (no session), or the home page's early read of it (app/reads.ts). The site and the API
 * share one origin (CloudFront on AWS, one Node process locally).
 */
async function getJson(path: string, signal?: AbortSignal): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await (takeEarlyRead(path, null) ??
      fetch(path, { headers: { accept: 'application/json' }, signal, cache: 'no-store' }));
  } catch (error) {
    throw new ApiError(getT().common.unreachable, 0, { cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

export async function fetchStatsSummary(signal?: AbortSignal): Promise<StatsSummary> {
  const { status, body } = await getJson(HOME_READS.summary, signal);
  if (status !== 200) {
    const title = (body as { title?: string } | undefined)?.title;
    throw new ApiError(`HTTP ${status}${title ? `: ${title}` : ''}`, status);
  }
  // Checked by shape, not with the zod schema: the home page needs these seven numbers, not zod's runtime
  // (the API's own tests hold the answer to StatsSummary).
  if (!isStatsSummary(body)) throw new ApiError(getT().common.unexpected, status);
  return body;
}

function isStatsSummary(body: unknown): body is StatsSummary {
  const b = body as Partial<Record<keyof StatsSummary, unknown>> | undefined;
  const offers = b?.offers as Record<string, unknown> | undefined;
  return (
    typeof b?.businesses === 'number' &&
    typeof b.organizations === 'number' &&
    typeof b.partnerships === 'number' &&
    typeof b.provincesCovered === 'number' &&
    ['mentorship', 'internship', 'distribution'].every((k) => typeof offers?.[k] === 'number')
  );
}

export interface Health {
  status: 'ok' | 'degraded';
  database: { reachable: boolean; table: string; latencyMs?: number };
}

export async function fetchHealth(signal?: AbortSignal): Promise<{ httpStatus: number; health?: Health }> {
  const { status, body } = await getJson(HOME_READS.health, signal);
  const health = body as Health | undefined;
  return { httpStatus: status, health: health && typeof health.status === 'string' ? health : undefined };
}
