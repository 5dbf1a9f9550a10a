import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { problemHandler } from '../http/problem';
import { isTransientStoreError } from './client';

function serviceError(name: string, status: number, fault: 'client' | 'server') {
  return new DynamoDBServiceException({
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status },
    message: name,
  });
}

describe('transient store errors answer 503 with Retry-After, never a bare 500', () => {
  const transient: [string, unknown][] = [
    ['a 500 InternalServerError', serviceError('InternalServerError', 500, 'server')],
    ['a 503 ServiceUnavailable', serviceError('ServiceUnavailable', 503, 'server')],
    ['exhausted throttling', serviceError('ThrottlingException', 400, 'client')],
    ['a request timeout', Object.assign(new Error('timed out'), { name: 'TimeoutError' })],
    ['a reset connection', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    ['a refused connection, wrapped', new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } })],
  ];
  for (const [what, error] of transient) {
    it(what, async () => {
      expect(isTransientStoreError(error)).toBe(true);
      const reply = await problemHandler(error as Error, {} as never);
      expect(reply.status).toBe(503);
      expect(reply.headers.get('retry-after')).toBe('1');
      expect(reply.headers.get('content-type')).toBe('application/problem+json');
    });
  }

  it('leaves the caller’s mistakes and programming errors alone', () => {
    expect(isTransientStoreError(serviceError('ValidationException', 400, 'client'))).toBe(false);
    expect(isTransientStoreError(new TypeError('x is undefined'))).toBe(false);
    expect(isTransientStoreError(undefined)).toBe(false);
  });
});
