import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';

/** An RFC 9457 problem document. `errors` lists the failing fields of invalid input. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

/** Base of the named errors the domain throws; each maps to one HTTP status here and nowhere else. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail?: string,
    options?: ErrorOptions & { errors?: Problem['errors'] },
  ) {
    super(detail ?? title, options);
    this.errors = options?.errors;
  }
  readonly errors: Problem['errors'];
}

export function problemResponse(problem: Problem, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

/** The one place errors become HTTP. Unknown errors are logged with their cause and leak nothing. */
export const problemHandler: ErrorHandler = (error) => {
  if (error instanceof AppError) {
    return problemResponse({
      type: 'about:blank',
      title: error.title,
      status: error.status,
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  if (error instanceof HTTPException) {
    return problemResponse({
      type: 'about:blank',
      title: error.message || 'HTTP error',
      status: error.status,
    });
  }
  console.error('unhandled error', error);
  return problemResponse({ type: 'about:blank', title: 'Internal Server Error', status: 500 });
};
