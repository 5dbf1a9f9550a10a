import { z } from 'zod';

/** `/api/health`: whether the API can reach its table. Cached briefly on the server side (see the route). */
export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({
      reachable: z.boolean(),
      table: z.string(),
      tableStatus: z.string().optional(),
      latencyMs: z.number().optional(),
      /** When this answer was measured (ISO time): answers within the cache window repeat it. */
      checkedAt: z.string(),
    }),
  })
  .meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;
