import { createRoute } from '@hono/zod-openapi';
import { PROVINCES, SECTORS } from '@sinergi/shared/reference';
import { ProvinceList, SectorList } from '@sinergi/shared/schemas';
import { router } from '../../http/env';
import { json } from '../../http/openapi';

const tags = ['Reference data'];

const provinces = createRoute({
  method: 'get',
  path: '/provinces',
  tags,
  summary: 'The 38 provinces with BPS codes, capitals, coordinates and the March 2025 poverty rate',
  responses: { 200: json(ProvinceList) },
});

const sectors = createRoute({
  method: 'get',
  path: '/sectors',
  tags,
  summary: 'UMKM sectors with their KBLI 2020 sections and divisions',
  responses: { 200: json(SectorList) },
});

export function referenceRoutes() {
  const app = router();
  const provinceList = { items: PROVINCES.map((p) => ({ ...p })) };
  const sectorList = {
    items: SECTORS.map((s) => ({
      key: s.key,
      nameId: s.nameId,
      nameEn: s.nameEn,
      kbliSections: [...s.kbliSections],
      kbliDivisions: [...s.kbliDivisions],
    })),
  };
  app.openapi(provinces, (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.json(provinceList, 200);
  });
  app.openapi(sectors, (c) => {
    c.header('cache-control', 'public, max-age=86400');
    return c.json(sectorList, 200);
  });
  return app;
}
