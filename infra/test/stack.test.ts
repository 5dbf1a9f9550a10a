/**
 * The synthesized template of the real app, per stage: one test per property that protects data or
 * access, and cdk-nag's AwsSolutions pack with every finding acknowledged for a reason.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_TABLE_ACTIONS, PUBLIC_ROUTES } from '../lib/constructs/api';
import { LAPSE_TABLE_ACTIONS, ROUND_WORKER_TABLE_ACTIONS } from '../lib/constructs/rounds';
import { NAG_ACKNOWLEDGEMENTS } from '../lib/nag';
import { type Synthesized, synth } from './synth';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;
const of = (s: Synthesized, type: string) =>
  Object.entries(s.template.findResources(type) as Resources).map(([id, r]) => ({ id, ...r }));

let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
}, 600_000);

describe('data', () => {
  it('keeps the prod table: PITR, deletion protection, retained on stack deletion, on-demand, TTL', () => {
    prod.template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('builds the table from TABLE_DEFINITION: keys and both GSIs', () => {
    const [table] = of(dev, 'AWS::DynamoDB::GlobalTable');
    expect(table?.Properties?.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const gsis = table?.Properties?.GlobalSecondaryIndexes as { IndexName: string }[];
    expect(gsis.map((g) => g.IndexName).sort()).toEqual(['GSI1', 'GSI2']);
  });
});

describe('rounds', () => {
  type Statement = { Action: string | string[]; Resource: unknown };
  const policyOf = (s: Synthesized, prefix: string): Statement[] => {
    const [policy] = of(s, 'AWS::IAM::Policy').filter((p) => p.id.startsWith(prefix));
    const doc = policy?.Properties?.PolicyDocument as { Statement: Statement[] } | undefined;
    return doc?.Statement ?? [];
  };

  it('streams new images of the table to the round worker, filtered to INSERTs of a queued round', () => {
    for (const s of [dev, prod]) {
      s.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      });
      const mappings = of(s, 'AWS::Lambda::EventSourceMapping');
      expect(mappings).toHaveLength(1);
      const m = mappings[0]?.Properties as Record<string, unknown>;
      expect(JSON.stringify(m.FunctionName)).toMatch(/RoundsWorker/);
      expect(JSON.stringify(m.EventSourceArn)).toMatch(/DataTable[A-Z0-9]+.*StreamArn/);
      expect(m).toMatchObject({ StartingPosition: 'LATEST', BatchSize: 1, MaximumRetryAttempts: 2 });
      const filters = (m.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
      expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
        {
          eventName: ['INSERT'],
          dynamodb: { NewImage: { SK: { S: ['ROUND'] }, status: { S: ['queued'] } } },
        },
      ]);
    }
  });

  it('bundles the worker and the lapse function like the API: Node.js 22, arm64, JSON logs, own entry', () => {
    const fns = of(dev, 'AWS::Lambda::Function').filter((f) => /^Rounds(Worker|Lapse)[A-Z0-9]/.test(f.id));
    expect(fns).toHaveLength(2);
    for (const f of fns) {
      expect(f.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        LoggingConfig: expect.objectContaining({ LogFormat: 'JSON' }),
        Environment: {
          Variables: expect.objectContaining({ AUTH_MODE: 'oidc', TABLE_NAME: expect.anything() }),
        },
      });
    }
    const worker = fns.find((f) => f.id.startsWith('RoundsWorker'));
    // A 100k-request round runs minutes: the function may too (Lambda's maximum).
    expect(worker?.Properties?.Timeout).toBe(900);
  });

  it('lapses on a schedule every 5 minutes, invoking the lapse function', () => {
    for (const s of [dev, prod]) {
      const rules = of(s, 'AWS::Events::Rule');
      expect(rules).toHaveLength(1);
      expect(rules[0]?.Properties).toMatchObject({ ScheduleExpression: 'rate(5 minutes)', State: 'ENABLED' });
      const targets = rules[0]?.Properties?.Targets as { Arn: unknown }[];
      expect(targets).toHaveLength(1);
      expect(JSON.stringify(targets[0]?.Arn)).toMatch(/RoundsLapse/);
      s.template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        Principal: 'events.amazonaws.com',
      });
    }
  });

  it('grants each only what it calls: the worker its table, indexes and stream; lapse the table alone', () => {
    const worker = policyOf(dev, 'RoundsWorkerServiceRoleDefaultPolicy');
    const tableActions = worker
      .flatMap((st) => ([] as string[]).concat(st.Action))
      .filter((a) => !/^dynamodb:(DescribeStream|GetRecords|GetShardIterator|ListStreams)$/.test(a));
    expect([...new Set(tableActions)].sort()).toEqual([...ROUND_WORKER_TABLE_ACTIONS].sort());
    const stream = worker.find((st) => ([] as string[]).concat(st.Action).includes('dynamodb:GetRecords'));
    expect(JSON.stringify(stream?.Resource)).toMatch(/StreamArn/);
    const lapse = policyOf(dev, 'RoundsLapseServiceRoleDefaultPolicy');
    expect(lapse.flatMap((st) => ([] as string[]).concat(st.Action)).sort()).toEqual(
      [...LAPSE_TABLE_ACTIONS].sort(),
    );
    // The table's ARN, no index.
    expect(JSON.stringify(lapse.map((st) => st.Resource))).toMatch(
      /^\[\{"Fn::GetAtt":\["DataTable[A-Z0-9]+","Arn"\]\}\]$/,
    );
    for (const st of [...worker, ...lapse]) {
      expect(([] as string[]).concat(st.Action)).not.toContain('dynamodb:Scan');
    }
  });

  it('alarms on the worker and the lapse function failing or being throttled', () => {
    const alarms = of(prod, 'AWS::CloudWatch::Alarm').map((a) => a.id);
    for (const name of ['RoundWorkerErrors', 'RoundWorkerThrottles', 'LapseErrors', 'LapseThrottles']) {
      expect(alarms.some((id) => id.startsWith(`Observability${name}`))).toBe(true);
    }
  });
});

describe('web', () => {
  it('has no public bucket: all public access blocked, TLS-only bucket policy, reads only through OAC', () => {
    for (const s of [dev, prod]) {
      const buckets = of(s, 'AWS::S3::Bucket');
      expect(buckets).toHaveLength(1);
      expect(buckets[0]?.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const policies = of(s, 'AWS::S3::BucketPolicy');
      const statements = policies.flatMap(
        (p) =>
          (p.Properties?.PolicyDocument as { Statement: Record<string, unknown>[] } | undefined)?.Statement ??
          [],
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      for (const st of statements.filter((x) => x.Effect === 'Allow')) {
        // Only CloudFront (with the distribution as source) or CDK's own deletion helper may read.
        expect(JSON.stringify(st.Principal)).not.toBe('"*"');
        expect(JSON.stringify(st.Principal)).not.toContain('"AWS":"*"');
      }
      s.template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      s.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
        }),
      });
    }
  });

  it('serves only HTTPS: the site redirects to it, /api/* refuses plain HTTP', () => {
    const [cdn] = of(dev, 'AWS::CloudFront::Distribution');
    const config = cdn?.Properties?.DistributionConfig as {
      DefaultCacheBehavior: { ViewerProtocolPolicy: string };
      CacheBehaviors: {
        PathPattern: string;
        ViewerProtocolPolicy: string;
        CachePolicyId: string;
        OriginRequestPolicyId: string;
      }[];
      Origins: { CustomOriginConfig?: { OriginProtocolPolicy: string } }[];
    };
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    const api = config.CacheBehaviors.find((b) => b.PathPattern === '/api/*');
    expect(api?.ViewerProtocolPolicy).toBe('https-only');
    // Managed CachingDisabled and AllViewerExceptHostHeader: no caching, Authorization forwarded.
    expect(api?.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(api?.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac');
    for (const o of config.Origins.filter((x) => x.CustomOriginConfig)) {
      expect(o.CustomOriginConfig?.OriginProtocolPolicy).toBe('https-only');
    }
  });

  it('sends the security headers: CSP, HSTS, nosniff, frame denial, referrer policy; no-store on the API', () => {
    const policies = of(dev, 'AWS::CloudFront::ResponseHeadersPolicy');
    expect(policies).toHaveLength(2);
    for (const p of policies) {
      const h =
        (
          p.Properties?.ResponseHeadersPolicyConfig as
            | { SecurityHeadersConfig: Record<string, Record<string, unknown>> }
            | undefined
        )?.SecurityHeadersConfig ?? {};
      expect(JSON.stringify(h.ContentSecurityPolicy?.ContentSecurityPolicy)).toContain(
        "frame-ancestors 'none'",
      );
      expect(h.StrictTransportSecurity).toMatchObject({
        AccessControlMaxAgeSec: 63072000,
        IncludeSubdomains: true,
      });
      expect(h.ContentTypeOptions).toMatchObject({ Override: true });
      expect(h.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
      expect(h.ReferrerPolicy).toMatchObject({ ReferrerPolicy: 'strict-origin-when-cross-origin' });
    }
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        CustomHeadersConfig: {
          Items: [{ Header: 'Cache-Control', Value: 'private, no-store', Override: false }],
        },
      }),
    });
  });

  it('deploys config.json with the OpenID settings, the site and the docs script', () => {
    const deployments = of(dev, 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(3);
    const config = deployments.find((d) => d.Properties?.SourceMarkers !== undefined);
    expect(config).toBeDefined();
    // The file's values are the stack's own, filled in at deployment: user pool, client, issuer.
    expect(JSON.stringify(config?.Properties)).toMatch(/AuthUserPool[A-Z0-9]+/);
    expect(JSON.stringify(config?.Properties)).toMatch(/AuthUserPoolSite[A-Z0-9]+/);
    const docs = deployments.find((d) => d.Properties?.DestinationBucketKeyPrefix === 'docs/');
    expect(docs?.Properties?.SystemMetadata).toMatchObject({ 'content-encoding': 'gzip' });
    dev.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ DOCS_SCRIPT_URL: '/docs/scalar.js' }) },
    });
  });
});

describe('api', () => {
  const routes = (s: Synthesized) =>
    of(s, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties as Record<string, unknown>);

  it('puts the JWT authorizer on every route but the public ones', () => {
    for (const s of [dev, prod]) {
      const all = routes(s);
      const publicKeys = PUBLIC_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`));
      expect(all.map((r) => r.RouteKey).sort()).toEqual([...publicKeys, 'ANY /api/{proxy+}'].sort());
      for (const r of all) {
        if (publicKeys.includes(r.RouteKey as string)) expect(r.AuthorizationType).toBe('NONE');
        else expect(r).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: expect.anything() });
      }
      s.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: { Audience: [Match.anyValue()], Issuer: Match.anyValue() },
      });
    }
  });

  it('has no dev-login route in any stage, and the function runs in OpenID mode', () => {
    for (const s of [dev, prod]) {
      expect(JSON.stringify(routes(s))).not.toMatch(/dev-login/);
      s.template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Environment: {
          Variables: Match.objectLike({
            AUTH_MODE: 'oidc',
            OIDC_TOKEN_USE: 'access',
            OIDC_GROUPS_CLAIM: 'cognito:groups',
          }),
        },
      });
      expect(JSON.stringify(s.template.toJSON())).not.toMatch(/LOCAL_JWT_SECRET|DYNAMODB_ENDPOINT/);
    }
  });

  it('throttles the API stage and logs every request as JSON', () => {
    for (const [s, rate] of [
      [dev, 20],
      [prod, 200],
    ] as const) {
      const [stage] = of(s, 'AWS::ApiGatewayV2::Stage');
      expect(stage?.Properties?.DefaultRouteSettings).toMatchObject({
        ThrottlingRateLimit: rate,
        ThrottlingBurstLimit: rate * 2,
      });
      const format = (stage?.Properties?.AccessLogSettings as { Format: string } | undefined)?.Format ?? '';
      expect(JSON.parse(format)).toMatchObject({
        requestId: '$context.requestId',
        status: '$context.status',
      });
    }
  });
});

describe('access', () => {
  /** Wildcards AWS itself requires, each named: anything else with a `*` fails. */
  const NAMED_ACTIONS: [RegExp, string][] = [
    [
      /^s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*$/,
      "CDK's BucketDeployment S3 action groups (upload and prune the site)",
    ],
  ];
  const NAMED_RESOURCES: [RegExp, string][] = [
    [
      /"DataTable[A-Z0-9]+","Arn"\]\},"\/index\/\*"/,
      'DynamoDB names index ARNs <table>/index/<name>: this table only',
    ],
    [
      /cdk-hnb659fds-assets-\$\{AWS::AccountId\}-\$\{AWS::Region\}"\},"\/\*"/,
      'objects of the CDK asset bucket (the site zip)',
    ],
    [/"WebSite[A-Z0-9]+","Arn"\]\},"\/\*"/, 'objects of the site bucket (BucketDeployment)'],
  ];
  /** `Resource: *` only where the action takes no resource-level ARN. */
  const STAR_ONLY = /^cloudfront:(CreateInvalidation|GetInvalidation)$/;

  it('grants no IAM wildcard on actions or resources except the named ones AWS requires', () => {
    for (const s of [dev, prod]) {
      const unexplained: string[] = [];
      for (const p of of(s, 'AWS::IAM::Policy')) {
        const doc = p.Properties?.PolicyDocument as {
          Statement: { Action: string | string[]; Resource: unknown }[];
        };
        for (const st of doc.Statement) {
          const actions = ([] as string[]).concat(st.Action);
          for (const a of actions.filter((x) => x.includes('*'))) {
            if (!NAMED_ACTIONS.some(([re]) => re.test(a))) unexplained.push(`${p.id}: action ${a}`);
          }
          for (const r of ([] as unknown[]).concat(st.Resource)) {
            const text = typeof r === 'string' ? r : JSON.stringify(r);
            if (!text.includes('*')) continue;
            const ok =
              text === '*'
                ? actions.every((a) => STAR_ONLY.test(a))
                : NAMED_RESOURCES.some(([re]) => re.test(text));
            if (!ok) unexplained.push(`${p.id}: resource ${text} for ${actions.join(',')}`);
          }
        }
      }
      expect(unexplained).toEqual([]);
    }
  });

  it('lets the API function read and write only its table (no Scan, no table admin)', () => {
    const [policy] = of(dev, 'AWS::IAM::Policy').filter((p) =>
      p.id.startsWith('ApiFunctionServiceRoleDefaultPolicy'),
    );
    const doc = policy?.Properties?.PolicyDocument as
      | { Statement: { Action: string | string[]; Resource: unknown }[] }
      | undefined;
    const actions = (doc?.Statement ?? []).flatMap((s) => ([] as string[]).concat(s.Action));
    expect([...new Set(actions)].sort()).toEqual([...API_TABLE_ACTIONS].sort());
    expect(actions).not.toContain('dynamodb:Scan');
    expect(JSON.stringify(doc?.Statement.map((s) => s.Resource))).toMatch(/DataTable[A-Z0-9]+/);
  });

  it('lets people sign up themselves with a verified email, PKCE code flow only, one group per role', () => {
    dev.template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
      AutoVerifiedAttributes: ['email'],
      LambdaConfig: Match.objectLike({ PreSignUp: Match.anyValue(), PostConfirmation: Match.anyValue() }),
    });
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
    const groups = of(dev, 'AWS::Cognito::UserPoolGroup').map((g) => g.Properties?.GroupName);
    expect(groups.sort()).toEqual(['admin', 'business', 'community', 'corporate', 'university']);
    dev.template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { ManagedLoginVersion: 2 });
  });
});

describe('operations', () => {
  it('keeps logs for a set time: one week in dev, three months in prod', () => {
    for (const [s, days] of [
      [dev, 7],
      [prod, 90],
    ] as const) {
      const groups = of(s, 'AWS::Logs::LogGroup');
      expect(groups.length).toBeGreaterThanOrEqual(3);
      for (const g of groups) expect(g.Properties?.RetentionInDays).toBe(days);
    }
  });

  it('has the alarms: API 5xx, Lambda errors and throttles, p99 latency, DynamoDB throttling; and a dashboard', () => {
    const alarms = of(prod, 'AWS::CloudWatch::Alarm');
    const metrics = alarms.map((a) => a.Properties?.MetricName ?? 'math');
    expect(metrics).toEqual(expect.arrayContaining(['5xx', 'Errors', 'Throttles', 'Latency', 'math']));
    prod.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Latency',
      ExtendedStatistic: 'p99',
    });
    for (const a of alarms) expect(a.Properties?.AlarmActions).toHaveLength(1);
    prod.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('leaves no finding unacknowledged in any stage', () => {
    expect(dev.unacknowledged).toEqual([]);
    expect(prod.unacknowledged).toEqual([]);
  });

  it('gives every acknowledgement a reason a reviewer can weigh', () => {
    expect(NAG_ACKNOWLEDGEMENTS.length).toBeGreaterThan(0);
    for (const a of NAG_ACKNOWLEDGEMENTS) expect(a.reason.length, `${a.id} @ ${a.path}`).toBeGreaterThan(60);
  });
});
