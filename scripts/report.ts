/**
 * The one report of every figure: reads every `<name>.json` in `FIGURES_DIR` (default `.figures/`),
 * prints one table and writes docs/FIGURES.md (linked from the README).
 *
 * Protocol for a bench or test that has figures (the lead plugs in the others' benches this way):
 *   1. Write `.figures/<name>.json` with `writeFigures(name, command, figures)` from scripts/figures.ts:
 *      `{ name, command, measuredAt, loadavg: [1, 5, 15 min], figures: [{ measure, value, target? }] }`.
 *      `command` is what a reader runs to reproduce the figures; `value` carries its unit.
 *   2. Add the command that produces it to PRODUCERS in scripts/bench.ts (in the order to run).
 *   A producer that fails or writes nothing shows in the report as "not measured", never as a pass.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { FigureFile } from './figures';

export function readFigures(dir: string): FigureFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as FigureFile);
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdown(files: FigureFile[], expected: readonly string[] = []): string {
  const out = [
    '# Every figure of Sinergi',
    '',
    `Written by \`npm run bench\` (scripts/report.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
      `${cpus().length} cores. Each section names the command that produced it and the machine's load average ` +
      '(1, 5, 15 min) when it ran: a busy machine slows every timing.',
    '',
  ];
  for (const name of expected.filter((n) => !files.some((f) => f.name === n))) {
    out.push(`## ${name}`, '', '**Not measured** in this run (its producer failed or wrote nothing).', '');
  }
  for (const f of files) {
    out.push(
      `## ${f.name}`,
      '',
      `\`${f.command}\` — ${f.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load ${f.loadavg.map((x) => x.toFixed(2)).join(' / ')}`,
      '',
      '| measure | target | measured |',
      '| --- | --- | --- |',
      ...f.figures.map((x) => `| ${cell(x.measure)} | ${cell(x.target ?? '—')} | ${cell(x.value)} |`),
      '',
    );
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function printTable(files: FigureFile[]) {
  const rows: string[][] = [['source', 'measure', 'target', 'measured']];
  for (const f of files) for (const x of f.figures) rows.push([f.name, x.measure, x.target ?? '—', x.value]);
  const widths = [0, 1, 2, 3].map((c) => Math.min(70, Math.max(...rows.map((r) => r[c]?.length ?? 0))));
  const clip = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => clip(c, widths[j] as number)).join(' │ '));
    if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.env.FIGURES_DIR ?? join(process.cwd(), '.figures');
  const expected = (process.env.FIGURES_EXPECTED ?? '').split(',').filter(Boolean);
  const files = readFigures(dir);
  printTable(files);
  const target = join(process.cwd(), 'docs', 'FIGURES.md');
  writeFileSync(target, markdown(files, expected));
  // The repository's formatter lays out the tables, so the written file passes `npm run lint`.
  spawnSync('npx', ['biome', 'format', '--write', target], { stdio: 'ignore' });
  console.log(`\nWritten: docs/FIGURES.md (${files.length} sources from ${dir})`);
}
