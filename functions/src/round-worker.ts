/**
 * The round worker's Lambda entry (AWS): computes a queued allocation round with the same code the local
 * stack runs in-process (domain/rounds.ts `run`). It accepts either an asynchronous invoke `{ roundId }`
 * or a DynamoDB stream batch of the table (infra: filter INSERT events whose new image has SK = "ROUND"
 * and status = "queued"); `run` claims the round (queued → running) so a repeated event does nothing.
 */

import { loadConfig } from './config';
import { createServices } from './domain';
import { createDocumentClient } from './store/client';
import { dynamoRepository } from './store/dynamo-repository';
import { DynamoRoundStore } from './store/dynamo-rounds';

const config = loadConfig(process.env);
const storage = { db: createDocumentClient(config), tableName: config.TABLE_NAME };
const services = createServices(dynamoRepository(storage), undefined, {
  store: new DynamoRoundStore(storage),
});

type StreamRecord = { eventName?: string; dynamodb?: { NewImage?: Record<string, { S?: string }> } };

export async function handler(event: { roundId?: string; Records?: StreamRecord[] }): Promise<void> {
  const ids = event.roundId
    ? [event.roundId]
    : (event.Records ?? [])
        .filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.SK?.S === 'ROUND')
        .map((r) => r.dynamodb?.NewImage?.id?.S)
        .filter((id): id is string => typeof id === 'string');
  for (const id of ids) await services.rounds.run(id);
}
