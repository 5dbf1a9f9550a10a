/**
 * How integration tests (`*.integ.test.ts`) reach the database.
 *
 * The "integ" project's global setup (tests/support/dynamodb-global-setup.ts) starts ONE in-memory
 * DynamoDB Local per `vitest run`, creates the table and provides its endpoint. In a test:
 *
 *   import { testDeps } from '../local/test-support';
 *   const { config, db } = testDeps();                         // the shared table
 *   const { config, db } = await testDeps({ isolated: true }); // a fresh table of your own
 *   const app = createApp({ config, db });
 *
 * The shared table is shared by every integ test file running in parallel: use unique ids. Take an
 * isolated table when a test counts or lists everything (stats, "all open offers").
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { type Config, loadConfigForLocalStack } from '../config';
import { createDocumentClient, type DocumentClient } from '../store/client';
import { ensureTable } from './create-table';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local's endpoint for this test run, e.g. http://127.0.0.1:41234. */
    dynamodbEndpoint: string;
    /** The table the global setup created on it. */
    tableName: string;
  }
}

export interface TestDeps {
  config: Config;
  db: DocumentClient;
}

export class NoTestDatabaseError extends Error {
  override readonly name = 'NoTestDatabaseError';
}

function endpoint(): string {
  const value = inject('dynamodbEndpoint');
  if (!value) {
    throw new NoTestDatabaseError(
      'No DynamoDB Local for this test: name the file *.integ.test.ts so the "integ" project runs it.',
    );
  }
  return value;
}

export function testDeps(): TestDeps;
export function testDeps(options: { isolated: true }): Promise<TestDeps>;
export function testDeps(options?: { isolated: true }): TestDeps | Promise<TestDeps> {
  const tableName = options?.isolated ? `sinergi-test-${randomUUID().slice(0, 8)}` : inject('tableName');
  const config = loadConfigForLocalStack({ TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint() });
  const db = createDocumentClient(config);
  if (!options?.isolated) return { config, db };
  return ensureTable(db, tableName).then(() => ({ config, db }));
}
