import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_DATA_DIR, REPO_ROOT } from './paths';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

/**
 * The local stack's own settings (the functions' settings are parsed by ../config.ts). Parsed once by
 * the entry points in this folder; nothing else here reads process.env.
 */
const LocalConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 127.0.0.1 keeps the demo off the network; set 0.0.0.0 inside a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** DynamoDB Local's files live in DATA_DIR/dynamodb. Relative paths are taken from the repo root. */
  DATA_DIR: z
    .string()
    .min(1)
    .default(DEFAULT_DATA_DIR)
    .transform((p) => (isAbsolute(p) ? p : resolve(REPO_ROOT, p))),
  /** Fixed port for DynamoDB Local (to point other tools at it); a free one is picked when unset. */
  DYNAMODB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** `false` skips the demo data. */
  SEED_DEMO_DATA: flag.default(true),
  /** `false` serves whatever web/out holds without checking whether it is stale. */
  BUILD_SITE: flag.default(true),
  JAVA_HOME: z.string().min(1).optional(),
});

export type LocalConfig = z.infer<typeof LocalConfigSchema>;

export class LocalConfigError extends Error {
  override readonly name = 'LocalConfigError';
}

export function loadLocalConfig(env: Record<string, string | undefined>): LocalConfig {
  const parsed = LocalConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new LocalConfigError(`Invalid local configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
