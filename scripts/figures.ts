/**
 * How a test or bench hands its figures to the one report (`npm run bench`, scripts/report.ts): it
 * writes `<name>.json` into `FIGURES_DIR` (default `.figures/`, git-ignored). Protocol: scripts/report.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';

export interface Figure {
  /** What was measured, in words a reader understands. */
  measure: string;
  /** The figure, formatted, with its unit. */
  value: string;
  /** The target, when there is one. */
  target?: string;
}

export interface FigureFile {
  name: string;
  command: string;
  measuredAt: string;
  loadavg: number[];
  figures: Figure[];
}

export function writeFigures(name: string, command: string, figures: Figure[]) {
  const dir = process.env.FIGURES_DIR ?? join(process.cwd(), '.figures');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ name, command, measuredAt: new Date().toISOString(), loadavg: loadavg(), figures }, null, 2)}\n`,
  );
  return file;
}
