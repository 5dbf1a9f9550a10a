import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { type APIGatewayProxyResult, handle, type LambdaContext } from 'hono/aws-lambda';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { METRICS_NAMESPACE, metricsOf, SERVICE_NAME } from './observability/metrics';
import { createDocumentClient } from './store/client';

/**
 * The Lambda entry: the API alone (the docs page's script is a static file in the site's bucket), with
 * one structured JSON log line per request (Powertools Logger: request id, method, path, status,
 * latency) and EMF metrics (Powertools Metrics: requests, matches served, proposals, accepts, rounds,
 * errors). Config and clients are made once per instance, at module load: a missing or contradictory
 * setting fails the init with a log line naming it, so the function never serves in a wrong mode.
 */
const logger = new Logger({ serviceName: SERVICE_NAME });
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });

function init() {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      logger.critical('invalid configuration: the function refuses to start', {
        variables: error.variables,
        detail: error.message,
      });
    }
    throw error;
  }
}

const config = init();
// Rounds run in their own function (round-worker.ts), reached through the table's stream.
const app = createApp({ config, db: createDocumentClient(config), rounds: { dispatch: 'external' } });
const inner = handle(app);

/** The parts of an API Gateway HTTP API (payload 2.0) event this wrapper reads; Hono reads the rest. */
interface HttpApiEvent {
  rawPath: string;
  requestContext: { requestId: string; http: { method: string } };
}

export async function handler(
  event: HttpApiEvent,
  context: LambdaContext & { awsRequestId: string },
): Promise<APIGatewayProxyResult> {
  const started = performance.now();
  logger.addContext(context);
  const method = event.requestContext.http.method;
  const path = event.rawPath;
  let status = 500;
  try {
    const result = await inner(event as Parameters<typeof inner>[0], context);
    status = result.statusCode;
    return result;
  } finally {
    const latencyMs = Math.round(performance.now() - started);
    for (const name of metricsOf(method, path, status)) metrics.addMetric(name, MetricUnit.Count, 1);
    metrics.addMetric('Latency', MetricUnit.Milliseconds, latencyMs);
    metrics.publishStoredMetrics();
    const line = { requestId: event.requestContext.requestId, method, path, status, latencyMs };
    if (status >= 500) logger.error('request', line);
    else logger.info('request', line);
  }
}
