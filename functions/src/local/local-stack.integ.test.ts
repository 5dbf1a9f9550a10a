import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { loadConfigForLocalStack } from '../config';
import { createDocumentClient } from '../store/client';
import { TABLE_DEFINITION } from '../store/table';
import { ensureTable } from './create-table';
import { testDeps } from './test-support';

describe('table bootstrap on DynamoDB Local', () => {
  it('creates a missing table with its indexes, ACTIVE, with TTL on the expiry attribute', async () => {
    const { config, db } = testDeps();
    const name = `${config.TABLE_NAME}-bootstrap-${Date.now()}`;

    expect(await ensureTable(db, name)).toEqual({ created: true });

    const { Table } = await db.send(new DescribeTableCommand({ TableName: name }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => [i.IndexName, i.IndexStatus]).sort()).toEqual([
      ['GSI1', 'ACTIVE'],
      ['GSI2', 'ACTIVE'],
    ]);
    const ttl = await db.send(new DescribeTimeToLiveCommand({ TableName: name }));
    expect(ttl.TimeToLiveDescription).toMatchObject({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: TABLE_DEFINITION.timeToLiveAttribute,
    });
  });

  it('leaves an existing table alone on the next start', async () => {
    const { config, db } = testDeps();
    expect(await ensureTable(db, config.TABLE_NAME)).toEqual({ created: false });
  });

  it('gives a test its own fresh table on request', async () => {
    const a = await testDeps({ isolated: true });
    const b = await testDeps({ isolated: true });
    expect(a.config.TABLE_NAME).not.toBe(b.config.TABLE_NAME);
    const { Table } = await a.db.send(new DescribeTableCommand({ TableName: a.config.TABLE_NAME }));
    expect(Table?.ItemCount).toBe(0);
  });
});

describe('GET /api/health', () => {
  it('reports the database reachable and the table ACTIVE', async () => {
    const app = createApp(testDeps());

    const response = await app.request('/api/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      database: { reachable: true, tableStatus: 'ACTIVE' },
    });
  });

  it('answers 503 when the database does not answer', async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    const config = loadConfigForLocalStack({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:9' });
    const app = createApp({ config, db: createDocumentClient(config) });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      const response = await app.request('/api/health');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'degraded', database: { reachable: false } });
    } finally {
      console.error = quiet;
    }
  });
});
