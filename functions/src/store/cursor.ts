import { ValidationError } from '../domain/errors';

/** A DynamoDB LastEvaluatedKey: attribute name → string value (every key in this table is a string). */
export type StartKey = Record<string, string>;

/** What a cursor carries: where the next page starts and, for reads over several partitions, which one. */
export interface CursorState {
  key?: StartKey;
  partition?: number;
}

const MAX_CURSOR = 2048;

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ k: state.key, p: state.partition }), 'utf8').toString('base64url');
}

export const badCursor = (message: string) =>
  new ValidationError('invalid cursor', [{ field: 'cursor', message }]);

/** What one key attribute of a start key must be: exactly this value, or a value with this prefix. */
export type Expected = string | { prefix: string };

/**
 * Decodes a cursor and checks it against the read it continues: the start key must name exactly the
 * attributes of the index read (`keyNames`), with string values, and stay inside the range being read
 * (`expected`, attribute → exact value for the partition key, `{ prefix }` for a `begins_with` sort key:
 * DynamoDB refuses a start key outside the key condition with a ValidationException). Anything else is
 * the client's mistake (400), never a database error.
 */
export function decodeCursor(
  cursor: string,
  keyNames: readonly string[],
  expected: (state: CursorState) => Record<string, Expected>,
  partitions = 1,
): CursorState {
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor('not a cursor');
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a cursor');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw badCursor('not a cursor');
  const { k, p } = raw as { k?: unknown; p?: unknown };
  const state: CursorState = {};
  if (p !== undefined) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p >= partitions)
      throw badCursor('bad partition');
    state.partition = p;
  }
  if (k !== undefined) {
    if (typeof k !== 'object' || k === null || Array.isArray(k)) throw badCursor('bad start key');
    const entries = Object.entries(k);
    const names = new Set(entries.map(([name]) => name));
    if (entries.length !== keyNames.length || !keyNames.every((n) => names.has(n))) {
      throw badCursor('start key does not belong to this list');
    }
    for (const [, value] of entries) {
      if (typeof value !== 'string' || value.length === 0 || value.length > 512)
        throw badCursor('bad start key');
    }
    state.key = k as StartKey;
    for (const [name, want] of Object.entries(expected(state))) {
      const value = state.key[name] ?? '';
      const fits = typeof want === 'string' ? value === want : value.startsWith(want.prefix);
      if (!fits) throw badCursor('start key does not belong to this list');
    }
  }
  if (state.key === undefined && state.partition === undefined) throw badCursor('empty cursor');
  return state;
}
