import { z } from 'zod';
import { TABLE_NAME_DEFAULT } from './store/table';

/**
 * The functions' configuration, parsed from the environment once by each entry point (Lambda handler,
 * local server) and passed down. Nothing else reads process.env.
 */
const ConfigSchema = z
  .object({
    TABLE_NAME: z.string().min(1).default(TABLE_NAME_DEFAULT),
    AWS_REGION: z.string().min(1).default('ap-southeast-3'),
    /** Set locally to the DynamoDB Local endpoint; unset on AWS. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    /** `local`: the app signs its own JWTs and offers /api/auth/dev-login. `cognito`: verifies Cognito JWTs. */
    AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
    LOCAL_JWT_SECRET: z.string().min(32).default('sinergi-local-development-secret-not-for-production'),
    COGNITO_USER_POOL_ID: z.string().optional(),
    COGNITO_CLIENT_ID: z.string().optional(),
  })
  .refine((c) => c.AUTH_MODE !== 'cognito' || (c.COGNITO_USER_POOL_ID && c.COGNITO_CLIENT_ID), {
    message: 'AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID',
    path: ['AUTH_MODE'],
  });

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
