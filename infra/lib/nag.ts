import { type Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Every cdk-nag AwsSolutions finding this stack keeps, each with the reason it stays. Anything not
 * listed here fails `npm run synth` and the nag test (infra/test/nag.test.ts).
 */
export const NAG_ACKNOWLEDGEMENTS: { path: string; id: string; reason: string }[] = [];

function ack(scope: IConstruct | undefined, id: string, reason: string) {
  if (!scope) throw new Error(`nag acknowledgement ${id}: construct not found`);
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
  NAG_ACKNOWLEDGEMENTS.push({ path: scope.node.path, id, reason });
}

const find = (stack: Stack, path: string) =>
  path.split('/').reduce<IConstruct | undefined>((c, part) => c?.node.tryFindChild(part), stack);

const BASIC_EXECUTION =
  'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
const BASIC_EXECUTION_REASON =
  'AWSLambdaBasicExecutionRole grants only logs:CreateLogGroup/CreateLogStream/PutLogEvents; writing its own logs is all a function needs it for, and an inline copy would add nothing but drift.';

export function acknowledgeNagFindings(stack: Stack) {
  for (const route of [
    'GET--api--health',
    'GET--api--openapi.json',
    'GET--api--docs',
    'GET--api--reference--{proxy+}',
    'GET--api--stats--{proxy+}',
  ]) {
    ack(
      find(stack, `Api/HttpApi/${route}`),
      'APIG4',
      'Public by design: health check, OpenAPI document, API reference page, reference data (provinces, sectors) and the public headline figures carry no personal data and are read before sign-in. Every other /api route has the JWT authorizer.',
    );
  }
  ack(find(stack, 'Api/Function'), BASIC_EXECUTION, BASIC_EXECUTION_REASON);
  ack(find(stack, 'SignUpTriggers'), BASIC_EXECUTION, BASIC_EXECUTION_REASON);
  for (const fn of ['Rounds/Worker', 'Rounds/Lapse']) {
    ack(find(stack, fn), BASIC_EXECUTION, BASIC_EXECUTION_REASON);
    ack(
      find(stack, fn),
      'L1',
      'Same runtime as the API function (Node.js 22): the round worker and the lapse function are bundled with the same options and run the same domain code the tests exercise on node22.',
    );
  }
  ack(
    find(stack, 'Rounds/Worker'),
    'IAM5[Resource::<DataTableFDBAD0F2.Arn>/index/*]',
    "The round worker reads the open requests and offers of a type through the table's GSIs; DynamoDB names an index's ARN <table>/index/<name>, and the wildcard covers only this table's indexes. Its actions are four (GetItem, Query, PutItem, UpdateItem): no Scan, no Delete, no table admin.",
  );
  ack(
    find(stack, 'Api/Function'),
    'IAM5[Resource::<DataTableFDBAD0F2.Arn>/index/*]',
    "The API queries both GSIs of its own table; DynamoDB names an index's ARN <table>/index/<name>, and the wildcard covers only this table's indexes (grantReadWriteData).",
  );
  ack(
    find(stack, 'Api/Function'),
    'L1',
    'Node.js 22 is the runtime this product targets (the bundle is built for node22 and tested so); it is supported by Lambda until 2027-04-30. Moving to Node.js 24 is a deliberate upgrade, not a silent one.',
  );
  ack(
    find(stack, 'SignUpTriggers'),
    'L1',
    'Same runtime as the API function (Node.js 22), for the same reason.',
  );

  const deployment = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
  const cdkOwned =
    "CDK's BucketDeployment custom resource (the site, docs script and config.json upload): its runtime, managed policy and S3 wildcards (object actions on this bucket's objects and the CDK asset bucket, CloudFront invalidation, which takes no resource-level ARN) are set by aws-cdk-lib and used only during deployment.";
  for (const id of [
    BASIC_EXECUTION,
    'L1',
    'IAM5[Action::s3:Abort*]',
    'IAM5[Action::s3:DeleteObject*]',
    'IAM5[Action::s3:GetBucket*]',
    'IAM5[Action::s3:GetObject*]',
    'IAM5[Action::s3:List*]',
    'IAM5[Resource::*]',
    'IAM5[Resource::<WebSiteD504717C.Arn>/*]',
    'IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
  ]) {
    ack(deployment, id, cdkOwned);
  }

  const cdn = find(stack, 'Web/Cdn');
  ack(
    cdn,
    'CFR1',
    'No geo restriction: UMKM, partners and programme admins may travel or work from abroad, and the content is not region-licensed.',
  );
  ack(
    cdn,
    'CFR2',
    'No WAF at rest: a web ACL costs more than the rest of an idle stage; abuse is bounded by HTTP API throttling, reserved concurrency and the JWT authorizer. Add a web ACL (webAclId) when traffic justifies it.',
  );
  ack(
    cdn,
    'CFR3',
    'CloudFront standard logs would need an ACL-enabled log bucket; every /api call is already in the HTTP API JSON access log, and the rest is the public static site.',
  );
  ack(
    cdn,
    'CFR4',
    'The distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; with a custom domain and certificate, set minimumProtocolVersion TLSv1.2_2021.',
  );
  ack(
    find(stack, 'Web/Site'),
    'S1',
    'The bucket holds only the public static site, written solely by the deployment; reads come through CloudFront (OAC) and writes are in CloudTrail. Server access logs would log nothing a reviewer needs.',
  );
  const pool = find(stack, 'Auth/UserPool');
  ack(
    pool,
    'COG2',
    'MFA is optional (TOTP) rather than required: UMKM owners sign in on shared phones where a required second factor locks them out; admins are told to enrol TOTP. Cognito cannot require MFA per group.',
  );
  ack(
    pool,
    'COG8',
    'Essentials plan: threat protection (Plus) is billed per monthly active user, out of proportion for a pilot; passwords are long (12+, all classes) and the API re-verifies every token.',
  );
}
