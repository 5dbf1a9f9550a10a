/**
 * `npm run synth|deploy|destroy [-- <cdk args>]`: the CDK CLI with no network call it does not need
 * (no version check, no telemetry, no notices). Synth needs no credentials; deploy and destroy use the
 * caller's (AWS_PROFILE or the usual variables) and a bootstrapped account/region (`cdk bootstrap`).
 * Pick the stage with `-- -c stage=prod` (default dev, from cdk.json).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { REPO_ROOT } from '../lib/paths';

const [command = 'synth', ...rest] = process.argv.slice(2);
const cli = createRequire(`${REPO_ROOT}/package.json`).resolve('aws-cdk/bin/cdk');
const args = [cli, command, '--no-notices', ...(command === 'synth' ? ['--quiet'] : []), ...rest];
const child = spawn(process.execPath, args, {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    CDK_DISABLE_VERSION_CHECK: '1',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    NEXT_TELEMETRY_DISABLED: '1',
  },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
