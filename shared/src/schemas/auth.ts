import { z } from 'zod';
import { Id, LIMITS, Role, text } from './common';

export const DevLoginBody = z
  .strictObject({
    role: Role,
    /** The same (role, name) always logs into the same account. */
    name: text(LIMITS.name).optional(),
  })
  .meta({ id: 'DevLoginBody' });
export type DevLoginBody = z.infer<typeof DevLoginBody>;

export const User = z.object({ id: Id, role: Role, name: z.string().optional() }).meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const DevLoginResponse = z.object({ token: z.string(), user: User }).meta({ id: 'DevLoginResponse' });
export type DevLoginResponse = z.infer<typeof DevLoginResponse>;

/** Who the caller is and which profile they own, for the web app's first screen. */
export const Me = z
  .object({
    user: User,
    businessId: Id.optional(),
    organizationId: Id.optional(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
