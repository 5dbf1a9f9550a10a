/**
 * DynamoDB's transaction-conflict rule, which DynamoDB Local does not apply (it serializes every
 * transaction): a TransactWriteItems that touches an item another transaction is still writing is
 * cancelled with `TransactionConflict` for that item. An SDK middleware in front of the real local
 * database (the only kind of fake the project allows, for a fault the real part cannot produce) holds
 * each in-flight transaction's item keys and cancels any transaction that meets one of them.
 *
 * A key is held while the transaction runs on the server: until its answer, or `holdMs` after it was
 * admitted, whichever comes first. DynamoDB runs a transaction in tens of milliseconds; DynamoDB Local
 * answers a burst one transaction at a time, so its answer can come seconds later, and holding the keys
 * that long would count the local server's queue as conflicts DynamoDB would never raise.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Body = { Key?: Record<string, unknown>; Item?: Record<string, unknown>; TableName?: string };

const keyOf = (body: Body) => {
  const k = body.Key ?? body.Item ?? {};
  // Marshalled ({ S: '…' }) or not, depending on where in the stack the input is seen.
  return `${body.TableName}|${JSON.stringify(k.PK)}|${JSON.stringify(k.SK)}`;
};

/** Installs the rule on `db`; returns the number of transactions it has cancelled so far. */
export function emulateTransactionConflicts(db: DynamoDBDocumentClient, holdMs = 30): () => number {
  /** Item key → the transaction (a serial number) that holds it. */
  const held = new Map<string, number>();
  let cancelled = 0;
  let serial = 0;
  db.middlewareStack.add(
    (next, context) => async (args) => {
      if (!/^TransactWrite/.test(context.commandName ?? '')) return next(args);
      const items = (args.input as { TransactItems: Record<string, Body>[] }).TransactItems;
      const itemKeys = items.map((item) => keyOf(Object.values(item)[0] as Body));
      if (itemKeys.some((k) => held.has(k))) {
        cancelled++;
        throw new TransactionCanceledException({
          message:
            'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
          $metadata: {},
          CancellationReasons: itemKeys.map((k) => ({ Code: held.has(k) ? 'TransactionConflict' : 'None' })),
        });
      }
      const mine = ++serial;
      for (const k of itemKeys) held.set(k, mine);
      const release = () => {
        for (const k of itemKeys) if (held.get(k) === mine) held.delete(k);
      };
      const timer = setTimeout(release, holdMs);
      try {
        return await next(args);
      } finally {
        clearTimeout(timer);
        release();
      }
    },
    { step: 'initialize', name: 'emulateTransactionConflicts' },
  );
  return () => cancelled;
}
