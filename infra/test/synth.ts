import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SinergiStack } from '../lib/sinergi-stack';
import { type StageName, stageSettings } from '../lib/stages';

/** A stand-in for web/out, so the infra tests need no site build. */
function tinySite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sinergi-site-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Sinergi</title>');
  return dir;
}

export interface Synthesized {
  template: Template;
  /** cdk-nag's findings (errors and warnings) that no acknowledgement covers: `rule @ construct path`. */
  unacknowledged: string[];
}

interface ValidationReport {
  pluginReports: {
    violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

const cache = new Map<StageName, Synthesized>();

/** Synthesizes the real app's stack for a stage (bundling included), with cdk-nag AwsSolutions on. */
export function synth(stage: StageName): Synthesized {
  const hit = cache.get(stage);
  if (hit) return hit;
  const outdir = mkdtempSync(join(tmpdir(), 'sinergi-cdk-'));
  const app = new App({ context: { stage }, outdir });
  const stack = new SinergiStack(app, `Sinergi-${stage}`, {
    stage: stageSettings(stage),
    siteDir: tinySite(),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  let failed: unknown;
  try {
    app.synth();
  } catch (error) {
    failed = error;
  }
  const reportFile = join(outdir, 'validation-report.json');
  const report = existsSync(reportFile)
    ? (JSON.parse(readFileSync(reportFile, 'utf8')) as ValidationReport)
    : { pluginReports: [] };
  const unacknowledged = report.pluginReports.flatMap((p) =>
    p.violations.flatMap((v) => v.violatingConstructs.map((c) => `${v.ruleName} @ ${c.constructPath}`)),
  );
  if (failed && unacknowledged.length === 0) throw failed;
  const result = { template: Template.fromStack(stack), unacknowledged };
  cache.set(stage, result);
  return result;
}
