import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../../../functions/src/observability/metrics';
import type { StageSettings } from '../stages';

export interface ObservabilityProps {
  stage: StageSettings;
  api: HttpApi;
  fn: IFunction;
  /** Functions off the request path (round worker, lapse): an errors and a throttles alarm each. */
  workers?: { name: string; fn: IFunction; what: string }[];
  table: ITableV2;
  /** Where alarm notices go (context `alarmEmail`); the topic exists either way for other subscribers. */
  alarmEmail?: string;
}

/**
 * Alarms on what hurts people (API 5xx, function errors and throttles, p99 latency, DynamoDB
 * throttling), sent to one SNS topic, and one dashboard with the business metrics the function emits
 * as EMF (functions/src/observability/metrics.ts).
 */
export class Observability extends Construct {
  readonly alarms: Alarm[] = [];
  readonly topic: Topic;
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    this.topic = new Topic(this, 'Alarms', {
      displayName: `Sinergi ${props.stage.name} alarms`,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const dynamoThrottles = new MathExpression({
      label: 'DynamoDB throttled requests',
      expression: 'r + w',
      period,
      usingMetrics: {
        r: props.table.metric('ReadThrottleEvents', { statistic: 'Sum', period }),
        w: props.table.metric('WriteThrottleEvents', { statistic: 'Sum', period }),
      },
    });
    const alarm = (name: string, metric: IMetric, threshold: number, description: string) => {
      const a = new Alarm(this, name, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new SnsAction(this.topic));
      a.addOkAction(new SnsAction(this.topic));
      this.alarms.push(a);
      return a;
    };
    alarm(
      'Api5xx',
      props.api.metricServerError({ period, statistic: 'Sum' }),
      5,
      'API answered 5xx 5+ times in 5 minutes',
    );
    alarm(
      'LambdaErrors',
      props.fn.metricErrors({ period, statistic: 'Sum' }),
      1,
      'The API function failed (crash or timeout)',
    );
    alarm(
      'LambdaThrottles',
      props.fn.metricThrottles({ period, statistic: 'Sum' }),
      1,
      'The API function was throttled',
    );
    alarm(
      'ApiLatencyP99',
      props.api.metricLatency({ period, statistic: 'p99' }),
      3_000,
      'p99 API latency at or above 3 s over 5 minutes',
    );
    alarm('DynamoThrottles', dynamoThrottles, 1, 'DynamoDB throttled reads or writes');
    for (const w of props.workers ?? []) {
      alarm(
        `${w.name}Errors`,
        w.fn.metricErrors({ period, statistic: 'Sum' }),
        1,
        `${w.what} failed (crash or timeout)`,
      );
      alarm(
        `${w.name}Throttles`,
        w.fn.metricThrottles({ period, statistic: 'Sum' }),
        1,
        `${w.what} was throttled`,
      );
    }

    const business = (name: string) =>
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: name,
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period,
      });
    this.dashboard = new Dashboard(this, 'Dashboard', { dashboardName: `sinergi-${props.stage.name}` });
    this.dashboard.addWidgets(
      new GraphWidget({
        title: 'Partnerships',
        left: [
          METRIC.matchesServed,
          METRIC.candidatesServed,
          METRIC.proposals,
          METRIC.accepts,
          METRIC.rounds,
        ].map(business),
        width: 12,
      }),
      new GraphWidget({
        title: 'Requests and errors',
        left: [METRIC.requests, METRIC.clientErrors, METRIC.serverErrors, METRIC.unavailable].map(business),
        right: [props.api.metricServerError({ period, statistic: 'Sum' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Latency (ms)',
        left: ['p50', 'p90', 'p99'].map((statistic) => props.api.metricLatency({ period, statistic })),
        right: [props.fn.metricDuration({ period, statistic: 'p99' })],
        width: 12,
      }),
      new GraphWidget({
        title: 'Function and database',
        left: [
          props.fn.metricErrors({ period }),
          props.fn.metricThrottles({ period }),
          dynamoThrottles,
          ...(props.workers ?? []).map((w) => w.fn.metricErrors({ period, label: `${w.name} errors` })),
        ],
        right: [
          props.fn.metricInvocations({ period }),
          ...(props.workers ?? []).map((w) =>
            w.fn.metricDuration({ period, statistic: 'Maximum', label: `${w.name} duration (max)` }),
          ),
        ],
        width: 12,
      }),
    );
  }
}
