import { Duration, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  CfnUserPoolGroup,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { ROLES } from '../../../shared/src/schemas/common';
import { removalPolicy, type StageSettings } from '../stages';

export interface AuthProps {
  stage: StageSettings;
  /** The site's origin (https://<distribution>), for the client's callback and sign-out URLs. */
  siteOrigin: string;
  /** The sign-up trigger function (PreSignUp + PostConfirmation). */
  triggers: LambdaFunction;
  /** The managed login's domain prefix (unique in the region). */
  domainPrefix: string;
}

/**
 * Sign-in: a Cognito user pool with managed login, one group per role, self sign-up with a verified
 * email for the business and partner roles only (the triggers refuse admin), and the site's public app
 * client: authorization code with PKCE, no secret, no implicit flow.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly signInDomain: string;
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { stage } = props;
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      // Chosen once at sign-up, checked by the PreSignUp trigger; the API trusts groups only.
      customAttributes: { role: new StringAttribute({ minLen: 1, maxLen: 20, mutable: false }) },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      deletionProtection: stage.deletionProtection,
      removalPolicy: removalPolicy(stage),
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, props.triggers);
    this.userPool.addTrigger(UserPoolOperation.POST_CONFIRMATION, props.triggers);
    // A separate policy: attached to the trigger's role without the function depending on the pool
    // (the pool depends on the function through its triggers).
    new Policy(this, 'TriggerGroups', {
      statements: [
        new PolicyStatement({
          actions: ['cognito-idp:AdminAddUserToGroup'],
          resources: [this.userPool.userPoolArn],
        }),
      ],
    }).attachToRole(props.triggers.role as NonNullable<LambdaFunction['role']>);

    for (const role of ROLES) {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description:
          role === 'admin' ? 'Programme admins: granted by an administrator only' : `Sinergi role ${role}`,
        precedence: role === 'admin' ? 0 : 10,
      });
    }

    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });

    this.client = this.userPool.addClient('Site', {
      generateSecret: false,
      authFlows: {
        user: false,
        userPassword: false,
        userSrp: false,
        adminUserPassword: false,
        custom: false,
      },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${props.siteOrigin}/masuk/`],
        logoutUrls: [`${props.siteOrigin}/`],
      },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    new CfnManagedLoginBranding(this, 'Branding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.signInDomain = `https://${domain.domainName}.auth.${Stack.of(this).region}.amazoncognito.com`;
    this.issuer = this.userPool.userPoolProviderUrl;
  }
}
