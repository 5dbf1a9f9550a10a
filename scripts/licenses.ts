/**
 * `npm run licenses`: every production dependency (what the Lambda bundle and the site ship) with its
 * version and licence, from `npm ls --omit=dev --all`. Fails on a licence the shipped bundle may not
 * carry (anything not in ALLOWED: copyleft, unknown, missing). Then `npm audit --omit=dev`: where the
 * registry answers it, high or critical advisories fail; where it does not, it says so plainly and the
 * report shows "not run" rather than a pass.
 * Writes `.figures/dependencies.json` for the report (scripts/report.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFigures } from './figures';

/** Permissive licences a closed bundle may carry with their notices (THIRD_PARTY_NOTICES.md). */
const ALLOWED = new Set([
  'MIT',
  'MIT-0',
  'ISC',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'CC-BY-4.0',
  'Unlicense',
  'Python-2.0',
  // Fonts: the OFL lets a product bundle and serve the font files, with the licence beside them.
  'OFL-1.1',
]);

/**
 * Production dependencies that never reach what is shipped, with the reason (checked by name, listed in
 * the output): the site is a static export and the Lambda bundle holds only what functions/ imports.
 */
const NOT_SHIPPED: [RegExp, string][] = [
  [/^@img\/sharp/, "next's image optimiser: runs in `next build` only; `output: 'export'` ships none of it"],
];

interface Dependency {
  name: string;
  version: string;
  license: string;
}

function licenseOf(pkg: { license?: unknown; licenses?: unknown }): string {
  if (typeof pkg.license === 'string') return pkg.license;
  if (pkg.license && typeof pkg.license === 'object' && 'type' in pkg.license)
    return String(pkg.license.type);
  if (Array.isArray(pkg.licenses))
    return pkg.licenses.map((l: { type?: string }) => l.type ?? '?').join(' OR ');
  return 'UNKNOWN';
}

/** An SPDX expression is acceptable when one alternative of an OR is, or every part of an AND is. */
export function acceptable(expression: string): boolean {
  const clean = expression.replace(/[()]/g, '').trim();
  if (/ OR /i.test(clean)) return clean.split(/ OR /i).some((part) => acceptable(part));
  if (/ AND /i.test(clean)) return clean.split(/ AND /i).every((part) => acceptable(part));
  return ALLOWED.has(clean);
}

const root = process.cwd();
const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
  .split('\n')
  .filter((p) => p.includes('node_modules'));

const seen = new Map<string, Dependency>();
for (const dir of paths) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (pkg.private || String(pkg.name).startsWith('@sinergi/')) continue;
  const dep = { name: pkg.name, version: pkg.version, license: licenseOf(pkg) };
  seen.set(`${dep.name}@${dep.version}`, dep);
}
const deps = [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
const notShipped = (d: Dependency) => NOT_SHIPPED.find(([pattern]) => pattern.test(d.name))?.[1];
const refused = deps.filter((d) => !acceptable(d.license) && !notShipped(d));
const byLicense = new Map<string, number>();
for (const d of deps) byLicense.set(d.license, (byLicense.get(d.license) ?? 0) + 1);

const width = Math.max(...deps.map((d) => d.name.length));
for (const d of deps) {
  const why = notShipped(d);
  console.log(
    `${d.name.padEnd(width)}  ${d.version.padEnd(12)}  ${d.license}${why ? `  (not shipped: ${why})` : ''}`,
  );
}
console.log(
  `\n${deps.length} production dependencies: ${[...byLicense].map(([l, n]) => `${l} ${n}`).join(', ')}`,
);
if (refused.length > 0) {
  console.error(`\nLicences the shipped bundle may not carry:`);
  for (const d of refused) console.error(`  ${d.name}@${d.version}: ${d.license}`);
}

// npm audit: the registry's bulk advisory endpoint; mirrors and offline machines may not answer it.
const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8' });
let auditLine: string;
let auditFailed = false;
try {
  const report = JSON.parse(audit.stdout) as {
    error?: { summary?: string };
    message?: string;
    metadata?: { vulnerabilities?: Record<string, number> };
  };
  const v = report.metadata?.vulnerabilities;
  if (v) {
    auditFailed = (v.high ?? 0) + (v.critical ?? 0) > 0;
    auditLine = `critical ${v.critical ?? 0}, high ${v.high ?? 0}, moderate ${v.moderate ?? 0}, low ${v.low ?? 0}`;
  } else {
    auditLine = `NOT RUN: the registry did not answer the audit (${report.message ?? report.error?.summary ?? `exit ${audit.status}`})`;
  }
} catch {
  auditLine = `NOT RUN: npm audit gave no report (exit ${audit.status}): ${audit.stderr.split('\n')[0]}`;
}
console.log(`\nnpm audit --omit=dev: ${auditLine}`);

writeFigures('dependencies', 'npm run licenses', [
  {
    measure: 'production dependencies (Lambda bundle + site)',
    value: `${deps.length}: ${[...byLicense].map(([l, n]) => `${l} ${n}`).join(', ')}`,
  },
  {
    measure: 'licences the shipped bundle may not carry',
    value:
      refused.length === 0 ? 'none' : refused.map((d) => `${d.name}@${d.version} (${d.license})`).join(', '),
    target: 'none',
  },
  { measure: 'npm audit --omit=dev', value: auditLine, target: 'no high or critical' },
]);
if (refused.length > 0 || auditFailed) process.exit(1);
