import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { type FieldError, ValidationError } from '../domain/errors';

/** Zod issues as `{ field, message }`; an unknown field is named as such (no mass assignment). */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ field: [...path, key].join('.'), message: 'unknown field' });
    } else {
      out.push({ field: path.join('.') || '(body)', message: issue.message });
    }
  }
  return out;
}

const TARGET_LABEL: Record<string, string> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
};

/** The zod-openapi hook: any invalid input becomes a ValidationError (400 problem). */
// biome-ignore lint/suspicious/noExplicitAny: the hook is shared by routes of every input type
export const validationHook: Hook<any, any, any, any> = (result) => {
  if (!result.success) {
    const where = TARGET_LABEL[result.target] ?? result.target;
    const prefix = where === 'body' ? undefined : where;
    throw new ValidationError(`invalid ${where}`, fieldErrors(result.error as z.ZodError, prefix));
  }
};
