import { fileURLToPath } from 'node:url';
import { Aws, CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { SiteConfig } from '../../shared/src/schemas/site-config';
import { Api, sinergiFunction } from './constructs/api';
import { Auth } from './constructs/auth';
import { Data } from './constructs/data';
import { Observability } from './constructs/observability';
import { Rounds } from './constructs/rounds';
import { DOCS_SCRIPT_PATH, Web } from './constructs/web';
import { acknowledgeNagFindings } from './nag';
import type { StageSettings } from './stages';

export interface SinergiStackProps extends StackProps {
  stage: StageSettings;
  /** The exported site (web/out). */
  siteDir: string;
  /** Cognito managed login domain prefix; default `sinergi-<stage>-<account id>`. */
  domainPrefix?: string;
  alarmEmail?: string;
}

const TRIGGERS_ENTRY = fileURLToPath(
  new URL('../../functions/src/auth/cognito-triggers.ts', import.meta.url),
);

/**
 * One stack per stage: data, sign-in, the API, the site and observability, each one construct
 * (lib/constructs/), wired here. Environment-agnostic: account and region come from the deploying
 * credentials, never from this code.
 */
export class SinergiStack extends Stack {
  constructor(scope: Construct, id: string, props: SinergiStackProps) {
    super(scope, id, props);
    const { stage } = props;
    Tags.of(this).add('project', 'sinergi');
    Tags.of(this).add('stage', stage.name);

    const domainPrefix = props.domainPrefix ?? `sinergi-${stage.name}-${Aws.ACCOUNT_ID}`;
    const signInDomain = `https://${domainPrefix}.auth.${Aws.REGION}.amazoncognito.com`;
    const issuerOrigin = `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`;

    const data = new Data(this, 'Data', { stage });
    const web = new Web(this, 'Web', {
      stage,
      siteDir: props.siteDir,
      providerOrigins: [issuerOrigin, signInDomain],
    });
    const triggers = sinergiFunction(this, 'SignUpTriggers', {
      entry: TRIGGERS_ENTRY,
      stage,
      description: 'Sinergi sign-up: role check (PreSignUp) and role group (PostConfirmation)',
      memorySize: 256,
    });
    const auth = new Auth(this, 'Auth', { stage, siteOrigin: web.origin, triggers, domainPrefix });
    const api = new Api(this, 'Api', {
      stage,
      table: data.table,
      auth: {
        issuer: auth.issuer,
        clientId: auth.client.userPoolClientId,
        jwksUri: `${auth.issuer}/.well-known/jwks.json`,
      },
      docsScriptUrl: DOCS_SCRIPT_PATH,
    });
    web.addApi(api.httpApi);
    const rounds = new Rounds(this, 'Rounds', { stage, table: data.table, environment: api.environment });

    const config: SiteConfig = {
      stage: stage.name,
      region: Aws.REGION,
      userPoolId: auth.userPool.userPoolId,
      auth: {
        mode: 'oidc',
        authority: auth.issuer,
        clientId: auth.client.userPoolClientId,
        scope: 'openid email profile',
        tokenUse: 'access',
        signInDomain,
        signOutUrl: `${signInDomain}/logout`,
      },
    };
    web.deploy(config);

    new Observability(this, 'Observability', {
      stage,
      api: api.httpApi,
      fn: api.fn,
      workers: [
        { name: 'RoundWorker', fn: rounds.worker, what: 'The round worker' },
        { name: 'Lapse', fn: rounds.lapse, what: 'The scheduled lapse function' },
      ],
      table: data.table,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
    });

    new CfnOutput(this, 'SiteUrl', { value: web.origin, description: 'The site and, under /api, the API' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'SignInDomain', { value: signInDomain });
    new CfnOutput(this, 'TableName', { value: data.table.tableName });
    acknowledgeNagFindings(this);
  }
}
