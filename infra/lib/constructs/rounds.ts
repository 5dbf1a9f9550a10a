import { Duration } from 'aws-cdk-lib';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { LAPSE_ENTRY, ROUND_WORKER_ENTRY } from '../../../functions/src/lambda-bundle';
import { ROUND_QUEUED_IMAGE } from '../../../functions/src/store/dynamo-rounds';
import type { StageSettings } from '../stages';
import { sinergiFunction } from './api';

/**
 * What the round worker calls (functions/src/round-worker.ts → domain/rounds.ts `run`): it reads the
 * open requests and offers (Query on GSI1/GSI2), the preferences and the round (Query, GetItem), writes
 * progress and the summary (UpdateItem), the assignment pages and lapse entries (PutItem), and — for a
 * round that is not a dry run — the proposals (one TransactWriteItems of Puts and Updates per pair).
 */
export const ROUND_WORKER_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
] as const;

/**
 * What the lapse function calls (functions/src/lapse.ts → domain/rounds.ts `lapse`): the due entries
 * (Query of the LAPSE partition), the partnership, request and offer (GetItem), the workflow's lapse
 * (one TransactWriteItems: Updates, and the pair's Delete) and the entry's removal (DeleteItem). No
 * index is read, so the grant is on the table alone.
 */
export const LAPSE_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;

/** How often unanswered round proposals are looked for (the window itself is days long). */
export const LAPSE_EVERY = Duration.minutes(5);

export interface RoundsProps {
  stage: StageSettings;
  table: ITableV2;
  /** The environment both functions share with the API (TABLE_NAME, auth mode…): config.ts parses it. */
  environment: Record<string, string>;
}

/**
 * Allocation rounds off the request path: the worker computes a queued round, fed by the table's stream
 * (only INSERTs of a round item with status `queued` reach it, by an event-source filter, so the
 * function is not invoked for any other write); the lapse function runs on an EventBridge schedule.
 * Both are bundled like the API (their own entries, the same options), log JSON with the stage's
 * retention, and get only the DynamoDB actions they call.
 */
export class Rounds extends Construct {
  readonly worker: LambdaFunction;
  readonly lapse: LambdaFunction;
  readonly schedule: Rule;

  constructor(scope: Construct, id: string, props: RoundsProps) {
    super(scope, id);
    const { stage, table } = props;
    this.worker = sinergiFunction(this, 'Worker', {
      entry: ROUND_WORKER_ENTRY,
      stage,
      description: 'Sinergi allocation round worker (a queued round, from the table stream)',
      // A 100k-request round reads, solves and writes in minutes; the solver is single-threaded, and
      // 1,769 MB is one full vCPU.
      timeout: Duration.minutes(15),
      memorySize: 2048,
      environment: props.environment,
    });
    table.grant(this.worker, ...ROUND_WORKER_TABLE_ACTIONS);
    this.worker.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 1,
        // `run` claims the round (queued → running), so a retry of a round already claimed is a no-op;
        // a failure of the round itself is stored on the round (status failed), not thrown.
        retryAttempts: 2,
        bisectBatchOnError: false,
        maxRecordAge: Duration.hours(1),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: {
              NewImage: {
                SK: { S: FilterRule.isEqual(ROUND_QUEUED_IMAGE.SK) },
                status: { S: FilterRule.isEqual(ROUND_QUEUED_IMAGE.status) },
              },
            },
          }),
        ],
      }),
    );

    this.lapse = sinergiFunction(this, 'Lapse', {
      entry: LAPSE_ENTRY,
      stage,
      description: 'Sinergi round proposals past their window: lapse them (scheduled)',
      timeout: Duration.minutes(2),
      memorySize: 512,
      environment: props.environment,
    });
    this.lapse.addToRolePolicy(
      new PolicyStatement({ actions: [...LAPSE_TABLE_ACTIONS], resources: [table.tableArn] }),
    );
    this.schedule = new Rule(this, 'LapseSchedule', {
      description: 'Lapse round proposals left unanswered past the programme window',
      schedule: Schedule.rate(LAPSE_EVERY),
    });
    this.schedule.addTarget(new LambdaTarget(this.lapse, { retryAttempts: 2 }));
  }
}
