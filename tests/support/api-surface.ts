/**
 * The API's surface as the tests see it, derived at run time, never listed by hand: every operation of
 * `/api/openapi.json`, checked against Hono's own route table so that a route left out of the document
 * cannot escape the fuzzer, the authorization matrix or the header checks (tests/fuzz/).
 *
 * Also: a digest of every item of a table (a Scan, in test code only: no request path scans) to prove
 * that refused requests wrote nothing.
 */
import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { App } from '../../functions/src/app';
import type { DocumentClient } from '../../functions/src/store/client';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the generated document is read loosely
export type JsonSchema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI path under /api, e.g. `/offers/{id}`. */
  path: string;
  /** `METHOD /path`, the operation's name in test titles and matrices. */
  id: string;
  parameters: Parameter[];
  /** The JSON body's schema with $refs resolved one level (properties of the top object). */
  body?: JsonSchema;
  secured: boolean;
}

/** Routes served outside the document on purpose: the document itself and the docs page. */
export const UNDOCUMENTED = new Set(['GET /openapi.json', 'GET /docs', 'GET /docs/scalar.js']);

export interface Surface {
  operations: Operation[];
  components: Record<string, JsonSchema>;
  resolve(schema: JsonSchema | undefined): JsonSchema | undefined;
}

export async function apiSurface(app: App): Promise<Surface> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, JsonSchema>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const components = doc.components?.schemas ?? {};
  const resolve = (schema: JsonSchema | undefined): JsonSchema | undefined => {
    if (!schema) return undefined;
    const ref = schema.$ref as string | undefined;
    if (ref) return resolve(components[ref.replace('#/components/schemas/', '')]);
    return schema;
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const upper = method.toUpperCase() as Operation['method'];
      const body = resolve(op.requestBody?.content?.['application/json']?.schema);
      operations.push({
        method: upper,
        path,
        id: `${upper} ${path}`,
        parameters: ((op.parameters ?? []) as Parameter[]).map((p) => ({
          ...p,
          required: Boolean(p.required),
          schema: resolve(p.schema) ?? {},
        })),
        ...(body ? { body } : {}),
        secured: Array.isArray(op.security) && op.security.length > 0,
      });
    }
  }
  return { operations, components, resolve };
}

/**
 * Hono's route table of the app (its lazily built route groups included), as `METHOD /path` in OpenAPI's `{param}` form, without middleware.
 * Every one must be in the document or in UNDOCUMENTED.
 */
export async function routeTable(app: App): Promise<string[]> {
  const out = new Set<string>();
  for (const route of await app.servedRoutes()) {
    if (route.method === 'ALL' || !route.path.startsWith('/api/')) continue;
    const path = route.path
      .slice('/api'.length)
      .replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}')
      .replace(/(.)\/$/, '$1');
    out.add(`${route.method} ${path}`);
  }
  return [...out].sort();
}

/**
 * Fills `{name}` placeholders, percent-encoded; a lone surrogate becomes the bytes a hostile client
 * would send for it (%ED%A0%80: not valid UTF-8), which encodeURIComponent refuses to produce.
 */
export function fillPath(path: string, values: Record<string, string>): string {
  const encode = (value: string) =>
    [...value].map((ch) => (/^[\uD800-\uDFFF]$/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => encode(values[name] ?? 'x'));
}

/**
 * A digest of every item of the table but the idempotency records (a refused request with an
 * Idempotency-Key keeps its answer for 24 h, by design), with the number of items.
 */
export async function tableDigest(db: DocumentClient, tableName: string) {
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of out.Items ?? []) {
      if (String(item.PK).startsWith('IDEMPOTENCY#')) continue;
      items.push(stable(item));
    }
    start = out.LastEvaluatedKey;
  } while (start);
  items.sort();
  return { count: items.length, digest: createHash('sha256').update(items.join('\n')).digest('hex') };
}

/** JSON with every object's keys sorted, at every depth (sets become sorted arrays). */
function stable(value: unknown): string {
  if (value instanceof Set) return stable([...value].sort());
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
