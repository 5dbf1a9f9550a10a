/**
 * The CDK app (`cdk.json` at the repository root runs this file). `-c stage=dev|prod` picks the stage
 * (default dev, from cdk.json); `-c domainPrefix=…` and `-c alarmEmail=…` are optional. The stack is
 * environment-agnostic: `cdk deploy` uses the caller's credentials, account and region.
 */
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SITE_OUT_DIR } from '../lib/paths';
import { SinergiStack } from '../lib/sinergi-stack';
import { stageSettings } from '../lib/stages';

const app = new App();
const stage = stageSettings(app.node.tryGetContext('stage'));
const optional = (key: string) => {
  const value = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};
const domainPrefix = optional('domainPrefix');
const alarmEmail = optional('alarmEmail');
new SinergiStack(app, `Sinergi-${stage.name}`, {
  stage,
  siteDir: optional('siteDir') ?? SITE_OUT_DIR,
  ...(domainPrefix ? { domainPrefix } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  description: `Sinergi (${stage.name}): partnership matching for Indonesian UMKM`,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
