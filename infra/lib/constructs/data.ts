import { AttributeType, Billing, ProjectionType, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_DEFINITION } from '../../../functions/src/store/table';
import { removalPolicy, type StageSettings } from '../stages';

/**
 * The one table, built from TABLE_DEFINITION (functions/src/store/table.ts), the same definition the
 * local bootstrap turns into a CreateTable call: keys, GSIs and the TTL attribute of expiring items
 * (idempotency records). On-demand billing; PITR, deletion protection and retention per stage. A stream
 * of new images feeds the round worker (infra/lib/constructs/rounds.ts: queued rounds only, by filter).
 */
export class Data extends Construct {
  readonly table: TableV2;

  constructor(scope: Construct, id: string, props: { stage: StageSettings }) {
    super(scope, id);
    const d = TABLE_DEFINITION;
    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(d.partitionKey),
      sortKey: key(d.sortKey),
      billing: d.billing === 'PAY_PER_REQUEST' ? Billing.onDemand() : Billing.onDemand(),
      timeToLiveAttribute: d.timeToLiveAttribute,
      dynamoStream: StreamViewType.NEW_IMAGE,
      globalSecondaryIndexes: d.globalSecondaryIndexes.map((g) => ({
        indexName: g.indexName,
        partitionKey: key(g.partitionKey),
        sortKey: key(g.sortKey),
        projectionType: g.projection === 'ALL' ? ProjectionType.ALL : ProjectionType.KEYS_ONLY,
      })),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: props.stage.pointInTimeRecovery },
      deletionProtection: props.stage.deletionProtection,
      removalPolicy: removalPolicy(props.stage),
    });
  }
}
