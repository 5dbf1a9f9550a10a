import { handle } from 'hono/aws-lambda';
// The docs script, gzipped, inlined into the bundle by esbuild's binary loader (LAMBDA_BUNDLE_OPTIONS),
// so /api/docs works offline on Lambda too, with no file to copy beside the handler.
import docsScript from '../assets/scalar/standalone.js.gz';
import { createApp } from './app';
import { loadConfig } from './config';
import { createDocumentClient } from './store/client';

// Config and clients are made once per Lambda instance, at module load.
const config = loadConfig(process.env);
const app = createApp({
  config,
  db: createDocumentClient(config),
  docsScript,
  // Rounds run in their own function (round-worker.ts), reached through the table's stream.
  rounds: { dispatch: 'external' },
});

export const handler = handle(app);
