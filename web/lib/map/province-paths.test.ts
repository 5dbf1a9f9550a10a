import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAP_HEIGHT, MAP_WIDTH, type ProvincePath } from './geometry';
import { provincePaths, thin } from './province-paths';

const data = new URL('../../public/data/', import.meta.url);

describe('the province paths the site ships', () => {
  const shipped = JSON.parse(readFileSync(new URL('provinces.paths.json', data), 'utf8')) as ProvincePath[];

  it('are what the projection of the TopoJSON gives (rerun write-province-paths.ts after changing either)', () => {
    const computed = provincePaths(readFileSync(new URL('indonesia-provinces.topo.json', data), 'utf8'));
    expect(shipped).toEqual(computed);
  });

  it('draw all 38 provinces, each inside the viewBox', () => {
    expect(shipped).toHaveLength(38);
    expect(new Set(shipped.map((p) => p.code)).size).toBe(38);
    for (const p of shipped) {
      expect(p.d, p.code).toMatch(/^M/);
      const numbers = p.d.match(/-?[\d.]+/g)?.map(Number) ?? [];
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      expect(Math.min(...xs), p.code).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...xs), p.code).toBeLessThanOrEqual(MAP_WIDTH + 0.5);
      expect(Math.min(...ys), p.code).toBeGreaterThanOrEqual(-0.5);
      expect(Math.max(...ys), p.code).toBeLessThanOrEqual(MAP_HEIGHT + 0.5);
    }
  });
});

describe('thin', () => {
  it('drops points closer than the step and rings too small to see', () => {
    expect(thin('M0,0L0.1,0L10,0L10,10L0,10ZM50,50L50.2,50L50,50.2Z')).toBe('M0,0L10,0L10,10L0,10Z');
  });
});
