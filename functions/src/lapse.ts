/**
 * The lapse Lambda entry (AWS: an EventBridge rule every 5 minutes, infra/lib/constructs/rounds.ts): cancels the round proposals still
 * unanswered after the programme window, so their slots return and their UMKM can be placed again.
 * Locally the same `lapse` runs on a timer (createApp's `rounds.lapseEveryMs`).
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

export async function handler(): Promise<{ lapsed: number }> {
  let lapsed = 0;
  for (;;) {
    const n = await services.rounds.lapse(100);
    lapsed += n;
    if (n === 0) break;
  }
  return { lapsed };
}
