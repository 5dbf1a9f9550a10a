import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import {
  ApplicationLogLevel,
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { bundleLambdaSync, LAMBDA_ENTRY } from '../../../functions/src/lambda-bundle';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../../functions/src/observability/metrics';
import { removalPolicy, type StageSettings } from '../stages';

/** The routes anyone may call: no JWT authorizer. Every other /api route requires a valid token. */
export const PUBLIC_ROUTES: readonly { path: string; methods: HttpMethod[] }[] = [
  { path: '/api/health', methods: [HttpMethod.GET] },
  { path: '/api/openapi.json', methods: [HttpMethod.GET] },
  { path: '/api/docs', methods: [HttpMethod.GET] },
  { path: '/api/reference/{proxy+}', methods: [HttpMethod.GET] },
  // Headline figures on the public home page (one Query of the counter partition, cached 10 s).
  { path: '/api/stats/{proxy+}', methods: [HttpMethod.GET] },
];

const bundles = new Map<string, string>();
/**
 * The function's code: `entry` bundled by functions/src/lambda-bundle.ts, the build the tests and the
 * benchmark invoke (options, plugins and all), once per entry per synth.
 */
export function lambdaCode(entry: string): Code {
  let dir = bundles.get(entry);
  if (!dir) {
    dir = mkdtempSync(join(tmpdir(), 'sinergi-fn-'));
    bundleLambdaSync(entry, dir);
    bundles.set(entry, dir);
  }
  return Code.fromAsset(dir);
}

export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;

/** The DynamoDB actions the API needs; transactions need the per-item actions of their parts. */
export const API_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  // The warm catalogues read the items a change names in batches (functions/src/store/dynamo-catalog.ts).
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
] as const;

export interface ApiProps {
  stage: StageSettings;
  table: ITableV2;
  auth: { issuer: string; clientId: string; jwksUri: string };
  /** Where the docs page's script is (a static file of the site, on the same origin). */
  docsScriptUrl: string;
}

/** A Node.js 22 arm64 function bundled as the tests bundle it (JSON logs, the stage's retention). */
export function sinergiFunction(
  scope: Construct,
  id: string,
  props: {
    entry: string;
    stage: StageSettings;
    description: string;
    environment?: Record<string, string>;
    timeout?: Duration;
    memorySize?: number;
    reservedConcurrency?: number;
  },
) {
  const logGroup = new LogGroup(scope, `${id}Logs`, {
    retention: props.stage.logRetention,
    removalPolicy: removalPolicy(props.stage),
  });
  return new LambdaFunction(scope, id, {
    code: lambdaCode(props.entry),
    handler: 'index.handler',
    runtime: LAMBDA_RUNTIME,
    architecture: Architecture.ARM_64,
    memorySize: props.memorySize ?? 1024,
    timeout: props.timeout ?? Duration.seconds(10),
    description: props.description,
    logGroup,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    ...(props.reservedConcurrency ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
    environment: {
      NODE_OPTIONS: '--enable-source-maps=false',
      ...props.environment,
    },
  });
}

/**
 * The API: the Hono app as one function behind an HTTP API. A JWT authorizer (the user pool's issuer,
 * the site's client) guards every route but the public ones, the function verifies the token again
 * (defence in depth, and the role comes from its groups). Throttling, JSON access logs, and grants
 * from construct attributes: read/write on this table and its indexes only.
 */
export class Api extends Construct {
  readonly fn: LambdaFunction;
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  /**
   * The configuration every Sinergi function parses (functions/src/config.ts): the round worker and the
   * lapse function get the same, so they fail closed on the same rules.
   */
  readonly environment: Record<string, string>;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { stage } = props;
    this.environment = {
      TABLE_NAME: props.table.tableName,
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: props.auth.issuer,
      OIDC_CLIENT_ID: props.auth.clientId,
      OIDC_JWKS_URI: props.auth.jwksUri,
      OIDC_TOKEN_USE: 'access',
      OIDC_GROUPS_CLAIM: 'cognito:groups',
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
      STAGE: stage.name,
    };
    this.fn = sinergiFunction(this, 'Function', {
      entry: LAMBDA_ENTRY,
      stage,
      description: 'Sinergi API (Hono)',
      // Under API Gateway's 29 s; the DynamoDB retry budget (functions/src/store/client.ts) fits in it.
      timeout: Duration.seconds(25),
      ...(stage.reservedConcurrency ? { reservedConcurrency: stage.reservedConcurrency } : {}),
      environment: { ...this.environment, DOCS_SCRIPT_URL: props.docsScriptUrl },
    });
    // Exactly what the storage layer calls (functions/src/store/): no Scan, no batch, no table admin.
    props.table.grant(this.fn, ...API_TABLE_ACTIONS);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `sinergi-${stage.name}`,
      description: 'Sinergi API, reached through CloudFront at /api/*',
      createDefaultStage: false,
    });
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: stage.logRetention,
      removalPolicy: removalPolicy(stage),
    });
    this.stage = new HttpStage(this, 'Stage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: stage.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationLatencyMs: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration('Hono', this.fn);
    const authorizer = new HttpJwtAuthorizer('Jwt', props.auth.issuer, {
      jwtAudience: [props.auth.clientId],
      identitySource: ['$request.header.Authorization'],
    });
    for (const route of PUBLIC_ROUTES) {
      this.httpApi.addRoutes({ path: route.path, methods: route.methods, integration });
    }
    this.httpApi.addRoutes({ path: '/api/{proxy+}', methods: [HttpMethod.ANY], integration, authorizer });
  }
}
