import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Function as CfFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { API_CSP, HSTS, PRIVATE_NO_STORE, siteCsp } from '../../../functions/src/http/headers';
import type { SiteConfig } from '../../../shared/src/schemas/site-config';
import { DOCS_SCRIPT_GZ } from '../paths';
import { removalPolicy, type StageSettings } from '../stages';

/** The docs page's script on the site's origin (the function's DOCS_SCRIPT_URL). */
export const DOCS_SCRIPT_PATH = '/docs/scalar.js';

export interface WebProps {
  stage: StageSettings;
  /** The exported site (web/out). */
  siteDir: string;
  /** Origins of the OpenID provider the site talks to (discovery, token, authorize), for the CSP. */
  providerOrigins: string[];
}

/**
 * The site: a private bucket (no public access, TLS only) read by CloudFront through origin access
 * control; `/api/*` goes to the HTTP API with caching off and every viewer header but Host forwarded
 * (Authorization included), so the site and the API share one origin as they do locally. One response
 * headers policy for the site (CSP, HSTS, nosniff, frame denial, referrer policy) and one for the API
 * (the same, plus `private, no-store` when the function set no cache policy). The exported site, the
 * docs script and a runtime `config.json` written by the stack are deployed to the bucket.
 */
export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly origin: string;
  private readonly props: WebProps;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    this.props = props;
    const { stage } = props;
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: removalPolicy(stage),
      autoDeleteObjects: !stage.retain,
    });

    // A static export writes /masuk as masuk.html: map clean paths onto files, like the local server.
    const paths = new CfFunction(this, 'CleanPaths', {
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Sinergi: /path and /path/ -> /path.html',
      code: FunctionCode.fromInline(`function handler(event) {
  var r = event.request;
  var uri = r.uri;
  if (uri === '/' || uri === '') { r.uri = '/index.html'; return r; }
  if (uri.endsWith('/')) uri = uri.slice(0, -1);
  var last = uri.split('/').pop();
  if (last.indexOf('.') === -1) r.uri = uri + '.html';
  return r;
}`),
    });

    this.distribution = new Distribution(this, 'Cdn', {
      comment: `Sinergi ${stage.name}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      errorResponses: [{ httpStatus: 404, responseHttpStatus: 404, responsePagePath: '/404.html' }],
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        functionAssociations: [{ function: paths, eventType: FunctionEventType.VIEWER_REQUEST }],
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'SiteHeaders', {
          comment: 'Sinergi site: the same headers as the local server (functions/src/http/headers.ts)',
          securityHeadersBehavior: this.securityHeaders('site', props.providerOrigins),
        }),
      },
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;
  }

  /** Security headers; the CSP comes from the same module as the local server's. */
  private securityHeaders(kind: 'site' | 'api', providerOrigins: string[] = []) {
    return {
      contentSecurityPolicy: {
        contentSecurityPolicy: kind === 'api' ? API_CSP : siteCsp(providerOrigins),
        override: kind === 'site',
      },
      strictTransportSecurity: {
        accessControlMaxAge: Duration.seconds(Number(/max-age=(\d+)/.exec(HSTS)?.[1])),
        includeSubdomains: HSTS.includes('includeSubDomains'),
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
    };
  }

  /** `/api/*` to the HTTP API: caching off, Authorization and every viewer header but Host forwarded. */
  addApi(api: HttpApi) {
    const host = `${api.apiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`;
    this.distribution.addBehavior(
      '/api/*',
      new HttpOrigin(host, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
      {
        viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        compress: true,
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'ApiHeaders', {
          comment: 'Sinergi API: security headers; no-store unless the function chose a cache policy',
          securityHeadersBehavior: this.securityHeaders('api'),
          customHeadersBehavior: {
            customHeaders: [{ header: 'Cache-Control', value: PRIVATE_NO_STORE, override: false }],
          },
        }),
      },
    );
  }

  /**
   * The exported site, the docs script (gzipped, served as /docs/scalar.js) and config.json. The site
   * deployment prunes old files but leaves the other two alone.
   */
  deploy(config: SiteConfig) {
    const site = new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(this.props.siteDir)],
      destinationBucket: this.bucket,
      exclude: ['config.json', 'docs/*'],
      prune: true,
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    const docsDir = mkdtempSync(join(tmpdir(), 'sinergi-docs-'));
    copyFileSync(DOCS_SCRIPT_GZ, join(docsDir, 'scalar.js'));
    const docs = new BucketDeployment(this, 'DeployDocsScript', {
      sources: [Source.asset(docsDir)],
      destinationBucket: this.bucket,
      destinationKeyPrefix: 'docs/',
      prune: false,
      contentType: 'text/javascript; charset=utf-8',
      contentEncoding: 'gzip',
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(1))],
    });
    const runtimeConfig = new BucketDeployment(this, 'DeployConfig', {
      sources: [Source.jsonData('config.json', config)],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/config.json'],
    });
    docs.node.addDependency(site);
    runtimeConfig.node.addDependency(site);
  }
}
