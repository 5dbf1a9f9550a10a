/**
 * Test fixture: starts DynamoDB Local, prints `{"javaPid":…,"watchdogPid":…,"endpoint":…}` and then
 * waits forever, so a test can SIGKILL this process and check that the JVM does not survive it.
 *
 *   node --import tsx tests/support/hold-dynamodb.ts [dbPath]
 */
import { startDynamoDbLocal } from '../../functions/src/local/dynamodb-local';

const dbPath = process.argv[2];
const db = await startDynamoDbLocal({ dbPath, log: () => undefined });
process.stdout.write(
  `${JSON.stringify({ javaPid: db.javaPid, watchdogPid: db.watchdogPid, endpoint: db.endpoint })}\n`,
);
setInterval(() => undefined, 60_000);
