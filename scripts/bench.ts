/**
 * `npm run bench`: runs every producer of figures in turn, then the report (scripts/report.ts prints
 * one table and writes docs/FIGURES.md). A producer that fails is reported as such and as "not
 * measured"; the run goes on and exits non-zero at the end. Protocol for adding one: scripts/report.ts.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/** name (the .json it writes) → command. */
export const PRODUCERS: [string, string][] = [
  ['recognition', 'npm run bench:recognition'],
  ['matching', 'npm run bench:matching'],
  ['rounds', 'npm run bench:rounds'],
  ['lambda', 'npm run bench:lambda'],
  ['faults-outage', 'npx vitest run --project integ tests/faults/outage.integ.test.ts'],
  ['faults-burst', 'BURST=200 npx vitest run --project integ tests/faults/burst.integ.test.ts'],
  [
    'faults-last-slot',
    'RACE_ROUNDS=20 RACE_ACCEPTS=200 npx vitest run --project integ tests/faults/last-slot.integ.test.ts',
  ],
  // The national-scale load run takes minutes and the whole machine: its saved figures (LOAD_RUN=1: a new run).
  ['load', 'npm run bench:load'],
  ['dependencies', 'npm run licenses'],
  ['site', 'npm run lighthouse'],
];

const dir = process.env.FIGURES_DIR ?? join(process.cwd(), '.figures');
rmSync(dir, { recursive: true, force: true });
const failed: string[] = [];
for (const [name, command] of PRODUCERS) {
  console.log(`\n━━ ${name}: ${command}`);
  const run = spawnSync(command, {
    shell: true,
    stdio: 'inherit',
    env: { ...process.env, FIGURES_DIR: dir },
  });
  if (run.status !== 0) failed.push(name);
}
const report = spawnSync('npx tsx scripts/report.ts', {
  shell: true,
  stdio: 'inherit',
  env: { ...process.env, FIGURES_DIR: dir, FIGURES_EXPECTED: PRODUCERS.map(([n]) => n).join(',') },
});
if (failed.length > 0)
  console.error(`\nFailed: ${failed.join(', ')} (shown as failed or "not measured" in the report)`);
process.exit(failed.length > 0 || report.status !== 0 ? 1 : 0);
