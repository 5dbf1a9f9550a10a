import { handle } from 'hono/aws-lambda';
import { createApp } from './app';
import { loadConfig } from './config';
import { createDocumentClient } from './store/client';

// Config and clients are made once per Lambda instance, at module load.
const config = loadConfig(process.env);
const app = createApp({ config, db: createDocumentClient(config) });

export const handler = handle(app);
