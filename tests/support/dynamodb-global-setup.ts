/**
 * Global setup of the vitest "integ" project: one fresh in-memory DynamoDB Local per run, with the
 * table created, shared by every integ test file through `inject` (see functions/src/local/test-support.ts).
 */
import type { TestProject } from 'vitest/node';
import { loadConfigForLocalStack } from '../../functions/src/config';
import { ensureTable } from '../../functions/src/local/create-table';
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local';
import { applyLocalEnvDefaults } from '../../functions/src/local/env-defaults';
import '../../functions/src/local/test-support';
import { createDocumentClient } from '../../functions/src/store/client';

export default async function setup(project: TestProject) {
  applyLocalEnvDefaults();
  const dynamoDb = await startDynamoDbLocal({ log: () => undefined });
  try {
    const config = loadConfigForLocalStack({ DYNAMODB_ENDPOINT: dynamoDb.endpoint });
    const db = createDocumentClient(config);
    await ensureTable(db, config.TABLE_NAME);
    db.destroy();
    project.provide('dynamodbEndpoint', dynamoDb.endpoint);
    project.provide('tableName', config.TABLE_NAME);
  } catch (error) {
    await dynamoDb.stop();
    throw error;
  }
  // If vitest dies before this runs, the watchdog stops the JVM when this process's pipe closes.
  return () => dynamoDb.stop();
}
