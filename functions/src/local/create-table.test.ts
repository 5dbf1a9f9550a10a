import { describe, expect, it } from 'vitest';
import { TABLE_DEFINITION } from '../store/table';
import { createTableInput } from './create-table';

describe('createTableInput', () => {
  it('declares every key attribute of the table and its indexes exactly once, as strings', () => {
    const input = createTableInput('t');
    const declared = input.AttributeDefinitions.map((a) => a.AttributeName).sort();
    const used = [
      TABLE_DEFINITION.partitionKey,
      TABLE_DEFINITION.sortKey,
      ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
    ];
    expect(declared).toEqual([...new Set(used)].sort());
    expect(input.AttributeDefinitions.every((a) => a.AttributeType === 'S')).toBe(true);
  });

  it('keeps the key schema, billing mode and every index of the definition', () => {
    const input = createTableInput('sinergi');
    expect(input.TableName).toBe('sinergi');
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(input.GlobalSecondaryIndexes.map((g) => g.IndexName)).toEqual(
      TABLE_DEFINITION.globalSecondaryIndexes.map((g) => g.indexName),
    );
    expect(input.GlobalSecondaryIndexes.every((g) => g.Projection.ProjectionType === 'ALL')).toBe(true);
  });
});
