import { z } from 'zod';

/** An RFC 9457 problem document; `errors` lists the failing fields of invalid input. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    /** A cap was reached: which named limit (a key of LIMITS) and its value. */
    limit: z.object({ name: z.string(), value: z.number().int() }).optional(),
    /** The matching core's hard filter that excludes the pair, as the match list's "why not" says it. */
    whyNot: z.object({ filter: z.string(), reason: z.object({ id: z.string(), en: z.string() }) }).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
