import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/**
 * What differs between stages, chosen with `-c stage=<name>` (cdk.json defaults to dev). Nothing here
 * names an account, a region or an ARN: the stack is environment-agnostic and deploys wherever the
 * caller's credentials and `CDK_DEFAULT_REGION` / `AWS_REGION` point.
 */
export interface StageSettings {
  name: string;
  /** Retain the table, user pool and log groups when the stack is deleted. */
  retain: boolean;
  deletionProtection: boolean;
  pointInTimeRecovery: boolean;
  logRetention: RetentionDays;
  /** HTTP API default-stage throttling, requests per second and burst. */
  throttle: { rateLimit: number; burstLimit: number };
  /** Lambda reserved concurrency: a ceiling on cost and on load put on DynamoDB. */
  reservedConcurrency?: number;
}

export const STAGES = {
  dev: {
    name: 'dev',
    retain: false,
    deletionProtection: false,
    pointInTimeRecovery: false,
    logRetention: RetentionDays.ONE_WEEK,
    throttle: { rateLimit: 20, burstLimit: 40 },
  },
  prod: {
    name: 'prod',
    retain: true,
    deletionProtection: true,
    pointInTimeRecovery: true,
    logRetention: RetentionDays.THREE_MONTHS,
    throttle: { rateLimit: 200, burstLimit: 400 },
    reservedConcurrency: 100,
  },
} as const satisfies Record<string, StageSettings>;
export type StageName = keyof typeof STAGES;

export function stageSettings(name: unknown): StageSettings {
  if (typeof name !== 'string' || !(name in STAGES)) {
    throw new Error(`unknown stage ${JSON.stringify(name)}: pass -c stage=${Object.keys(STAGES).join('|')}`);
  }
  return STAGES[name as StageName];
}

export const removalPolicy = (stage: StageSettings) =>
  stage.retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
