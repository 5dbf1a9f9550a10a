import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../domain/errors';
import { decodeCursor, encodeCursor } from './cursor';

const names = ['PK', 'SK', 'GSI2PK', 'GSI2SK'] as const;
const expected = () => ({ GSI2PK: 'OWNER#o1' });
const key = { PK: 'OFFER#a', SK: 'OFFER', GSI2PK: 'OWNER#o1', GSI2SK: 'OFFER#2026#a' };

describe('cursor codec', () => {
  it('round-trips a start key and a partition', () => {
    const cursor = encodeCursor({ key, partition: 1 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, names, expected, 3)).toEqual({ key, partition: 1 });
  });

  it('refuses a cursor for another partition, with other key names or out of range', () => {
    const bad = [
      encodeCursor({ key: { ...key, GSI2PK: 'OWNER#other' } }),
      encodeCursor({ key: { PK: 'x', SK: 'y' } }),
      encodeCursor({ partition: 5 }),
      encodeCursor({}),
      'not a cursor',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('{"k":{"PK":1,"SK":2,"GSI2PK":3,"GSI2SK":4}}').toString('base64url'),
    ];
    for (const cursor of bad) expect(() => decodeCursor(cursor, names, expected, 3)).toThrow(ValidationError);
  });

  it('never throws anything but a ValidationError on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (input) => {
        try {
          decodeCursor(input, names, expected, 3);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
    );
  });
});

describe('cursor sort-key prefix', () => {
  const withPrefix = () => ({ GSI2PK: 'OWNER#o1', GSI2SK: { prefix: 'OFFER#' } });
  it('accepts a start key inside the prefix and refuses one that leaves it', () => {
    expect(decodeCursor(encodeCursor({ key }), names, withPrefix).key).toEqual(key);
    for (const sk of ['REQUEST#2026#a', 'OFFER', 'ZZZ', '#'])
      expect(() => decodeCursor(encodeCursor({ key: { ...key, GSI2SK: sk } }), names, withPrefix)).toThrow(
        ValidationError,
      );
  });
});
