/**
 * `npm start`: the whole product on one port, with data kept in DATA_DIR between runs.
 *
 *   PORT=3000 DATA_DIR=.data npm start
 */
import { ConfigError } from '../config';
import { LocalConfigError, loadLocalConfig } from './config';
import { DataDirLockedError, JavaNotFoundError } from './dynamodb-local';
import { applyLocalEnvDefaults } from './env-defaults';
import { startLocalStack } from './server';

async function main() {
  applyLocalEnvDefaults();
  const local = loadLocalConfig(process.env);
  const stack = await startLocalStack({
    port: local.PORT,
    host: local.HOST,
    dataDir: local.DATA_DIR,
    dynamoDbPort: local.DYNAMODB_PORT,
    javaHome: local.JAVA_HOME,
    seed: local.SEED_DEMO_DATA,
    buildSite: local.BUILD_SITE,
    env: process.env,
  });
  console.log(`\n  Sinergi is running at ${stack.url}\n  API: ${stack.url}/api/health\n  Ctrl-C to stop.\n`);

  let signals = 0;
  const shutdown = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means "now": the watchdog still stops Java when we exit.
    if (++signals > 1) process.exit(130);
    console.log(`\n${signal}: stopping…`);
    stack.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while stopping', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // Known failures get their message alone: it already says what to do.
  if (
    error instanceof JavaNotFoundError ||
    error instanceof DataDirLockedError ||
    error instanceof ConfigError ||
    error instanceof LocalConfigError
  ) {
    console.error(`\n${error.message}\n`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
