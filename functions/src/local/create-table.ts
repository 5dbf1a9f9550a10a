import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { DocumentClient } from '../store/client';
import { TABLE_DEFINITION } from '../store/table';

type TableDefinition = typeof TABLE_DEFINITION;

/**
 * Turns the plain table definition (the one CDK also reads) into a CreateTable request. Every key
 * attribute is a string: the definition has no other kind.
 */
export function createTableInput(tableName: string, definition: TableDefinition = TABLE_DEFINITION) {
  const keyNames = new Set<string>([definition.partitionKey, definition.sortKey]);
  for (const gsi of definition.globalSecondaryIndexes) {
    keyNames.add(gsi.partitionKey);
    keyNames.add(gsi.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: definition.billing,
    AttributeDefinitions: [...keyNames].map((name) => ({ AttributeName: name, AttributeType: 'S' as const })),
    KeySchema: [
      { AttributeName: definition.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: definition.sortKey, KeyType: 'RANGE' as const },
    ],
    GlobalSecondaryIndexes: definition.globalSecondaryIndexes.map((gsi) => ({
      IndexName: gsi.indexName,
      KeySchema: [
        { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
        { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: gsi.projection },
    })),
  } satisfies CreateTableCommandInput;
}

export class TableNotActiveError extends Error {
  override readonly name = 'TableNotActiveError';
}

/**
 * Creates the table if it does not exist, waits until it is ACTIVE and turns TTL on. Idempotent: a
 * second call on an existing table only checks it.
 *
 * @returns whether the table was created by this call.
 */
export async function ensureTable(
  db: DocumentClient,
  tableName: string,
  definition: TableDefinition = TABLE_DEFINITION,
): Promise<{ created: boolean }> {
  let created = false;
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
    try {
      await db.send(new CreateTableCommand(createTableInput(tableName, definition)));
      created = true;
    } catch (createError) {
      // Two starters raced; the other one created it.
      if ((createError as Error).name !== 'ResourceInUseException') throw createError;
    }
  }
  await waitUntilActive(db, tableName);
  await enableTtl(db, tableName, definition.timeToLiveAttribute);
  return { created };
}

async function waitUntilActive(db: DocumentClient, tableName: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await db.send(new DescribeTableCommand({ TableName: tableName }));
    const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() > deadline) {
      throw new TableNotActiveError(`Table ${tableName} is ${Table?.TableStatus} after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** DynamoDB Local supports TTL (it stores the setting; expiry runs in the background). */
async function enableTtl(db: DocumentClient, tableName: string, attributeName: string) {
  try {
    const { TimeToLiveDescription } = await db.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    const status = TimeToLiveDescription?.TimeToLiveStatus;
    if (status === 'ENABLED' || status === 'ENABLING') return;
    await db.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { Enabled: true, AttributeName: attributeName },
      }),
    );
  } catch (error) {
    // TTL only cleans up expired idempotency records; an emulator without it is still usable.
    console.warn(`TTL could not be enabled on ${tableName}: ${(error as Error).message}`);
  }
}
