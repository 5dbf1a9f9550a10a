/**
 * The map's geometry, projected once at build time instead of in every admin's browser: the simplified
 * province boundaries (public/data/indonesia-provinces.topo.json, MIT, see public/data/SOURCES.md) through
 * d3-geo's Mercator, fitted to the map's viewBox, as one SVG path per province keyed by its BPS code.
 * Projecting in the browser cost about a second of main-thread time on a mid-range phone (d3-geo's
 * adaptive resampling of ~20k vertices) and a 77 kB download; the paths file is a fraction of both.
 *
 * `npx tsx web/lib/map/write-province-paths.ts` writes public/data/provinces.paths.json; a unit test
 * holds the committed file to what this function computes, so the two cannot drift apart.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { MAP_HEIGHT, MAP_WIDTH, type ProvincePath } from './geometry';

type Provinces = FeatureCollection<Geometry, { kode_bps: string; name: string }>;

export function provincePaths(topoJson: string): ProvincePath[] {
  const topo = JSON.parse(topoJson) as Topology<{
    provinces: GeometryCollection<{ kode_bps: string; name: string }>;
  }>;
  const provinces = feature(topo, topo.objects.provinces) as Provinces;
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], provinces);
  // One decimal is a tenth of a viewBox unit: finer than any screen draws the 800-unit-wide map.
  const path = geoPath(projection).digits(1);
  return provinces.features
    .map((f) => ({ code: f.properties.kode_bps, d: thin(path(f) ?? '') }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Points closer than this to the last one kept are dropped (viewBox units; the map is 800 wide). */
const MIN_STEP = 0.75;

/**
 * Thins a path drawn at the map's scale: within each ring, a point closer than {@link MIN_STEP} to the
 * last point kept adds nothing a screen shows; rings left with fewer than three points (islets smaller
 * than a pixel) are dropped.
 */
export function thin(d: string): string {
  const rings = d.split('Z').filter((r) => r.trim() !== '');
  const out: string[] = [];
  for (const ring of rings) {
    const points = ring
      .slice(1)
      .split('L')
      .map((p) => p.split(',').map(Number) as [number, number]);
    const kept: [number, number][] = [];
    for (const p of points) {
      const last = kept[kept.length - 1];
      if (last === undefined || Math.hypot(p[0] - last[0], p[1] - last[1]) >= MIN_STEP) kept.push(p);
    }
    if (kept.length >= 3) out.push(`M${kept.map((p) => `${p[0]},${p[1]}`).join('L')}Z`);
  }
  return out.join('');
}
