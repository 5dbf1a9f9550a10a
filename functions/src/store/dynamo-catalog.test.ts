import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyRanges } from './dynamo-catalog';

describe('key ranges of a cold load', () => {
  it('put every open item in exactly one range, whatever the times and the number of ranges', () => {
    const time = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(time, fc.stringMatching(/^[0-9a-z]{1,8}$/)), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 12 }),
        (raw, parts) => {
          const keys = [...new Set(raw.map(([t, id]) => `${new Date(t).toISOString()}#${id}`))].sort();
          const ranges = keyRanges(keys[0] as string, keys[keys.length - 1] as string, parts);
          expect(ranges.length).toBeLessThanOrEqual(parts);
          for (const key of keys) {
            // DynamoDB's BETWEEN: both ends inclusive, keys compared as UTF-8 bytes (ASCII here).
            expect(ranges.filter((r) => r.from <= key && key <= r.to)).toHaveLength(1);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
