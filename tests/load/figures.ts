/**
 * The load run's figures for the one report. `npm run load` at national scale (≥ 20,000 offers and
 * ≥ 100,000 requests) saves its figures in tests/load/figures.json (committed: the full run takes
 * minutes and the whole machine, so `npm run bench` does not repeat it); run as a script, this hands
 * the saved figures to the report exactly as they were measured, with their date and the machine's
 * load at the time. `LOAD_RUN=1 npm run bench` runs the full load instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure, FigureFile } from '../../scripts/figures';

const SAVED = fileURLToPath(new URL('./figures.json', import.meta.url));

/** Keeps a national-scale run's figures (what the report shows while the load is not run again). */
export function saveLoadFigures(command: string, figures: Figure[]) {
  const file: FigureFile = {
    name: 'load',
    command,
    measuredAt: new Date().toISOString(),
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
    figures,
  };
  writeFileSync(SAVED, `${JSON.stringify(file, null, 2)}\n`);
  // The repository's formatter lays it out, so the committed file passes `npm run lint`.
  spawnSync('npx', ['biome', 'format', '--write', SAVED], { stdio: 'ignore' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.env.LOAD_RUN === '1') {
    const run = spawnSync('npm run load', { shell: true, stdio: 'inherit' });
    process.exit(run.status ?? 1);
  }
  if (!existsSync(SAVED)) {
    console.error('no saved load figures (tests/load/figures.json): run `npm run load`');
    process.exit(1);
  }
  const saved = JSON.parse(readFileSync(SAVED, 'utf8')) as FigureFile;
  const dir = process.env.FIGURES_DIR ?? join(process.cwd(), '.figures');
  mkdirSync(dir, { recursive: true });
  const figures: Figure[] = [
    {
      measure: 'source',
      value: `saved by the last national-scale \`npm run load\` (${saved.measuredAt.slice(0, 16).replace('T', ' ')} UTC), not repeated by npm run bench`,
    },
    ...saved.figures,
  ];
  writeFileSync(join(dir, 'load.json'), `${JSON.stringify({ ...saved, figures }, null, 2)}\n`);
  console.log(`load figures of ${saved.measuredAt} handed to the report`);
}
