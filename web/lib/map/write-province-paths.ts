/** Writes web/public/data/provinces.paths.json from the TopoJSON beside it (see province-paths.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { provincePaths } from './province-paths';

const dir = fileURLToPath(new URL('../../public/data/', import.meta.url));
const paths = provincePaths(readFileSync(`${dir}indonesia-provinces.topo.json`, 'utf8'));
writeFileSync(`${dir}provinces.paths.json`, `${JSON.stringify(paths)}\n`);
console.log(`${paths.length} provinces written to ${dir}provinces.paths.json`);
