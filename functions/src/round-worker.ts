/**
 * The round worker's Lambda entry (AWS): computes a queued allocation round with the same code the local
 * stack runs in-process (domain/rounds.ts `run`). It accepts either an asynchronous invoke `{ roundId }`
 * or a DynamoDB stream batch of the table (infra/lib/constructs/rounds.ts filters the stream to INSERTs
 * whose new image is a queued round, {@link ROUND_QUEUED_IMAGE}); `run` claims the round
 * (queued → running), so a repeated event does nothing.
 */

import { loadConfig } from './config';
import { createServices } from './domain';
import { createDocumentClient } from './store/client';
import { dynamoRepository } from './store/dynamo-repository';
import { DynamoRoundStore, ROUND_QUEUED_IMAGE } from './store/dynamo-rounds';

const config = loadConfig(process.env);
const storage = { db: createDocumentClient(config), tableName: config.TABLE_NAME };
const services = createServices(dynamoRepository(storage), undefined, {
  store: new DynamoRoundStore(storage),
});

type StreamRecord = { eventName?: string; dynamodb?: { NewImage?: Record<string, { S?: string }> } };

/** The ids of the queued rounds a stream batch inserted (the same test as the event-source filter). */
export function queuedRoundIds(records: readonly StreamRecord[]): string[] {
  return records
    .filter(
      (r) =>
        r.eventName === 'INSERT' &&
        r.dynamodb?.NewImage?.SK?.S === ROUND_QUEUED_IMAGE.SK &&
        r.dynamodb?.NewImage?.status?.S === ROUND_QUEUED_IMAGE.status,
    )
    .map((r) => r.dynamodb?.NewImage?.id?.S)
    .filter((id): id is string => typeof id === 'string');
}

export async function handler(event: { roundId?: string; Records?: StreamRecord[] }): Promise<void> {
  const ids = event.roundId ? [event.roundId] : queuedRoundIds(event.Records ?? []);
  for (const id of ids) await services.rounds.run(id);
}
