import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import { type Config, DYNAMODB_DEFAULTS } from '../config';

type ClientConfig = Pick<Config, 'AWS_REGION' | 'DYNAMODB_ENDPOINT'> &
  Partial<
    Pick<Config, 'DYNAMODB_CONNECT_TIMEOUT_MS' | 'DYNAMODB_REQUEST_TIMEOUT_MS' | 'DYNAMODB_MAX_ATTEMPTS'>
  >;

function limits(config: ClientConfig) {
  return {
    connect: config.DYNAMODB_CONNECT_TIMEOUT_MS ?? DYNAMODB_DEFAULTS.connectTimeoutMs,
    request: config.DYNAMODB_REQUEST_TIMEOUT_MS ?? DYNAMODB_DEFAULTS.requestTimeoutMs,
    attempts: config.DYNAMODB_MAX_ATTEMPTS ?? DYNAMODB_DEFAULTS.maxAttempts,
  };
}

/**
 * Backoff between two SDK attempts of one call: full jitter below min(1 s, 100 ms · 2^n). The SDK's
 * default would wait up to 20 s (500 ms base for throttling), which alone could pass API Gateway's 29 s.
 */
const SDK_MAX_BACKOFF_MS = 1_000;
const SDK_BASE_DELAY_MS = 100;
export function sdkBackoffMs(attempt: number, random = Math.random()): number {
  return Math.floor(random * Math.min(SDK_MAX_BACKOFF_MS, SDK_BASE_DELAY_MS * 2 ** attempt));
}

/**
 * The longest one DynamoDB call can take before it gives up: every attempt may spend the connection
 * timeout and the request timeout, plus the backoff between attempts. With the defaults (1 s, 3 s,
 * 3 attempts) that is 12.6 s, under API Gateway's 29 s integration limit. Throttling answers come back
 * fast, so the storage layer's own retries of throttled calls (up to 12, each sleeping ≤ 1 s) stay
 * near 12 × (0.6 s backoff + a round trip) + 6.3 s of its own sleeps ≈ 14 s at worst.
 */
export function worstCaseCallMs(config: ClientConfig): number {
  const { connect, request, attempts } = limits(config);
  let backoff = 0;
  for (let n = 1; n < attempts; n++) backoff += Math.min(SDK_MAX_BACKOFF_MS, SDK_BASE_DELAY_MS * 2 ** n);
  return attempts * (connect + request) + backoff;
}

/**
 * One document client per process; locally it points at DynamoDB Local with dummy credentials. Every
 * call has a connection timeout and a whole-request timeout (thrown, not only warned), and the SDK
 * retries timeouts, network errors, 5xx answers and throttling up to DYNAMODB_MAX_ATTEMPTS times.
 */
export function createDocumentClient(config: ClientConfig) {
  const { connect, request, attempts } = limits(config);
  const client = new DynamoDBClient({
    region: config.AWS_REGION,
    retryStrategy: new ConfiguredRetryStrategy(attempts, (attempt) => sdkBackoffMs(attempt)),
    requestHandler: {
      connectionTimeout: connect,
      requestTimeout: request,
      throwOnRequestTimeout: true,
    },
    ...(config.DYNAMODB_ENDPOINT
      ? {
          endpoint: config.DYNAMODB_ENDPOINT,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export type DocumentClient = ReturnType<typeof createDocumentClient>;

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
]);
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'InternalServerError',
  'InternalFailure',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

/**
 * Whether an error from the storage client is the service's fault or the network's, not the request's:
 * a 5xx answer, a timeout, a dropped or refused connection, or throttling the SDK could not absorb.
 * These answer 503 with Retry-After (problem.ts), never a bare 500.
 */
export function isTransientStoreError(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const err = e as {
      name?: string;
      code?: string;
      $fault?: string;
      $metadata?: { httpStatusCode?: number };
      cause?: unknown;
    };
    const status = err.$metadata?.httpStatusCode;
    if (err.$fault === 'server' || (status !== undefined && status >= 500)) return true;
    if (err.name && TRANSIENT_NAMES.has(err.name)) return true;
    if (err.code && NETWORK_CODES.has(err.code)) return true;
    e = err.cause;
  }
  return false;
}
